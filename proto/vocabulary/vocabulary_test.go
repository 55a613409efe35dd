package vocabulary

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

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
		{"a way the result goes back", Delivery("electronic"), "Nhận kết quả điện tử, tải về tại trang tra cứu hồ sơ", "Electronically, downloaded from the lookup page"},
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

// TestProblemsSayTheSameInBothLanguages checks that each problem's words take the same
// verbs, in the same order, in Vietnamese and English, so one set of arguments fills
// both, and that neither language is left empty.
func TestProblemsSayTheSameInBothLanguages(t *testing.T) {
	for key, w := range problems {
		if w.VI == "" || w.EN == "" {
			t.Errorf("%q: a language is missing: %+v", key, w)
		}
		if vi, en := verbs.FindAllString(w.VI, -1), verbs.FindAllString(w.EN, -1); !slices.Equal(vi, en) {
			t.Errorf("%q: verbs %v in Vietnamese, %v in English", key, vi, en)
		}
	}
}

var verbs = regexp.MustCompile(`%[a-z]`)

func TestProblem(t *testing.T) {
	due := time.Date(2026, 3, 17, 17, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	for _, tc := range []struct {
		name   string
		got    Words
		vi, en string
	}{
		{"a field's own words", Problem("reason", "required"), "Hãy ghi lý do", "Give the reason"},
		{"an index is any index", Problem("documents[3].copies", "out_of_range", 50), "Số bộ phải từ 1 đến 50.", "between 1 and 50."},
		{"the code's words", Problem("applicant.phone", "invalid_phone"), "Số điện thoại", "The phone number"},
		{"a time in each language", Problem("new_due_at", "not_later", due), "(17:00 ngày 17/03/2026)", "(2026-03-17T17:00:00+07:00)"},
		{"words as arguments", Problem("", "action_not_allowed", Action("accept"), Status("received")), "“Nhận hồ sơ để giải quyết”", "“Accept for processing”"},
		{"the request as a whole", Problem("", "wrong_type"), "đối tượng JSON", "JSON object"},
		{"an unknown code reads as itself", Problem("x", "no_such_problem"), "no_such_problem", "no_such_problem"},
	} {
		if !strings.Contains(tc.got.VI, tc.vi) || !strings.Contains(tc.got.EN, tc.en) {
			t.Errorf("%s: %q / %q, want %q / %q", tc.name, tc.got.VI, tc.got.EN, tc.vi, tc.en)
		}
	}
	if !ProblemKnown("documents[1].kind", "invalid_kind") || ProblemKnown("x", "no_such_problem") {
		t.Error("ProblemKnown")
	}
}

func TestWebhookEvent(t *testing.T) {
	for typ, want := range map[string]string{
		"dossier.received":   "Hồ sơ: Đã tiếp nhận",
		"shipment.delivered": "Bưu gửi: Đã phát thành công",
		"dossier.*":          "Mọi thay đổi trạng thái hồ sơ",
		"dossier.audited":    "dossier.audited",
	} {
		if got := WebhookEvent(typ).In(Vietnamese); got != want {
			t.Errorf("WebhookEvent(%q) = %q, want %q", typ, got, want)
		}
	}
	if got := WebhookEvent("shipment.*").In(English); !strings.HasPrefix(got, "Every step") {
		t.Errorf("in English: %q", got)
	}
	if !ProblemKnown("url", "url.private") || !ProblemKnown("", "webhook_not_found") {
		t.Error("the webhooks' problems are not in the catalogue")
	}
}
