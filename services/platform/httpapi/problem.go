package httpapi

import (
	"encoding/json"
	"mime"
	"net/http"
	"strings"
)

// problemJSON is an error as RFC 9457 problem details, with the contract's code and
// field as extension members, for a client that asks for it.
type problemJSON struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
	Code   string `json:"code"`
	Field  string `json:"field,omitempty"`
}

// problemContentType is the media type of RFC 9457.
const problemContentType = "application/problem+json"

// wantsProblem reports whether r's Accept header asks for problem details; the
// contract's envelope stays the answer to everyone else.
func wantsProblem(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		if mt, params, err := mime.ParseMediaType(strings.TrimSpace(part)); err == nil && mt == problemContentType && params["q"] != "0" {
			return true
		}
	}
	return false
}

// writeProblem answers with e as problem details in the words msg.
func writeProblem(w http.ResponseWriter, e *Error, msg string) {
	body, _ := json.Marshal(problemJSON{Type: "about:blank", Title: http.StatusText(e.Status), Status: e.Status,
		Detail: msg, Code: e.Code, Field: e.Field})
	w.Header().Set("Content-Type", problemContentType)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(e.Status)
	_, _ = w.Write(body)
}
