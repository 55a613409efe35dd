package seal

import (
	"strings"
	"testing"
)

func TestProblem(t *testing.T) {
	for s, want := range map[string]string{
		"NP-2026-000123":        "",
		"ab12":                  "",
		strings.Repeat("A", 40): "",
		strings.Repeat("A", 41): "too_long",
		"NP 123":                "invalid_seal",
		"Số-1":                  "invalid_seal",
		"NP_1":                  "invalid_seal",
		"<script>":              "invalid_seal",
	} {
		if got := Problem(s); got != want {
			t.Errorf("Problem(%q) = %q, want %q", s, got, want)
		}
	}
}
