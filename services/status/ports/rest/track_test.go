package rest

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/ratelimit"
	"github.com/motcua/motcua/services/status/app/citizen"
)

func TestLanguage(t *testing.T) {
	for _, tc := range []struct {
		name, query, accept string
		want                vocabulary.Lang
	}{
		{"nothing asked", "", "", vocabulary.Vietnamese},
		{"lang=en", "lang=en", "", vocabulary.English},
		{"lang=EN", "lang=EN", "", vocabulary.English},
		{"lang=en-US", "lang=en-US", "", vocabulary.English},
		{"lang=vi", "lang=vi", "", vocabulary.Vietnamese},
		{"lang of another language", "lang=fr", "", vocabulary.Vietnamese},
		{"lang=vi beats the header", "lang=vi", "en", vocabulary.Vietnamese},
		{"lang=en beats the header", "lang=en", "vi-VN,vi;q=0.9", vocabulary.English},
		{"an empty lang leaves it to the header", "lang=", "en", vocabulary.English},
		{"header en", "", "en", vocabulary.English},
		{"header en-GB with others", "", "en-GB,en;q=0.9,vi;q=0.8", vocabulary.English},
		{"header in capitals", "", "EN-US", vocabulary.English},
		{"header vi first", "", "vi-VN,vi;q=0.9,en;q=0.8", vocabulary.Vietnamese},
		{"header of another language", "", "fr-FR,fr;q=0.9", vocabulary.Vietnamese},
		{"header wildcard", "", "*", vocabulary.Vietnamese},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/api/v1/track/X?"+tc.query, nil)
			if tc.accept != "" {
				r.Header.Set("Accept-Language", tc.accept)
			}
			if got := httpapi.Language(r); got != tc.want {
				t.Fatalf("language = %q, want %q", got, tc.want)
			}
		})
	}
}

// clock is a settable time for the limiters.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

// newTestAPI returns the routes of an API without a store: enough for every answer
// given before the database is asked.
func newTestAPI(byClient, byCode *ratelimit.Limiter) (http.Handler, *clock) {
	c := &clock{now: time.Date(2026, 3, 10, 2, 0, 0, 0, time.UTC)}
	a := &API{Log: slog.New(slog.DiscardHandler), Location: time.UTC, Now: c.Now,
		Citizen: citizen.NewService(citizen.Options{PINKey: make([]byte, 32), Location: time.UTC, Now: c.Now,
			Limits: citizen.Limits{ByClient: byClient, ByCode: byCode}})}
	r := chi.NewRouter()
	a.Mount(r)
	return r, c
}

func get(h http.Handler, target, from string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodGet, target, nil)
	r.RemoteAddr = from
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func errorCode(t *testing.T, w *httptest.ResponseRecorder) string {
	t.Helper()
	var env struct {
		Error struct {
			Code  string `json:"code"`
			Field string `json:"field"`
		} `json:"error"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &env); err != nil {
		t.Fatalf("not the error envelope: %v: %s", err, w.Body)
	}
	return env.Error.Code
}

func TestTrackRefusesImpossibleCodesWithoutTheStore(t *testing.T) {
	// Burst 1 per code: were an impossible code counted under its own key, asking it
	// again would be refused.
	h, _ := newTestAPI(ratelimit.New(100, time.Minute, 1000), ratelimit.New(1, time.Hour, 1000))
	for _, code := range []string{strings.Repeat("9", 41), "%FF%FE", "000.00.16.H19%00", strings.Repeat("%C3%A2", 41)} {
		for i := 0; i < 2; i++ {
			w := get(h, "/api/v1/track/"+code+"?pin=ABCDE23456", "192.0.2.1:1234")
			if w.Code != http.StatusNotFound || errorCode(t, w) != "dossier_not_found" {
				t.Fatalf("code %q, try %d: %d %s, want the 404 of an unknown code", code, i+1, w.Code, w.Body)
			}
		}
	}
	// 40 characters (here Vietnamese letters of two bytes each) reach the store.
	if !citizen.PlausibleCode(strings.Repeat("â", 40)) || citizen.PlausibleCode(strings.Repeat("â", 41)) {
		t.Fatal("the limit of 40 counts characters, not bytes")
	}
}

func TestTrackWithoutPIN(t *testing.T) {
	h, _ := newTestAPI(ratelimit.New(1, time.Minute, 1000), ratelimit.New(1, time.Minute, 1000))
	for i := 0; i < 3; i++ {
		for _, pin := range []string{"", "?pin=", "?pin=-%20-"} {
			w := get(h, "/api/v1/track/000.00.16.H19-260310-0001"+pin, "192.0.2.1:1234")
			if w.Code != http.StatusUnprocessableEntity || errorCode(t, w) != "required" {
				t.Fatalf("pin %q: %d %s, want 422 required (and never counted as a failure)", pin, w.Code, w.Body)
			}
		}
	}
}

func TestTrackLimitsWithRetryAfter(t *testing.T) {
	h, c := newTestAPI(ratelimit.New(2, 6*time.Second, 1000), ratelimit.New(20, time.Minute, 1000))
	longPIN := "?pin=" + strings.Repeat("A", 33) // refused before the store is asked
	for i := 0; i < 2; i++ {
		if w := get(h, "/api/v1/track/C1"+longPIN, "192.0.2.1:1234"); w.Code != http.StatusNotFound {
			t.Fatalf("failure %d: %d %s", i+1, w.Code, w.Body)
		}
	}
	for _, tc := range []struct {
		after time.Duration
		want  string
	}{{0, "6"}, {3 * time.Second, "3"}, {2500 * time.Millisecond, "1"}} {
		c.now = c.now.Add(tc.after)
		w := get(h, "/api/v1/track/C2?pin=ABCDE23456", "192.0.2.1:5678")
		if w.Code != http.StatusTooManyRequests || errorCode(t, w) != "too_many_requests" {
			t.Fatalf("+%v: %d %s, want 429", tc.after, w.Code, w.Body)
		}
		if got := w.Header().Get("Retry-After"); got != tc.want {
			t.Fatalf("+%v: Retry-After %q, want %q", tc.after, got, tc.want)
		}
	}
	// Another client is not refused.
	if w := get(h, "/api/v1/track/C1"+longPIN, "198.51.100.7:1234"); w.Code != http.StatusNotFound {
		t.Fatalf("another client: %d %s, want 404", w.Code, w.Body)
	}
	// Once a token has come back the client may try again (and fail: 404, not 429).
	c.now = c.now.Add(time.Second)
	if w := get(h, "/api/v1/track/C1"+longPIN, "192.0.2.1:1234"); w.Code != http.StatusNotFound {
		t.Fatalf("after the wait: %d %s, want 404", w.Code, w.Body)
	}
	if w := get(h, "/api/v1/track/C1"+longPIN, "192.0.2.1:1234"); w.Code != http.StatusTooManyRequests {
		t.Fatalf("failing again at once: %d %s, want 429", w.Code, w.Body)
	}
}
