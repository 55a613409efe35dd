// Package config reads a service's settings from the environment, with defaults, and
// describes them for the start-up log with secrets masked.
package config

import (
	"fmt"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"time"
)

// Reader reads environment variables and collects every error, so a service can read all
// its settings and report every bad one at once.
type Reader struct {
	lookup func(string) (string, bool)
	errs   []string
	seen   []Setting
}

// Setting is one variable as read, for the start-up log.
type Setting struct {
	Name   string
	Value  string
	Secret bool
}

// NewReader reads from the process environment.
func NewReader() *Reader { return &Reader{lookup: os.LookupEnv} }

// NewReaderFrom reads from a map, for tests and for the all-in-one command.
func NewReaderFrom(env map[string]string) *Reader {
	return &Reader{lookup: func(k string) (string, bool) { v, ok := env[k]; return v, ok }}
}

func (r *Reader) raw(name string) (string, bool) {
	v, ok := r.lookup(name)
	v = strings.TrimSpace(v)
	return v, ok && v != ""
}

// String returns the variable or def when unset.
func (r *Reader) String(name, def string) string {
	v, ok := r.raw(name)
	if !ok {
		v = def
	}
	r.seen = append(r.seen, Setting{Name: name, Value: v})
	return v
}

// Secret is String for values that must never be printed.
func (r *Reader) Secret(name, def string) string {
	v, ok := r.raw(name)
	if !ok {
		v = def
	}
	r.seen = append(r.seen, Setting{Name: name, Value: v, Secret: true})
	return v
}

// Duration reads a Go duration such as "30s".
func (r *Reader) Duration(name string, def time.Duration) time.Duration {
	v, ok := r.raw(name)
	if !ok {
		r.seen = append(r.seen, Setting{Name: name, Value: def.String()})
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		r.errs = append(r.errs, fmt.Sprintf("%s: %q is not a duration such as 30s", name, v))
		return def
	}
	r.seen = append(r.seen, Setting{Name: name, Value: d.String()})
	return d
}

// Int reads a non-negative integer.
func (r *Reader) Int(name string, def int) int {
	v, ok := r.raw(name)
	if !ok {
		r.seen = append(r.seen, Setting{Name: name, Value: strconv.Itoa(def)})
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		r.errs = append(r.errs, fmt.Sprintf("%s: %q is not a non-negative whole number", name, v))
		return def
	}
	r.seen = append(r.seen, Setting{Name: name, Value: v})
	return n
}

// Require records an error when value is empty.
func (r *Reader) Require(name, value string) {
	if value == "" {
		r.errs = append(r.errs, name+" must be set")
	}
}

// Err returns every problem found while reading, or nil.
func (r *Reader) Err() error {
	if len(r.errs) == 0 {
		return nil
	}
	return fmt.Errorf("configuration: %s", strings.Join(r.errs, "; "))
}

// LogValues returns the settings as alternating key/value pairs for slog, with secrets and
// passwords inside URLs masked.
func (r *Reader) LogValues() []any {
	out := make([]any, 0, 2*len(r.seen))
	for _, s := range r.seen {
		v := s.Value
		switch {
		case s.Secret && v != "":
			v = "****"
		default:
			v = MaskURL(v)
		}
		out = append(out, s.Name, v)
	}
	return out
}

// Networks reads a comma-separated list of addresses and networks, such as
// "10.0.0.0/8, 192.0.2.10"; unset, none.
func (r *Reader) Networks(name string) []netip.Prefix {
	v := r.String(name, "")
	var out []netip.Prefix
	for _, f := range strings.Split(v, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			a, aerr := netip.ParseAddr(f)
			if aerr != nil {
				r.errs = append(r.errs, fmt.Sprintf("%s: %q is not an address or a network such as 10.0.0.0/8", name, f))
				continue
			}
			p = netip.PrefixFrom(a, a.BitLen())
		}
		out = append(out, p.Masked())
	}
	return out
}
