package httpapi

import (
	"encoding/json"
	"errors"
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
			return nil, Problem(http.StatusRequestEntityTooLarge, "", "body_too_large", limit>>10)
		}
		return nil, Problem(http.StatusBadRequest, "", "unreadable_body")
	}
	if len(data) == 0 {
		return nil, Problem(http.StatusBadRequest, "", "empty_body")
	}
	if !utf8.Valid(data) {
		return nil, Problem(http.StatusBadRequest, "", "invalid_utf8")
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
				return Problem(http.StatusUnprocessableEntity, "", "wrong_type")
			}
			return Problem(http.StatusUnprocessableEntity, field, "wrong_type", field, jsonKind(typeErr.Type.Kind().String()))
		}
		return Problem(http.StatusBadRequest, "", "malformed_json", err.Error())
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
