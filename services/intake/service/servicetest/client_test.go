package servicetest

import (
	"net/http"
	"testing"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
)

// call sends a request and checks the conventions every answer follows (apitest.Call);
// headers come in name, value pairs.
func (e *env) call(t testing.TB, method, path, token string, body []byte, headers ...string) apitest.Reply {
	t.Helper()
	return apitest.Call(t, http.DefaultClient, method, e.URL, path, token, body, headers...)
}

// do sends a request and reads the answer; it is safe to call from any goroutine.
func (e *env) do(method, path, token string, body []byte, headers ...string) (apitest.Reply, error) {
	return apitest.Do(http.DefaultClient, method, e.URL+path, token, body, headers...)
}

// token signs a demo account in (once per environment) and returns its access token.
func (e *env) token(t testing.TB, username string) string {
	t.Helper()
	e.mu.Lock()
	defer e.mu.Unlock()
	if tok, ok := e.tokens[username]; ok {
		return tok
	}
	r := e.call(t, "POST", "/api/v1/auth/token", "", apitest.JSON(t, map[string]string{"username": username, "password": demo.Password}))
	if r.Status != http.StatusOK {
		t.Fatalf("sign in %s: %d %s", username, r.Status, r.Body)
	}
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	r.Decode(t, &tok)
	e.tokens[username] = tok.AccessToken
	return tok.AccessToken
}

// receipt is the answer to a registration.
type receipt struct {
	ID         string `json:"id"`
	Code       string `json:"code"`
	LookupPIN  string `json:"lookup_pin"`
	Status     string `json:"status"`
	StatusCode int    `json:"status_code"`
	ReceivedAt string `json:"received_at"`
	DueAt      string `json:"due_at"`
	ReceiptURL string `json:"receipt_url"`
}

// applicantAddress is distinctive, so finding it anywhere means it leaked.
const applicantAddress = "Tổ 7, ấp Suối Dzui 3, xã Xuân Hưng"

// registration is a valid registration at office for a procedure the district decides.
func registration(office string) map[string]any {
	return map[string]any{
		"procedure_code":   "2.000720",
		"receiving_office": office,
		"channel":          "desk",
		"applicant": map[string]any{
			"full_name": "Nguyễn Văn An",
			"id_number": "075123456789",
			"phone":     "0912345678",
			"email":     "an.nguyen@example.vn",
			"address":   applicantAddress,
		},
		"documents": []map[string]any{
			{"name": "Giấy đề nghị đăng ký hộ kinh doanh", "kind": "original", "copies": 1},
			{"name": "Căn cước công dân", "kind": "copy", "copies": 1},
		},
		"result_delivery": map[string]any{"method": "desk"},
		"fee_paid_vnd":    100000,
	}
}

// register posts a registration and returns the answer.
func (e *env) register(t testing.TB, token string, body []byte, headers ...string) apitest.Reply {
	t.Helper()
	return e.call(t, "POST", "/api/v1/dossiers", token, body, headers...)
}

// registered posts a registration that must succeed and returns its receipt.
func (e *env) registered(t testing.TB, token string, body map[string]any) receipt {
	t.Helper()
	r := e.register(t, token, apitest.JSON(t, body))
	if r.Status != http.StatusCreated {
		t.Fatalf("register: %d %s", r.Status, r.Body)
	}
	var rc receipt
	r.Decode(t, &rc)
	return rc
}

// getOK asks for path without a token; it must answer 200, and its body is decoded
// into v.
func (e *env) getOK(t testing.TB, path string, v any) {
	t.Helper()
	r := e.call(t, "GET", path, "", nil)
	if r.Status != http.StatusOK {
		t.Fatalf("%d %s", r.Status, r.Body)
	}
	r.Decode(t, v)
}
