package config

import (
	"strings"
	"testing"
)

func TestAtRiskHours(t *testing.T) {
	for set, want := range map[string]int{"": DefaultAtRiskHours, "8": 8, " 16 ": 16, "1": 1} {
		r := NewReaderFrom(map[string]string{"MOTCUA_AT_RISK_HOURS": set})
		if got := r.AtRiskHours(); got != want || r.Err() != nil {
			t.Errorf("MOTCUA_AT_RISK_HOURS=%q: %d (%v), want %d", set, got, r.Err(), want)
		}
	}
	for _, bad := range []string{"0", "-8", "8h", "1.5", "eight"} {
		r := NewReaderFrom(map[string]string{"MOTCUA_AT_RISK_HOURS": bad})
		r.AtRiskHours()
		if err := r.Err(); err == nil || !strings.Contains(err.Error(), "MOTCUA_AT_RISK_HOURS") ||
			!strings.Contains(err.Error(), bad) {
			t.Errorf("MOTCUA_AT_RISK_HOURS=%q is accepted: %v", bad, err)
		}
	}
}
