package config

import (
	"strings"
	"testing"
)

func TestBool(t *testing.T) {
	r := NewReaderFrom(map[string]string{"YES": "true", "ONE": "1", "NO": "false", "BAD": "yes please"})
	if !r.Bool("YES", false) || !r.Bool("ONE", false) || r.Bool("NO", true) || !r.Bool("MISSING", true) {
		t.Error("Bool read a value wrong")
	}
	if r.Bool("BAD", false) || r.Err() == nil || !strings.Contains(r.Err().Error(), "BAD:") {
		t.Errorf("a value neither true nor false: %v", r.Err())
	}
}
