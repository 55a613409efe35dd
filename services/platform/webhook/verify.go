package webhook

import (
	"crypto/hmac"
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Tolerance is how far a try's timestamp may be from the receiver's clock, either way:
// older tries are refused as replays.
const Tolerance = 5 * time.Minute

// Why a call does not verify.
var (
	ErrHeaders   = errors.New("webhook: the webhook-id, webhook-timestamp or webhook-signature header is missing")
	ErrTimestamp = errors.New("webhook: the timestamp is too far from now")
	ErrSignature = errors.New("webhook: no signature matches")
)

// Verify checks, as a receiver does, that the call with headers h and body was signed
// with secret within Tolerance of now: any one of the v1 signatures may match (a
// rotation sends two), others (v1a, asymmetric) are passed over. The comparison takes
// the same time whatever it finds.
func Verify(secret string, h http.Header, body []byte, now time.Time) error {
	key, err := Key(secret)
	if err != nil {
		return err
	}
	id, ts, sigs := header(h, HeaderID), header(h, HeaderTimestamp), header(h, HeaderSignature)
	if id == "" || ts == "" || sigs == "" {
		return ErrHeaders
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return ErrTimestamp
	}
	if at := time.Unix(sec, 0); at.Before(now.Add(-Tolerance)) || at.After(now.Add(Tolerance)) {
		return ErrTimestamp
	}
	want := mac(key, id, ts, body)
	for _, s := range strings.Fields(sigs) {
		version, sig, ok := strings.Cut(s, ",")
		if !ok || version != "v1" {
			continue
		}
		got, err := base64.StdEncoding.DecodeString(sig)
		if err == nil && hmac.Equal(got, want) {
			return nil
		}
	}
	return ErrSignature
}

// header is h's value of name, whether h was read by net/http (whose names are in
// canonical form) or made by hand in the specification's lower case.
func header(h http.Header, name string) string {
	if v := h.Get(name); v != "" {
		return v
	}
	if v := h[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}
