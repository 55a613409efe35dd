package vocabulary

import "testing"

func TestStatusAndStepWords(t *testing.T) {
	for _, tc := range []struct {
		name string
		got  func(string) Words
		in   string
		lang Lang
		want string
	}{
		{"status vi", Status, "received", Vietnamese, "Đã tiếp nhận"},
		{"status en", Status, "received", English, "Received"},
		{"step vi", TimelineStep, "received", Vietnamese, "Tiếp nhận hồ sơ"},
		{"step en", TimelineStep, "received", English, "Dossier received"},
		{"unknown language reads Vietnamese", Status, "received", Lang("fr"), "Đã tiếp nhận"},
		{"unknown status vi", Status, "something_new", Vietnamese, "something_new"},
		{"unknown status en", Status, "something_new", English, "something_new"},
		{"unknown step vi", TimelineStep, "something_new", Vietnamese, "something_new"},
		{"unknown step en", TimelineStep, "something_new", English, "something_new"},
	} {
		if got := tc.got(tc.in).In(tc.lang); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	// Every word has both languages, and they differ (an untranslated copy is a miss).
	for name, words := range map[string]table{"status": statuses, "step": timelineSteps, "leg": legs,
		"shipment status": shipmentStatuses, "failure reason": failureReasons} {
		for k, w := range words {
			if w.VI == "" || w.EN == "" || w.VI == w.EN {
				t.Errorf("%s %q: words %q / %q", name, k, w.VI, w.EN)
			}
		}
	}
}

func TestCitizenTimingAndLegs(t *testing.T) {
	for _, tm := range []string{"early", "on_time", "late", "within_deadline", "overdue"} {
		vi, en := CitizenTiming(tm).In(Vietnamese), CitizenTiming(tm).In(English)
		if vi == tm || en == tm || vi == en {
			t.Errorf("%s: %q / %q", tm, vi, en)
		}
	}
	if got := CitizenTiming("").In(Vietnamese); got != "" {
		t.Errorf("no timing: %q", got)
	}
	for _, kind := range []string{"pickup", "transfer", "delivery", "return"} {
		if vi, en := Leg(kind).In(Vietnamese), Leg(kind).In(English); vi == kind || en == kind || vi == en {
			t.Errorf("%s: %q / %q", kind, vi, en)
		}
	}
	if got := Leg("teleport").In(English); got != "teleport" {
		t.Errorf("unknown leg: %q", got)
	}
}

func TestFailureReasons(t *testing.T) {
	for _, r := range []string{"recipient_absent", "address_not_found", "address_incomplete", "refused", "moved",
		"unknown_recipient", "not_collected", "office_closed"} {
		vi, en := FailureReason(r).In(Vietnamese), FailureReason(r).In(English)
		if vi == "" || en == "" || vi == en {
			t.Errorf("%s: %q / %q", r, vi, en)
		}
	}
	if got := FailureReason("").In(Vietnamese); got != "" {
		t.Errorf("no reason: %q", got)
	}
	failed := Words{VI: "Phát không thành công", EN: "Delivery failed"}
	if got := WithReason(failed, "moved"); got.VI != "Phát không thành công: người nhận đã chuyển đi nơi khác" ||
		got.EN != "Delivery failed: the recipient has moved" {
		t.Errorf("with a reason: %+v", got)
	}
	if got := WithReason(failed, "some_new_reason"); got != failed {
		t.Errorf("with an unknown reason: %+v", got)
	}
}
