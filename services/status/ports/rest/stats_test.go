package rest

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/motcua/motcua/services/status/app/indicators"
)

func TestWholeNumber(t *testing.T) {
	for in, want := range map[string]bool{"5": true, "5.0": true, "1e0": true, "4.5": false, `"5"`: false,
		"true": false, "[]": false, "": false, "1e300": false, "-3": true} {
		if _, ok := wholeNumber(json.RawMessage(in)); ok != want {
			t.Errorf("wholeNumber(%s) ok = %v, want %v", in, ok, want)
		}
	}
}

func TestFiguresNeverDivideByZeroNorGoNegative(t *testing.T) {
	empty := figures(indicators.Of(indicators.Counters{}))
	if empty.OnTimeRate != nil || empty.OnlineShare != nil || empty.SatisfactionRate != nil || empty.AvgProcessingHours != nil {
		t.Errorf("rates of nothing: %+v", empty)
	}
	// Only withdrawn: received but nothing scored.
	w := figures(indicators.Of(indicators.Counters{Received: 2, Withdrawn: 2, Online: 1}))
	if w.OnTimeRate != nil || w.SatisfactionRate != nil || w.OnlineShare == nil || *w.OnlineShare != 50 {
		t.Errorf("all withdrawn: %+v", w)
	}
	// Everything late and disliked: satisfaction stops at 0.
	bad := figures(indicators.Of(indicators.Counters{Received: 3, Late: 2, Overdue: 1, Ratings: 3, Dislikes: 3}))
	if bad.SatisfactionRate == nil || *bad.SatisfactionRate != 0 {
		t.Errorf("satisfaction of the worst: %v", bad.SatisfactionRate)
	}
}

func TestPeriod(t *testing.T) {
	a := &API{Location: time.FixedZone("ICT", 7*3600)}
	// 31 December 2026 at 18:00 UTC is already 1 January 2027 in Hà Nội.
	from, to, err := a.period("", "", time.Date(2026, 12, 31, 18, 0, 0, 0, time.UTC))
	if err != nil || from.String() != "2027-01-01" || to.String() != "2027-01-31" {
		t.Errorf("default period: %s..%s, %v", from, to, err)
	}
	from, to, err = a.period("", "", time.Date(2028, 2, 10, 0, 0, 0, 0, time.UTC))
	if err != nil || from.String() != "2028-02-01" || to.String() != "2028-02-29" {
		t.Errorf("default period in a leap February: %s..%s, %v", from, to, err)
	}
	if _, _, err := a.period("2026-03-01", "2026-03-01", time.Now()); err != nil {
		t.Errorf("one day: %v", err)
	}
}
