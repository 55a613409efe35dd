package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"unicode/utf8"
)

// DefaultBodyLimit is the largest request body accepted unless a route says otherwise.
const DefaultBodyLimit = 64 << 10

// DecodeJSON reads one JSON value of at most limit bytes from r into dst. Bodies that are
// too large give a 413, malformed or non-UTF-8 ones a 400, a value of the wrong type a
// 422 naming the field.
func DecodeJSON(w http.ResponseWriter, r *http.Request, dst any, limit int64) error {
	if limit <= 0 {
		limit = DefaultBodyLimit
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return &Error{Status: http.StatusRequestEntityTooLarge, Code: "body_too_large",
				Message: fmt.Sprintf("The request body is larger than %d KiB; send less.", limit>>10)}
		}
		return BadRequest("unreadable_body", "The request body could not be read; send it again.")
	}
	if len(data) == 0 {
		return BadRequest("empty_body", "The request needs a JSON body.")
	}
	if !utf8.Valid(data) {
		return BadRequest("invalid_utf8", "The request body must be UTF-8 text.")
	}
	if err := json.Unmarshal(data, dst); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			field := typeErr.Field
			return Invalid(field, "wrong_type", fmt.Sprintf("The field %q must be a %s.", field, jsonKind(typeErr.Type.Kind().String())))
		}
		return BadRequest("malformed_json", "The request body is not valid JSON: "+err.Error())
	}
	return nil
}

func jsonKind(goKind string) string {
	switch goKind {
	case "string":
		return "string"
	case "int", "int32", "int64", "uint", "uint32", "uint64", "float64", "float32":
		return "number"
	case "bool":
		return "boolean"
	case "slice", "array":
		return "list"
	default:
		return "JSON object"
	}
}
