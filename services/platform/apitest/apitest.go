// Package apitest is the HTTP client the services' tests drive their API with, checking
// the conventions of the contract on every answer: never a 500, JSON, the error envelope
// on every 4xx.
package apitest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
)

// Reply is an HTTP answer, read whole.
type Reply struct {
	Status int
	Header http.Header
	Body   []byte
}

// APIError is the error envelope of the contract.
type APIError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Field   string `json:"field"`
	} `json:"error"`
}

// Do sends a request with c and reads the answer whole; it is safe to call from any
// goroutine. A body is sent as JSON, a token as a bearer token, and headers come in
// name, value pairs.
func Do(c *http.Client, method, url, token string, body []byte, headers ...string) (Reply, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		return Reply{}, err
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
	resp, err := c.Do(req)
	if err != nil {
		return Reply{}, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return Reply{}, fmt.Errorf("read body: %w", err)
	}
	return Reply{Status: resp.StatusCode, Header: resp.Header, Body: data}, nil
}

// Call is Do on base+path that fails the test when the request cannot be made, and
// checks the answer with Check, naming it by method and path.
func Call(t testing.TB, c *http.Client, method, base, path, token string, body []byte, headers ...string) Reply {
	t.Helper()
	r, err := Do(c, method, base+path, token, body, headers...)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	r.Check(t, method+" "+path)
	return r
}

// JSON marshals v for a request's body, stopping the test when it cannot.
func JSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Check fails the test when an answer breaks the API's conventions: a 5xx stops it, an
// answer that is not JSON (but for a 204 without a body) or a 4xx without the error
// envelope (a code and a message) marks it failed. what names the request in the failures.
func (r Reply) Check(t testing.TB, what string) {
	t.Helper()
	if r.Status >= 500 {
		t.Fatalf("%s: %d %s", what, r.Status, r.Body)
	}
	if r.Status == http.StatusNoContent {
		if len(r.Body) > 0 {
			t.Errorf("%s: 204 with a body: %s", what, r.Body)
		}
		return
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s: Content-Type %q, want JSON", what, ct)
	}
	if r.Status >= 400 {
		var ae APIError
		if err := json.Unmarshal(r.Body, &ae); err != nil || ae.Error.Code == "" || ae.Error.Message == "" {
			t.Errorf("%s: %d without the error envelope: %s", what, r.Status, r.Body)
		}
	}
}

// Decode unmarshals the body into v, stopping the test when it cannot.
func (r Reply) Decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("decode %s: %v", r.Body, err)
	}
}

// APIError returns the error envelope of a failed answer, stopping the test when the
// body is not JSON.
func (r Reply) APIError(t testing.TB) APIError {
	t.Helper()
	var ae APIError
	r.Decode(t, &ae)
	return ae
}

// Expect stops the test unless the answer has the status; it returns r, to chain Decode.
func (r Reply) Expect(t testing.TB, status int) Reply {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d: %s", r.Status, status, r.Body)
	}
	return r
}

// ExpectError checks an error answer: a status other than status stops the test, an
// error code other than code or (when not empty) a field other than field marks it
// failed.
func (r Reply) ExpectError(t testing.TB, status int, code, field string) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d (%s): %s", r.Status, status, code, r.Body)
	}
	ae := r.APIError(t)
	if code != "" && ae.Error.Code != code {
		t.Errorf("error code %q, want %q: %s", ae.Error.Code, code, r.Body)
	}
	if field != "" && ae.Error.Field != field {
		t.Errorf("error field %q, want %q: %s", ae.Error.Field, field, r.Body)
	}
}
