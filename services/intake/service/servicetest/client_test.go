package servicetest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/intake/demo"
)

// reply is an HTTP answer, read whole.
type reply struct {
	Status int
	Header http.Header
	Body   []byte
}

// apiError is the error envelope of the contract.
type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Field   string `json:"field"`
	} `json:"error"`
}

// call sends a request and checks the conventions every answer follows: never a 500,
// JSON, and the error envelope on every 4xx. headers come in name, value pairs.
func (e *env) call(t testing.TB, method, path, token string, body []byte, headers ...string) reply {
	t.Helper()
	r, err := e.do(method, path, token, body, headers...)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	r.check(t, method+" "+path)
	return r
}

// do sends a request and reads the answer; it is safe to call from any goroutine.
func (e *env) do(method, path, token string, body []byte, headers ...string) (reply, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, e.URL+path, rd)
	if err != nil {
		return reply{}, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return reply{}, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return reply{}, fmt.Errorf("read body: %w", err)
	}
	return reply{Status: resp.StatusCode, Header: resp.Header, Body: data}, nil
}

// check fails the test when an answer breaks the API's conventions.
func (r reply) check(t testing.TB, what string) {
	t.Helper()
	if r.Status >= 500 {
		t.Fatalf("%s: %d %s", what, r.Status, r.Body)
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s: Content-Type %q, want JSON", what, ct)
	}
	if r.Status >= 400 {
		var ae apiError
		if err := json.Unmarshal(r.Body, &ae); err != nil || ae.Error.Code == "" || ae.Error.Message == "" {
			t.Errorf("%s: %d without the error envelope: %s", what, r.Status, r.Body)
		}
	}
}

// decode unmarshals the body into v.
func (r reply) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("decode %s: %v", r.Body, err)
	}
}

// apiErr returns the error envelope of a failed answer.
func (r reply) apiErr(t testing.TB) apiError {
	t.Helper()
	var ae apiError
	r.decode(t, &ae)
	return ae
}

// expectError checks an answer's status, error code and (when not empty) field.
func (r reply) expectError(t testing.TB, status int, code, field string) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d: %s", r.Status, status, r.Body)
	}
	ae := r.apiErr(t)
	if code != "" && ae.Error.Code != code {
		t.Errorf("error code %q, want %q: %s", ae.Error.Code, code, r.Body)
	}
	if field != "" && ae.Error.Field != field {
		t.Errorf("error field %q, want %q: %s", ae.Error.Field, field, r.Body)
	}
}

// token signs a demo account in (once per environment) and returns its access token.
func (e *env) token(t testing.TB, username string) string {
	t.Helper()
	e.mu.Lock()
	defer e.mu.Unlock()
	if tok, ok := e.tokens[username]; ok {
		return tok
	}
	r := e.call(t, "POST", "/api/v1/auth/token", "", mustJSON(t, map[string]string{"username": username, "password": demo.Password}))
	if r.Status != http.StatusOK {
		t.Fatalf("sign in %s: %d %s", username, r.Status, r.Body)
	}
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	r.decode(t, &tok)
	e.tokens[username] = tok.AccessToken
	return tok.AccessToken
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
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
func (e *env) register(t testing.TB, token string, body []byte, headers ...string) reply {
	t.Helper()
	return e.call(t, "POST", "/api/v1/dossiers", token, body, headers...)
}
