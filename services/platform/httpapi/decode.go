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

// DecodeJSON reads one JSON value of at most limit bytes from r into dst: ReadBody then
// UnmarshalJSON.
func DecodeJSON(w http.ResponseWriter, r *http.Request, dst any, limit int64) error {
	data, err := ReadBody(w, r, limit)
	if err != nil {
		return err
	}
	return UnmarshalJSON(data, dst)
}

// ReadBody reads a request body of at most limit bytes (DefaultBodyLimit when limit is 0).
// A larger body gives a 413, an empty or non-UTF-8 one a 400.
func ReadBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultBodyLimit
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, &Error{Status: http.StatusRequestEntityTooLarge, Code: "body_too_large",
				Message: fmt.Sprintf("The request body is larger than %d KiB; send less.", limit>>10)}
		}
		return nil, BadRequest("unreadable_body", "The request body could not be read; send it again.")
	}
	if len(data) == 0 {
		return nil, BadRequest("empty_body", "The request needs a JSON body.")
	}
	if !utf8.Valid(data) {
		return nil, BadRequest("invalid_utf8", "The request body must be UTF-8 text.")
	}
	return data, nil
}

// UnmarshalJSON decodes data into dst: malformed JSON gives a 400, a value of the wrong
// type a 422 naming the field.
func UnmarshalJSON(data []byte, dst any) error {
	if err := json.Unmarshal(data, dst); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			field := typeErr.Field
			if field == "" {
				return Invalid("", "wrong_type", "The request body must be a JSON object.")
			}
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
