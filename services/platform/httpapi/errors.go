// Package httpapi holds the HTTP conventions every service follows: JSON bodies with size
// limits, the error envelope, request metrics and logs without personal data, health
// endpoints and a server that drains on shutdown.
package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/platform/database"
)

// Error is an answer for the client: an HTTP status, a snake_case code, a sentence a
// person can act on and, when one field is at fault, its name.
type Error struct {
	Status int
	Code   string
	// Words say the problem in each language, from the catalogue of words; the answer
	// is in the request's language (see Language).
	Words vocabulary.Words
	// Message is a sentence already said in the request's language, for an answer that
	// must not tell which language it speaks (it sends no Content-Language); Words, when
	// set, comes first.
	Message string
	Field   string
	// RetryAfter, when set on a 429, is sent as the Retry-After header (seconds).
	RetryAfter int
}

func (e *Error) Error() string { return e.Code + ": " + e.In(vocabulary.English) }

// In is the error's sentence in lang.
func (e *Error) In(lang vocabulary.Lang) string {
	if e.Words != (vocabulary.Words{}) {
		return e.Words.In(lang)
	}
	return e.Message
}

// Problem is an answer with status and code, worded by the catalogue of words for field
// and code (see vocabulary.Problem), args filling its verbs.
func Problem(status int, field, code string, args ...any) *Error {
	return &Error{Status: status, Code: code, Field: field, Words: vocabulary.Problem(field, code, args...)}
}

// Unauthorized is a 401, worded by the catalogue for reason (no_token, bad_token,
// bad_credentials, …).
func Unauthorized(reason string, args ...any) *Error {
	return &Error{Status: http.StatusUnauthorized, Code: "unauthorized", Words: vocabulary.Problem("", reason, args...)}
}

// Forbidden is a 403, worded by the catalogue for reason (role_refused, …).
func Forbidden(reason string, args ...any) *Error {
	return &Error{Status: http.StatusForbidden, Code: "forbidden", Words: vocabulary.Problem("", reason, args...)}
}

// TooMany is a 429 asking the client to wait retryAfter seconds, worded by the
// catalogue for reason.
func TooMany(reason string, retryAfter int) *Error {
	return &Error{Status: http.StatusTooManyRequests, Code: "too_many_requests", Words: vocabulary.Problem("", reason),
		RetryAfter: retryAfter}
}

// RetryAfter is a wait as a Retry-After header says it: whole seconds, rounded up, at
// least one.
func RetryAfter(wait time.Duration) int { return max(int(math.Ceil(wait.Seconds())), 1) }

type envelope struct {
	Error body `json:"error"`
}

type body struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

// WriteError answers with err: an *Error as it says, a database out of reach as a 503,
// anything else as a 500 whose cause is logged (never sent). A request its client gave
// up on gets no answer. The body is the contract's error envelope, or RFC 9457 problem
// details when the request's Accept asks for application/problem+json.
func WriteError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	var e *Error
	switch {
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		return // the client went away: nobody reads an answer
	case errors.As(err, &e):
	case database.Unavailable(err):
		log.WarnContext(r.Context(), "dependency unavailable", "method", r.Method, "path", r.URL.Path, "err", err.Error())
		e = Problem(http.StatusServiceUnavailable, "", "temporarily_unavailable")
		e.RetryAfter = 2
	default:
		log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "err", err.Error())
		e = Problem(http.StatusInternalServerError, "", "internal")
	}
	if e.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(e.RetryAfter))
	}
	lang := Language(r)
	if e.Words != (vocabulary.Words{}) {
		w.Header().Set("Content-Language", string(lang))
	}
	if wantsProblem(r) {
		writeProblem(w, e, e.In(lang))
		return
	}
	WriteJSON(w, e.Status, envelope{Error: body{Code: e.Code, Message: e.In(lang), Field: e.Field}})
}

// WriteJSON answers with v encoded as JSON.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`{"error":{"code":"internal","message":"The answer could not be encoded."}}`)
	}
	WriteRaw(w, status, body)
}

// WriteRaw answers with a body that is already JSON, such as a stored idempotent answer.
func WriteRaw(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
