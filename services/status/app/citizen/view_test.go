package citizen

import (
	"testing"
	"time"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/status/domain/tracking"
	"github.com/motcua/motcua/services/worktime"
)

// TestViewOfADossierNotReceivedYet checks that a dossier submitted online, whose clock
// has not started, reads without an appointment, a timing or time left, long after its
// submission, and with them once a desk received it.
func TestViewOfADossierNotReceivedYet(t *testing.T) {
	cal, err := worktime.DefaultCalendar(2026)
	if err != nil {
		t.Fatal(err)
	}
	loc := cal.Location()
	submitted := time.Date(2026, 3, 10, 20, 30, 0, 0, loc)
	svc := NewService(Options{Location: loc, Calendar: func() *worktime.Calendar { return cal }})
	tr := Tracked{Summary: tracking.Summary{Code: "C1", Standing: tracking.Standing{Status: "submitted"}, StatusCode: 1,
		SubmittedAt: &submitted, CurrentOfficeCode: "D", CurrentOfficeName: "Bộ phận Một cửa"},
		Timeline: []DossierStep{{Version: 1, At: submitted, Type: "submitted", OfficeCode: "D", OfficeName: "Bộ phận Một cửa"}}}
	v := svc.View(tr, submitted.AddDate(0, 1, 0), vocabulary.Vietnamese)
	if v.Started() || !v.AwaitsCheck() || v.ReceivedAt != nil || v.DueAt != nil || v.Timing != "" || v.RemainingHours != 0 ||
		v.SubmittedAt == nil || !v.SubmittedAt.Equal(submitted) || v.StatusLabel != "Mới đăng ký, chờ tiếp nhận" {
		t.Fatalf("submitted: %+v", v)
	}
	if len(v.Timeline) != 1 || v.Timeline[0].Type != "submitted" || v.Timeline[0].Label != "Nộp hồ sơ trực tuyến" {
		t.Errorf("timeline: %+v", v.Timeline)
	}

	received := time.Date(2026, 3, 11, 8, 0, 0, 0, loc)
	due := time.Date(2026, 3, 13, 17, 0, 0, 0, loc)
	tr.Status, tr.StatusCode, tr.ReceivedAt, tr.DueAt = "received", 2, &received, &due
	v = svc.View(tr, time.Date(2026, 3, 12, 8, 0, 0, 0, loc), vocabulary.English)
	if !v.Started() || v.AwaitsCheck() || v.Timing != worktime.WithinDeadline || v.RemainingHours <= 0 ||
		!v.ReceivedAt.Equal(received) || !v.DueAt.Equal(due) {
		t.Fatalf("received: %+v", v)
	}
}
