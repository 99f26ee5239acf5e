# Schemathesis hooks: every generated request is sent the way python-requests
# partners send theirs — HTTP Digest with one nonce reused and nc counting up
# (requests.auth.HTTPDigestAuth answers the 401 challenge itself) — and with
# the documentation's stand-in merchant and session replaced by a real
# partner's, as a partner copying the examples would, so that the examples
# reach the billers instead of stopping at "wrong merchant".
import os

import schemathesis
from requests.auth import HTTPDigestAuth

DIGEST = HTTPDigestAuth(os.environ["GATEWAY_USER"], os.environ["GATEWAY_PASSWORD"])
STAND_IN = {
    "merchantID": (os.environ["EXAMPLE_MERCHANT_ID"], os.environ["MERCHANT_ID"]),
    "sessionID": (os.environ["EXAMPLE_SESSION_ID"], None),
}
session = {"id": None}


@schemathesis.hook
def before_call(context, case, kwargs):
    kwargs["auth"] = DIGEST
    if not isinstance(case.body, dict):
        return
    for field, (stand_in, real) in STAND_IN.items():
        real = real if real is not None else session["id"]
        if case.body.get(field) == stand_in and real is not None:
            case.body[field] = real


@schemathesis.hook
def after_call(context, case, response):
    # The newest session a Sign-On opened is the one the next calls use.
    if case.path == "/auth/Sign-On" and response.status_code == 200:
        try:
            found = response.json().get("SessionID")
        except ValueError:
            return
        if isinstance(found, str):
            session["id"] = found
