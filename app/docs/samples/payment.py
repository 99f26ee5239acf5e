# Sign On, Inquiry and Payment with Python requests (HTTP Digest).
import json
import time

import requests
from requests.auth import HTTPDigestAuth

BASE = "{baseURL}"
AUTH = HTTPDigestAuth("{user}", "{password}")
MERCHANT = "{merchantID}"
REF = str(time.time_ns())[-12:]


def post(path, body):
    return requests.post(BASE + path, json=body, auth=AUTH, timeout=30).json()


signon = post("/auth/Sign-On", {"mitra": "DJI", "accountID": "081234567890", "merchantID": MERCHANT,
                                "merchantName": "PT.Testing", "counterID": "1"})
print("Sign On:", json.dumps(signon))
order = {"sessionID": signon["SessionID"], "merchantID": MERCHANT, "productID": "100301",
         "customerID": "110100019766", "referenceID": REF}
inquiry = post("/Services/Inquiry", order)
print("Inquiry:", json.dumps(inquiry))
bill = inquiry["data"]
payment = post("/Services/Payment", {**order, "tagihan": bill["tagihan"], "admin": bill["admin"], "total": bill["total"]})
print("Payment:", json.dumps(payment))
