package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Sign is the v1 signature of body sent as id at the Unix time ts, keyed with key:
// "v1," and the base64 of HMAC-SHA256(key, "<id>.<ts>.<body>").
func Sign(key []byte, id string, ts int64, body []byte) string {
	return "v1," + base64.StdEncoding.EncodeToString(mac(key, id, strconv.FormatInt(ts, 10), body))
}

func mac(key []byte, id, ts string, body []byte) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(id))
	h.Write([]byte{'.'})
	h.Write([]byte(ts))
	h.Write([]byte{'.'})
	h.Write(body)
	return h.Sum(nil)
}

// SetHeaders puts on h the headers of a try made at t that carries body as id, signed
// with each of secrets (the current secret, then one a rotation keeps valid a while).
func SetHeaders(h http.Header, id string, t time.Time, body []byte, secrets ...string) error {
	ts := t.Unix()
	sigs := make([]string, 0, len(secrets))
	for _, s := range secrets {
		key, err := Key(s)
		if err != nil {
			return err
		}
		sigs = append(sigs, Sign(key, id, ts, body))
	}
	h.Set(HeaderID, id)
	h.Set(HeaderTimestamp, strconv.FormatInt(ts, 10))
	h.Set(HeaderSignature, strings.Join(sigs, " "))
	return nil
}
