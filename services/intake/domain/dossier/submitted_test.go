package dossier

import (
	"errors"
	"slices"
	"testing"
	"time"
)

// A dossier submitted online has no clock until the desk receives it: receipt sets
// received_at to the moment of the check and the appointment from the procedure's time
// limit, as a desk's registration would.
func TestReceiveStartsTheClock(t *testing.T) {
	clock := lcClock(t)
	s := lcSubmitted(40)
	if s.TimingAt(lcReceivedAt) != "" || s.WorkingTimeLeft(lcReceivedAt, lcClock(t)) != 0 {
		t.Fatalf("a submitted dossier is judged: %q", s.TimingAt(lcReceivedAt))
	}
	at := vn(2026, time.March, 2, 9, 30)
	next, step := lcApply(t, s, ActReceive, Command{}, lcDeskActor, at)
	if next.Status != StatusReceived || next.Status.NationalCode() != 2 {
		t.Fatalf("status %s (%d), want received (2)", next.Status, next.Status.NationalCode())
	}
	if !next.ReceivedAt.Equal(at) {
		t.Errorf("received_at = %v, want %v", next.ReceivedAt, at)
	}
	want := clock.AddWorkingHours(at, 40).Truncate(time.Second)
	if !next.DueAt.Equal(want) || !next.OriginalDueAt.Equal(want) {
		t.Errorf("due_at = %v (original %v), want %v", next.DueAt, next.OriginalDueAt, want)
	}
	if step.Timing != "" || step.Office != lcDesk {
		t.Errorf("step = %+v, want no timing at the desk", step)
	}
	if got := next.TimingAt(at); got != WithinDeadline {
		t.Errorf("timing after receipt = %q", got)
	}
}

// Before receipt the desk gives its guidance for what is missing once: the clock does
// not pause (it never ran), the citizen's supplement brings the dossier back to the
// desk's check, and a second request is not allowed; refusing then is not scored.
func TestGuidanceBeforeReceiptIsGivenOnce(t *testing.T) {
	s := lcSubmitted(40)
	asked, _ := lcApply(t, s, ActRequestSupplement, Command{Items: []Document{{Name: "Bản sao CCCD"}}, Reason: "Ảnh mờ"},
		lcDeskActor, vn(2026, time.March, 2, 9, 0))
	if asked.Status != StatusSupplementRequested || asked.PausedAt != nil {
		t.Fatalf("after guidance: %s, paused %v", asked.Status, asked.PausedAt)
	}
	back, _ := lcApply(t, asked, ActSupplement, Command{}, lcDeskActor, vn(2026, time.March, 3, 9, 0))
	if back.Status != StatusSubmitted || back.Received() {
		t.Fatalf("after the supplement: %s, received %v", back.Status, back.Received())
	}
	if slices.Contains(back.AllowedFor(lcDeskActor), ActRequestSupplement) {
		t.Errorf("a second guidance is offered: %v", back.AllowedFor(lcDeskActor))
	}
	c := Command{Items: []Document{{Name: "Giấy tờ khác"}}, Reason: "Thiếu"}
	c.Normalize(ActRequestSupplement)
	_, _, err := Apply(back, ActRequestSupplement, c, lcDeskActor, vn(2026, time.March, 3, 10, 0), lcClock(t))
	var na *NotAllowedError
	if !errors.As(err, &na) {
		t.Fatalf("second guidance: err = %v, want *NotAllowedError", err)
	}
	refused, step := lcApply(t, back, ActRefuse, Command{Reason: "Không đúng thủ tục"}, lcDeskActor, vn(2026, time.March, 3, 11, 0))
	if refused.Status != StatusRefused || refused.Timing != "" || step.Timing != "" || refused.FinishedAt == nil {
		t.Errorf("refused before receipt: %s timing %q step %q finished %v", refused.Status, refused.Timing, step.Timing, refused.FinishedAt)
	}
	if refused.ProcessingTime(lcClock(t)) != 0 {
		t.Errorf("processing time of a dossier never received = %v", refused.ProcessingTime(lcClock(t)))
	}
}

func TestChecksFirst(t *testing.T) {
	s := lcSubmitted(40)
	for _, a := range Actions {
		want := a == ActReceive || a == ActRequestSupplement || a == ActRefuse
		if got := ChecksFirst(s, a); got != want {
			t.Errorf("ChecksFirst(submitted, %s) = %v", a, got)
		}
	}
	guided := s
	guided.SupplementRequests = 1
	if ChecksFirst(guided, ActReceive) {
		t.Error("a receipt after the guidance counts as the first check")
	}
	if ChecksFirst(lcNew(t, lcReceivedAt, 40), ActAccept) {
		t.Error("an action on a dossier received at a desk counts as a check")
	}
}
