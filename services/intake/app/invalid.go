package app

import (
	"sort"
	"strings"
)

// Invalid is an administrator's entry that cannot be saved: for each field, a code
// saying why ("code.format", "fee.negative", …), which the pages put in words beside
// the field.
type Invalid map[string]string

func (e Invalid) Error() string {
	parts := make([]string, 0, len(e))
	for f, c := range e {
		parts = append(parts, f+": "+c)
	}
	sort.Strings(parts)
	return "invalid: " + strings.Join(parts, ", ")
}

// orNil is e when it holds anything, else a nil error.
func (e Invalid) orNil() error {
	if len(e) == 0 {
		return nil
	}
	return e
}
