package httpapi

import (
	"bytes"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestRequestHash(t *testing.T) {
	same := RequestHash([]byte("/api/v1/dossiers/X/actions/accept"), []byte("{}"))
	if !bytes.Equal(same, RequestHash([]byte("/api/v1/dossiers/X/actions/accept"), []byte("{}"))) {
		t.Error("the same request hashes alike")
	}
	if bytes.Equal(RequestHash([]byte("ab"), []byte("c")), RequestHash([]byte("a"), []byte("bc"))) {
		t.Error("parts that run together alike hash alike")
	}
	if bytes.Equal(same, RequestHash([]byte("/api/v1/dossiers/Y/actions/accept"), []byte("{}"))) {
		t.Error("another dossier hashes like the first")
	}
}

func TestIdempotencyKey(t *testing.T) {
	for _, tc := range []struct {
		header, want, code string
	}{
		{"", "", ""},
		{"  3f1c-a  ", "3f1c-a", ""},
		{strings.Repeat("k", 201), "", "too_long"},
		{"a\x01b", "", "invalid_idempotency_key"},
		{"a\xffb", "", "invalid_idempotency_key"},
	} {
		r := httptest.NewRequest("POST", "/", nil)
		r.Header.Set("Idempotency-Key", tc.header)
		got, err := IdempotencyKey(r)
		var e *Error
		switch {
		case tc.code == "" && (err != nil || got != tc.want):
			t.Errorf("%q: %q, %v", tc.header, got, err)
		case tc.code != "" && (!errors.As(err, &e) || e.Code != tc.code || e.Field != "Idempotency-Key"):
			t.Errorf("%q: want %s, got %v", tc.header, tc.code, err)
		}
	}
}
