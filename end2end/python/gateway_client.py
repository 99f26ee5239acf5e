"""A partner's client as many partners write it: python-requests with
HTTPDigestAuth, one Session reused for every call (so the nonce is reused
with nc 2, 3, ...). Run by server/tests/gateway.rs against a live gateway;
exits non-zero with a message on the first surprise.

Environment: GATEWAY_URL, API_USER, API_PASSWORD, MERCHANT_ID.
"""
import os
import sys

import requests
from requests.auth import HTTPDigestAuth


def main() -> int:
    base = os.environ["GATEWAY_URL"]
    merchant = os.environ["MERCHANT_ID"]
    s = requests.Session()
    s.auth = HTTPDigestAuth(os.environ["API_USER"], os.environ["API_PASSWORD"])

    def post(path, body):
        r = s.post(base + path, json=body, timeout=10)
        if r.status_code != 200:
            raise SystemExit(f"{path}: HTTP {r.status_code}: {r.text}")
        if not r.headers.get("Content-Type", "").startswith("application/json"):
            raise SystemExit(f"{path}: not JSON: {r.headers}")
        return r.json()

    signon = post("/auth/Sign-On", {
        "mitra": "DJI", "accountID": "081234567890", "merchantID": merchant,
        "merchantName": "PT.Testing", "counterID": "1",
    })
    sid = signon.get("SessionID")
    if not (isinstance(sid, str) and len(sid) == 32):
        raise SystemExit(f"Sign-On: {signon}")
    for _ in range(3):
        dep = post("/Services/getCurrentDeposit", {"sessionID": sid, "merchantID": merchant})
        if dep != {"rc": "00", "deposit": "10000000"}:
            raise SystemExit(f"getCurrentDeposit: {dep}")
    bad = post("/Services/getCurrentDeposit", {"sessionID": "0" * 32, "merchantID": merchant})
    if bad.get("rc") != "34":
        raise SystemExit(f"an unknown session must get rc 34: {bad}")
    print("python-requests client: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
