package webhook

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

// The specification's published test vector (its libraries' tests carry it).
const (
	vectorSecret    = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	vectorID        = "msg_p5jXN8AQM9LWM0D4loKWxJek"
	vectorTimestamp = 1614265330
	vectorBody      = `{"test": 2432232314}`
	vectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
)

func TestTheSpecificationsVector(t *testing.T) {
	key, err := Key(vectorSecret)
	if err != nil {
		t.Fatal(err)
	}
	if got := Sign(key, vectorID, vectorTimestamp, []byte(vectorBody)); got != vectorSignature {
		t.Fatalf("Sign: %s, want %s", got, vectorSignature)
	}
	h := http.Header{}
	if err := SetHeaders(h, vectorID, time.Unix(vectorTimestamp, 0), []byte(vectorBody), vectorSecret); err != nil {
		t.Fatal(err)
	}
	if h.Get(HeaderSignature) != vectorSignature || h.Get(HeaderTimestamp) != "1614265330" || h.Get(HeaderID) != vectorID {
		t.Errorf("headers %v", h)
	}
	at := time.Unix(vectorTimestamp, 0)
	if err := Verify(vectorSecret, h, []byte(vectorBody), at.Add(4*time.Minute)); err != nil {
		t.Errorf("the vector does not verify: %v", err)
	}
}

func TestVerify(t *testing.T) {
	now := time.Unix(vectorTimestamp, 0)
	other := NewSecret()
	signed := func(secrets ...string) http.Header {
		h := http.Header{}
		if err := SetHeaders(h, vectorID, now, []byte(vectorBody), secrets...); err != nil {
			t.Fatal(err)
		}
		return h
	}
	rotated := signed(other, vectorSecret)
	if sigs := strings.Fields(rotated.Get(HeaderSignature)); len(sigs) != 2 || sigs[1] != vectorSignature {
		t.Fatalf("a rotation's header: %v", sigs)
	}
	asymmetricFirst := signed(vectorSecret)
	asymmetricFirst.Set(HeaderSignature, "v1a,aGVsbG8= "+vectorSignature)
	for _, tc := range []struct {
		name   string
		secret string
		h      http.Header
		body   string
		now    time.Time
		want   error
	}{
		{"either of a rotation's two, the old", vectorSecret, rotated, vectorBody, now, nil},
		{"either of a rotation's two, the new", other, rotated, vectorBody, now, nil},
		{"past a signature of another scheme", vectorSecret, asymmetricFirst, vectorBody, now, nil},
		{"the secret without its prefix", strings.TrimPrefix(vectorSecret, SecretPrefix), signed(vectorSecret), vectorBody, now, nil},
		{"a body changed on the way", vectorSecret, signed(vectorSecret), `{"test": 2432232315}`, now, ErrSignature},
		{"another secret", NewSecret(), signed(vectorSecret), vectorBody, now, ErrSignature},
		{"older than the tolerance", vectorSecret, signed(vectorSecret), vectorBody, now.Add(Tolerance + time.Second), ErrTimestamp},
		{"from the future", vectorSecret, signed(vectorSecret), vectorBody, now.Add(-Tolerance - time.Second), ErrTimestamp},
		{"no headers", vectorSecret, http.Header{}, vectorBody, now, ErrHeaders},
		{"headers in the specification's lower case", vectorSecret, http.Header{"webhook-id": {vectorID},
			"webhook-timestamp": {"1614265330"}, "webhook-signature": {vectorSignature}}, vectorBody, now, nil},
		{"a secret too short", "whsec_c2hvcnQ=", signed(vectorSecret), vectorBody, now, ErrSecret},
	} {
		if err := Verify(tc.secret, tc.h, []byte(tc.body), tc.now); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
	// The id is part of what is signed: a try cannot be passed off as another.
	moved := signed(vectorSecret)
	moved.Set(HeaderID, "msg_another")
	if err := Verify(vectorSecret, moved, []byte(vectorBody), now); !errors.Is(err, ErrSignature) {
		t.Errorf("another id: %v", err)
	}
}

func TestNewSecret(t *testing.T) {
	a, b := NewSecret(), NewSecret()
	key, err := Key(a)
	if !strings.HasPrefix(a, SecretPrefix) || err != nil || len(key) != 24 || a == b {
		t.Errorf("NewSecret: %q (%d bytes, %v), then %q", a, len(key), err, b)
	}
}
