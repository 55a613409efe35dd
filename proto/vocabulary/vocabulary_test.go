package vocabulary

import "testing"

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		name   string
		got    Words
		vi, en string
	}{
		{"a status", Status("stopped"), "Dừng xử lý", "Processing stopped"},
		{"an action", Action("stop"), "Dừng xử lý", "Stop"},
		{"a timing", Timing("overdue"), "Quá hạn", "Overdue"},
		{"a step's result", StepResult("early"), "Trước hạn", "Early"},
		{"a kind of copy", DocumentKind("certified_copy"), "Bản sao chứng thực", "Certified copy"},
		{"an unknown status reads as itself", Status("audited"), "audited", "audited"},
		{"no timing", Timing(""), "", ""},
	} {
		if tc.got.In(Vietnamese) != tc.vi || tc.got.In(English) != tc.en {
			t.Errorf("%s: %q / %q, want %q / %q", tc.name, tc.got.VI, tc.got.EN, tc.vi, tc.en)
		}
	}
	if !KnownStatus("returned") || KnownStatus("audited") {
		t.Error("KnownStatus")
	}
	if got := Statuses(); len(got) != len(statuses) || got[0] > got[len(got)-1] {
		t.Errorf("Statuses: %v", got)
	}
}
