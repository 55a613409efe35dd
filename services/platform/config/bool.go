package config

import (
	"fmt"
	"strconv"
)

// Bool reads true or false (also 1 or 0, as strconv.ParseBool reads them).
func (r *Reader) Bool(name string, def bool) bool {
	v, ok := r.raw(name)
	if !ok {
		r.seen = append(r.seen, Setting{Name: name, Value: strconv.FormatBool(def)})
		return def
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		r.errs = append(r.errs, fmt.Sprintf("%s: %q is not true or false", name, v))
		return def
	}
	r.seen = append(r.seen, Setting{Name: name, Value: strconv.FormatBool(b)})
	return b
}
