package tracking

import (
	"testing"
	"time"
)

func TestClassify(t *testing.T) {
	loc := time.FixedZone("ICT", 7*3600)
	due := time.Date(2026, 3, 10, 17, 0, 0, 0, loc)
	at := func(d time.Duration) *time.Time { x := due.Add(d); return &x }
	for _, tc := range []struct {
		name     string
		finished *time.Time
		now      time.Time
		want     Timing
	}{
		{"open before due", nil, due.Add(-time.Minute), WithinDeadline},
		{"open exactly at due", nil, due, WithinDeadline},
		{"open after due", nil, due.Add(time.Second), Overdue},
		{"finished at due", at(0), due.Add(time.Hour), OnTime},
		{"finished just before", at(-time.Hour), due, OnTime},
		{"finished the morning of the due day", at(-9 * time.Hour), due, OnTime},
		{"finished the evening before", at(-18 * time.Hour), due, Early},
		{"finished after due", at(time.Second), due, Late},
	} {
		if got := Classify(due, tc.finished, tc.now, loc); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestLabels(t *testing.T) {
	if StatusLabel("received", Vietnamese) != "Đã tiếp nhận" || StatusLabel("received", English) != "Received" {
		t.Fatal("received labels wrong")
	}
	if StepLabel("something_new", English) != "something_new" {
		t.Fatal("unknown step should fall back to its name")
	}
}
