package worktime

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2026-02-17", Date{2026, time.February, 17}, true},
		{"2024-02-29", Date{2024, time.February, 29}, true},
		{"0001-01-01", Date{1, time.January, 1}, true},
		{"9999-12-31", Date{9999, time.December, 31}, true},
		{"2026-02-29", Date{}, false},
		{"2026-13-01", Date{}, false},
		{"2026-00-10", Date{}, false},
		{"2026-04-31", Date{}, false},
		{"2026-4-01", Date{}, false},
		{"2026/04/01", Date{}, false},
		{"+026-04-01", Date{}, false},
		{"2026-04-01 ", Date{}, false},
		{"", Date{}, false},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestDateMethods(t *testing.T) {
	d := Date{2025, time.December, 31}
	if got := d.String(); got != "2025-12-31" {
		t.Errorf("String = %q", got)
	}
	if got := d.AddDays(1); got != (Date{2026, time.January, 1}) {
		t.Errorf("AddDays(1) = %v", got)
	}
	if got := d.AddDays(-365); got != (Date{2024, time.December, 31}) {
		t.Errorf("AddDays(-365) = %v", got)
	}
	if got := d.Weekday(); got != time.Wednesday {
		t.Errorf("Weekday = %v", got)
	}
	if !d.Before(d.AddDays(1)) || !d.After(d.AddDays(-1)) || d.Compare(d) != 0 {
		t.Error("Compare is inconsistent")
	}
	if (Date{2026, time.February, 30}).Valid() {
		t.Error("2026-02-30 reported valid")
	}
	if got := DateOf(time.Date(2026, 1, 1, 23, 30, 0, 0, VietnamLocation()).UTC()); got != (Date{2026, 1, 1}) {
		t.Errorf("DateOf in UTC = %v", got)
	}
}

func TestDateText(t *testing.T) {
	in := map[string]Date{"a": {2026, time.September, 3}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"a":"2026-09-03"}` {
		t.Errorf("json = %s", b)
	}
	var out map[string]Date
	if err := json.Unmarshal(b, &out); err != nil || out["a"] != in["a"] {
		t.Errorf("round trip = %v, %v", out, err)
	}
	if err := json.Unmarshal([]byte(`{"a":"2026-02-30"}`), &out); err == nil {
		t.Error("unmarshal of an invalid date succeeded")
	}
	if _, err := (Date{2026, 2, 30}).MarshalText(); err == nil {
		t.Error("marshal of an invalid date succeeded")
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-02-17", "2024-02-29", "2026-02-29", "0000-01-01", "+123-01-01", "2026-1-1", "", "abcd-ef-gh"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if d != (Date{}) {
				t.Fatalf("ParseDate(%q) returned %v with error", s, d)
			}
			return
		}
		if !d.Valid() {
			t.Fatalf("ParseDate(%q) = %v, not valid", s, d)
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d.String())
		}
		if again, err := ParseDate(d.String()); err != nil || again != d {
			t.Fatalf("re-parse of %q = %v, %v", s, again, err)
		}
	})
}
