package tracking

import "testing"

func TestTimingAndLegLabels(t *testing.T) {
	for _, tm := range []Timing{Early, OnTime, Late, WithinDeadline, Overdue} {
		vi, en := TimingLabel(tm, Vietnamese), TimingLabel(tm, English)
		if vi == string(tm) || en == string(tm) || vi == en {
			t.Errorf("%s: %q / %q", tm, vi, en)
		}
	}
	if got := TimingLabel("", Vietnamese); got != "" {
		t.Errorf("no timing: %q", got)
	}
	for _, kind := range []string{"pickup", "transfer", "delivery", "return"} {
		if vi, en := LegLabel(kind, Vietnamese), LegLabel(kind, English); vi == kind || en == kind || vi == en {
			t.Errorf("%s: %q / %q", kind, vi, en)
		}
	}
	if got := LegLabel("teleport", English); got != "teleport" {
		t.Errorf("unknown leg: %q", got)
	}
}
