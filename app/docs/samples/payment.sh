#!/usr/bin/env bash
# Sign On, Inquiry and Payment with curl (HTTP Digest: --digest).
set -euo pipefail
BASE="{baseURL}"
AUTH="{user}:{password}"
MERCHANT="{merchantID}"
REF=$(date +%s%N | tail -c 13)

post() { curl -s --digest -u "$AUTH" -H 'Content-Type: application/json' -d "$2" "$BASE$1"; }

SIGNON=$(post /auth/Sign-On "{\"mitra\":\"DJI\",\"accountID\":\"081234567890\",\"merchantID\":\"$MERCHANT\",\"merchantName\":\"PT.Testing\",\"counterID\":\"1\"}")
SESSION=$(echo "$SIGNON" | sed -E 's/.*"SessionID":"([^"]+)".*/\1/')
echo "Sign On: $SIGNON"

BODY="\"sessionID\":\"$SESSION\",\"merchantID\":\"$MERCHANT\",\"productID\":\"100301\",\"customerID\":\"110100019766\",\"referenceID\":\"$REF\""
INQUIRY=$(post /Services/Inquiry "{$BODY}")
echo "Inquiry: $INQUIRY"
field() { echo "$INQUIRY" | sed -E "s/.*\"$1\":\"([0-9]+)\".*/\1/"; }

PAYMENT=$(post /Services/Payment "{$BODY,\"tagihan\":\"$(field tagihan)\",\"admin\":\"$(field admin)\",\"total\":\"$(field total)\"}")
echo "Payment: $PAYMENT"
