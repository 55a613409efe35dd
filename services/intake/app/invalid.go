package app

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Invalid is an administrator's entry that cannot be saved: for each field, a code
// saying why ("code.taken", "fee.negative", …), worded by the catalogue of words
// (vocabulary.Problem) beside the field.
type Invalid map[string]string

func (e Invalid) Error() string {
	parts := make([]string, 0, len(e))
	for f, c := range e {
		parts = append(parts, f+": "+c)
	}
	sort.Strings(parts)
	return "invalid: " + strings.Join(parts, ", ")
}

// First is the field of e that comes first by name, for an answer that names one.
func (e Invalid) First() string {
	fields := make([]string, 0, len(e))
	for f := range e {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	if len(fields) == 0 {
		return ""
	}
	return fields[0]
}

// orNil is e when it holds anything, else a nil error.
func (e Invalid) orNil() error {
	if len(e) == 0 {
		return nil
	}
	return e
}

// saved is the administrator's answer to the store's err on saving an entry (what: an
// office, a procedure): a code taken since it was checked is the code's problem.
func saved(what string, err error) error {
	switch {
	case errors.Is(err, ErrCodeTaken):
		return Invalid{"code": "code.taken"}
	case err != nil:
		return fmt.Errorf("save %s: %w", what, err)
	}
	return nil
}
