// Sign On, Inquiry and Payment with Go's standard library (HTTP Digest by hand).
package main

import (
	"bytes"
	"crypto/md5"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"time"
)

const (
	base     = "{baseURL}"
	user     = "{user}"
	password = "{password}"
	merchant = "{merchantID}"
)

func md5hex(s string) string {
	sum := md5.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

func param(challenge, key string) string {
	m := regexp.MustCompile(key + `="?([^",]+)"?`).FindStringSubmatch(challenge)
	if m == nil {
		return ""
	}
	return m[1]
}

// post sends body to path and prints the answer after label: the first request is answered 401 with the
// challenge; it is signed and sent again.
func post(label, path string, body map[string]string) map[string]interface{} {
	first, err := http.Post(base+path, "application/json", nil)
	if err != nil {
		panic(err)
	}
	first.Body.Close()
	challenge := first.Header.Get("WWW-Authenticate")
	realm, nonce, opaque := param(challenge, "realm"), param(challenge, "nonce"), param(challenge, "opaque")
	raw := make([]byte, 8)
	rand.Read(raw)
	cnonce, nc := hex.EncodeToString(raw), "00000001"
	ha1 := md5hex(user + ":" + realm + ":" + password)
	ha2 := md5hex("POST:" + path)
	response := md5hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)
	authorization := fmt.Sprintf(`Digest username="%s", realm="%s", nonce="%s", uri="%s", qop=auth, nc=%s, cnonce="%s", response="%s", opaque="%s"`,
		user, realm, nonce, path, nc, cnonce, response, opaque)
	payload, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", base+path, bytes.NewReader(payload))
	req.Header.Set("Authorization", authorization)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		panic(err)
	}
	defer res.Body.Close()
	text, _ := io.ReadAll(res.Body)
	answer := map[string]interface{}{}
	if err := json.Unmarshal(text, &answer); err != nil {
		panic(string(text))
	}
	fmt.Printf("%s: %s\n", label, text)
	return answer
}

func main() {
	ref := strconv.FormatInt(time.Now().UnixNano(), 10)
	ref = ref[len(ref)-12:]
	signon := post("Sign On", "/auth/Sign-On", map[string]string{"mitra": "DJI", "accountID": "081234567890",
		"merchantID": merchant, "merchantName": "PT.Testing", "counterID": "1"})
	order := map[string]string{"sessionID": fmt.Sprint(signon["SessionID"]), "merchantID": merchant,
		"productID": "100301", "customerID": "110100019766", "referenceID": ref}
	inquiry := post("Inquiry", "/Services/Inquiry", order)
	bill, _ := inquiry["data"].(map[string]interface{})
	for _, k := range []string{"tagihan", "admin", "total"} {
		order[k] = fmt.Sprint(bill[k])
	}
	post("Payment", "/Services/Payment", order)
}
