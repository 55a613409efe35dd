package httpapi

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

type sample struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

func decode(body string) error {
	r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	var s sample
	return DecodeJSON(httptest.NewRecorder(), r, &s, 1024)
}

func TestDecodeJSONStatuses(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		status     int
		field      string
	}{
		{"valid", `{"name":"Xuân Lộc","count":1}`, 0, ""},
		{"empty", ``, http.StatusBadRequest, ""},
		{"malformed", `{"name":`, http.StatusBadRequest, ""},
		{"not utf-8", "{\"name\":\"\xff\"}", http.StatusBadRequest, ""},
		{"wrong type", `{"count":"many"}`, http.StatusUnprocessableEntity, "count"},
		{"too large", `{"name":"` + strings.Repeat("a", 2000) + `"}`, http.StatusRequestEntityTooLarge, ""},
	} {
		err := decode(tc.body)
		if tc.status == 0 {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		var e *Error
		if !errors.As(err, &e) || e.Status != tc.status || e.Field != tc.field {
			t.Errorf("%s: got %#v, want status %d field %q", tc.name, err, tc.status, tc.field)
		}
	}
}

func TestWriteErrorEnvelope(t *testing.T) {
	rec := httptest.NewRecorder()
	WriteError(rec, httptest.NewRequest(http.MethodGet, "/", nil), nil, TooMany("Slow down.", 7))
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "7" {
		t.Fatalf("status %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	var env struct {
		Error struct{ Code, Message, Field string }
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &env); err != nil || env.Error.Code != "too_many_requests" || env.Error.Message == "" {
		t.Fatalf("envelope %s: %v", rec.Body.String(), err)
	}
}

func FuzzDecodeJSON(f *testing.F) {
	f.Add(`{"name":"a","count":2}`)
	f.Add(`[]`)
	f.Add(`{"count":1e999}`)
	f.Fuzz(func(t *testing.T, body string) {
		err := decode(body)
		if err == nil {
			return
		}
		var e *Error
		if !errors.As(err, &e) || e.Status < 400 || e.Status >= 500 {
			t.Fatalf("body %q gave %v: every bad body must be a 4xx", body, err)
		}
	})
}
