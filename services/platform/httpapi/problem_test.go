package httpapi

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestProblemDetailsWhenAsked: a client that accepts application/problem+json gets RFC
// 9457 problem details with the contract's code and field; every other client keeps the
// contract's envelope.
func TestProblemDetailsWhenAsked(t *testing.T) {
	answer := func(accept string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodPost, "/api/v1/dossiers", nil)
		if accept != "" {
			r.Header.Set("Accept", accept)
		}
		w := httptest.NewRecorder()
		WriteError(w, r, slog.New(slog.DiscardHandler), Problem(http.StatusUnprocessableEntity, "applicant.phone", "invalid_phone"))
		return w
	}
	w := answer("application/problem+json, application/json;q=0.5")
	var p map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	if w.Header().Get("Content-Type") != "application/problem+json" || p["status"] != float64(422) || p["type"] != "about:blank" ||
		p["title"] != "Unprocessable Entity" || p["code"] != "invalid_phone" || p["field"] != "applicant.phone" || p["detail"] == "" {
		t.Errorf("problem details: %s %v", w.Header().Get("Content-Type"), p)
	}
	for _, accept := range []string{"", "application/json", "*/*", "application/problem+json;q=0"} {
		w := answer(accept)
		var env struct {
			Error struct{ Code string } `json:"error"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &env); err != nil || env.Error.Code != "invalid_phone" {
			t.Errorf("Accept %q: not the envelope: %s", accept, w.Body)
		}
	}
}
