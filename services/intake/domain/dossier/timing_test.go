package dossier

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// lcProcessing is a dossier received at the desk at receivedAt with a limit of
// limitHours working hours, carried to the department and accepted there a minute
// later (receivedAt should be in office hours).
func lcProcessing(t *testing.T, receivedAt time.Time, limitHours int) State {
	t.Helper()
	s := lcNew(t, receivedAt, limitHours)
	s, _ = lcApply(t, s, ActTransfer, Command{ToOffice: lcDept}, lcDeskActor, receivedAt)
	s, _ = lcApply(t, s, ActAccept, Command{}, lcDeptActor, receivedAt.Add(time.Minute))
	return s
}

func TestAppointment(t *testing.T) {
	// The examples below count on these appointments; they check the calendar too.
	for _, tc := range []struct {
		from  time.Time
		hours int
		want  time.Time
	}{
		{vn(2026, time.March, 2, 8, 0), 24, vn(2026, time.March, 5, 8, 0)},
		{vn(2026, time.March, 2, 8, 0), 40, vn(2026, time.March, 9, 8, 0)},
		// Wednesday 2 and Thursday 3 September 2026 are off.
		{vn(2026, time.August, 31, 8, 0), 16, vn(2026, time.September, 4, 8, 0)},
		// Tết Bính Ngọ: Saturday 14 to Sunday 22 February 2026 are off.
		{vn(2026, time.February, 11, 8, 0), 24, vn(2026, time.February, 23, 8, 0)},
		// Monday 27 April (Hùng Kings, compensatory), 30 April and 1 May 2026 are off.
		{vn(2026, time.April, 22, 8, 0), 40, vn(2026, time.May, 4, 8, 0)},
	} {
		if s := lcNew(t, tc.from, tc.hours); !s.DueAt.Equal(tc.want) {
			t.Errorf("%s + %dh: due %s, want %s", tc.from, tc.hours, s.DueAt, tc.want)
		}
	}
}

// TestFinishedTiming is the national rule: early when finished on a day before the
// appointment's day in Vietnam, on time at or before the appointment, late after it,
// whether the dossier is completed, refused or stopped.
func TestFinishedTiming(t *testing.T) {
	received := vn(2026, time.March, 2, 8, 0) // due Thursday 5 March 08:00
	due := vn(2026, time.March, 5, 8, 0)
	cases := []struct {
		name string
		at   time.Time
		want Timing
	}{
		{"the afternoon before", vn(2026, time.March, 4, 16, 59), Early},
		{"the last minute of the day before", vn(2026, time.March, 4, 23, 59), Early},
		{"days before", vn(2026, time.March, 2, 15, 0), Early},
		// 06:30 in Vietnam is still Wednesday in UTC: the day is Vietnam's.
		{"early morning of the day, given in UTC", vn(2026, time.March, 5, 6, 30).UTC(), OnTime},
		{"before the appointment the same day", vn(2026, time.March, 5, 7, 30), OnTime},
		{"at the appointment", due, OnTime},
		{"at the appointment, given in UTC", due.UTC(), OnTime},
		{"a nanosecond after", due.Add(time.Nanosecond), Late},
		{"later that day", vn(2026, time.March, 5, 16, 0), Late},
		{"days later", vn(2026, time.March, 10, 9, 0), Late},
	}
	for _, tc := range cases {
		for _, a := range []Action{ActComplete, ActRefuse, ActStop} {
			t.Run(tc.name+"/"+string(a), func(t *testing.T) {
				s := lcProcessing(t, received, 24)
				if !s.DueAt.Equal(due) {
					t.Fatalf("due %s", s.DueAt)
				}
				if s.TimingAt(tc.at) == "" {
					t.Error("an open dossier has no timing")
				}
				next, step := lcApply(t, s, a, lcCommand(a, s), lcDeptActor, tc.at)
				if next.Timing != tc.want || step.Timing != tc.want {
					t.Errorf("timing %q, step %q, want %q", next.Timing, step.Timing, tc.want)
				}
				if next.FinishedAt == nil || !next.FinishedAt.Equal(tc.at) {
					t.Errorf("finished at %v, want %s", next.FinishedAt, tc.at)
				}
				// Once finished the timing no longer depends on when it is asked.
				for _, later := range []time.Time{tc.at, tc.at.Add(time.Hour), tc.at.AddDate(1, 0, 0)} {
					if got := next.TimingAt(later); got != tc.want {
						t.Errorf("TimingAt(%s) = %q, want %q", later, got, tc.want)
					}
				}
			})
		}
	}
	// A desk can refuse a dossier before handing it on: judged the same way.
	s := lcNew(t, received, 24)
	s, _ = lcApply(t, s, ActRefuse, Command{Reason: "Không thuộc thẩm quyền"}, lcDeskActor, vn(2026, time.March, 2, 8, 30))
	if s.Status != StatusRefused || s.Timing != Early {
		t.Errorf("refused at the desk: %s %q", s.Status, s.Timing)
	}
}

func TestReturnKeepsTheFinishTiming(t *testing.T) {
	s := lcProcessing(t, vn(2026, time.March, 2, 8, 0), 24)
	s, _ = lcApply(t, s, ActComplete, Command{Outcome: Approved}, lcDeptActor, vn(2026, time.March, 4, 10, 0))
	finished := *s.FinishedAt
	// The citizen collects the result a week after the appointment: still early.
	s, step := lcApply(t, s, ActReturn, Command{}, lcDeptActor, vn(2026, time.March, 12, 10, 0))
	if s.Timing != Early || step.Timing != Early || !s.FinishedAt.Equal(finished) {
		t.Errorf("returned: timing %q, step %q, finished %v (was %s)", s.Timing, step.Timing, s.FinishedAt, finished)
	}
}

func TestMoreThanOneSupplementRequestIsLate(t *testing.T) {
	for _, requests := range []int{1, 2, 3} {
		s := lcProcessing(t, vn(2026, time.March, 2, 8, 0), 40) // due Monday 9 March 08:00
		at := vn(2026, time.March, 2, 9, 0)
		for i := 0; i < requests; i++ {
			s, _ = lcApply(t, s, ActRequestSupplement, lcCommand(ActRequestSupplement, s), lcDeptActor, at)
			s, _ = lcApply(t, s, ActSupplement, Command{}, lcDeptActor, at.Add(30*time.Minute))
			at = at.Add(time.Hour)
		}
		if s.SupplementRequests != requests {
			t.Fatalf("%d requests counted, want %d", s.SupplementRequests, requests)
		}
		s, _ = lcApply(t, s, ActComplete, Command{Outcome: Approved}, lcDeptActor, vn(2026, time.March, 3, 10, 0))
		want := Early
		if requests > 1 {
			want = Late
		}
		if s.Timing != want {
			t.Errorf("%d supplement requests, finished days early: %q, want %q", requests, s.Timing, want)
		}
	}
}

func TestExtensionIsLate(t *testing.T) {
	s := lcProcessing(t, vn(2026, time.March, 2, 8, 0), 40) // due Monday 9 March 08:00
	next := vn(2026, time.March, 13, 17, 0)
	s, _ = lcApply(t, s, ActExtend, Command{NewDueAt: &next, Reason: "Chờ ý kiến phối hợp"}, lcDeptActor, vn(2026, time.March, 3, 9, 0))
	s, step := lcApply(t, s, ActComplete, Command{Outcome: Approved}, lcDeptActor, vn(2026, time.March, 3, 10, 0))
	if s.Timing != Late || step.Timing != Late {
		t.Errorf("extended, then finished early: %q (step %q), want late", s.Timing, step.Timing)
	}
	// An extension while the fee is awaited counts the same.
	p := lcProcessing(t, vn(2026, time.March, 2, 8, 0), 40)
	p, _ = lcApply(t, p, ActRequestPayment, Command{AmountVND: 50000}, lcDeptActor, vn(2026, time.March, 2, 9, 0))
	p, _ = lcApply(t, p, ActExtend, Command{NewDueAt: &next, Reason: "Chờ nộp phí"}, lcDeptActor, vn(2026, time.March, 2, 10, 0))
	p, _ = lcApply(t, p, ActStop, Command{Reason: "Không nộp phí"}, lcDeptActor, vn(2026, time.March, 3, 10, 0))
	if p.Timing != Late {
		t.Errorf("extended while awaiting payment, stopped early: %q, want late", p.Timing)
	}
}

// TestSupplementPause: the clock stops at the request and restarts at the supplement;
// the appointment moves on by exactly the working time in between.
func TestSupplementPause(t *testing.T) {
	clock := lcClock(t)
	cases := []struct {
		name        string
		received    time.Time
		limit       int
		request     time.Time
		supplement  time.Time
		wantWaited  time.Duration
		wantDueAt   time.Time
		wantSupStep Timing
	}{
		{"same day", vn(2026, time.March, 2, 8, 0), 40,
			vn(2026, time.March, 3, 9, 0), vn(2026, time.March, 3, 15, 0),
			4 * time.Hour, vn(2026, time.March, 9, 14, 0), Early},
		{"over a weekend", vn(2026, time.March, 2, 8, 0), 40,
			vn(2026, time.March, 6, 15, 0), vn(2026, time.March, 9, 9, 0),
			4 * time.Hour, vn(2026, time.March, 9, 14, 0), OnTime},
		{"over National Day 2026", vn(2026, time.August, 31, 8, 0), 16,
			vn(2026, time.September, 1, 16, 0), vn(2026, time.September, 4, 8, 0),
			2 * time.Hour, vn(2026, time.September, 4, 10, 0), OnTime},
		{"over Tết 2026", vn(2026, time.February, 11, 8, 0), 24,
			vn(2026, time.February, 13, 16, 30), vn(2026, time.February, 23, 7, 30),
			time.Hour, vn(2026, time.February, 23, 9, 0), OnTime},
		// Hùng Kings' compensatory Monday 27 April, then 30 April and 1 May 2026.
		{"over Hùng Kings' day, 30 April and 1 May 2026", vn(2026, time.April, 22, 8, 0), 40,
			vn(2026, time.April, 24, 16, 0), vn(2026, time.May, 4, 8, 0),
			18 * time.Hour, vn(2026, time.May, 6, 10, 0), Early},
		{"requested after hours, supplied before opening", vn(2026, time.March, 2, 8, 0), 40,
			vn(2026, time.March, 6, 17, 30), vn(2026, time.March, 9, 6, 45),
			0, vn(2026, time.March, 9, 8, 0), OnTime},
		{"over lunch", vn(2026, time.March, 2, 8, 0), 40,
			vn(2026, time.March, 3, 11, 45), vn(2026, time.March, 3, 13, 15),
			0, vn(2026, time.March, 9, 8, 0), Early},
		{"the whole Tết break", vn(2026, time.February, 11, 8, 0), 24,
			vn(2026, time.February, 14, 10, 0), vn(2026, time.February, 22, 10, 0),
			0, vn(2026, time.February, 23, 8, 0), Early},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := lcProcessing(t, tc.received, tc.limit)
			due := s.DueAt
			if wd := clock.WorkingDuration(tc.request, tc.supplement); wd != tc.wantWaited {
				t.Fatalf("WorkingDuration = %s, want %s", wd, tc.wantWaited)
			}
			paused, _ := lcApply(t, s, ActRequestSupplement, lcCommand(ActRequestSupplement, s), lcDeptActor, tc.request)
			if paused.PausedAt == nil || !paused.PausedAt.Equal(tc.request) || !paused.DueAt.Equal(due) {
				t.Fatalf("after the request: paused at %v, due %s", paused.PausedAt, paused.DueAt)
			}
			resumed, step := lcApply(t, paused, ActSupplement, Command{}, lcDeptActor, tc.supplement)
			if resumed.PausedAt != nil || resumed.Status != StatusProcessing {
				t.Errorf("after the supplement: %s, paused at %v", resumed.Status, resumed.PausedAt)
			}
			if resumed.PausedTotal != tc.wantWaited {
				t.Errorf("paused total %s, want %s", resumed.PausedTotal, tc.wantWaited)
			}
			want := due
			if tc.wantWaited > 0 {
				want = clock.AddWorkingTime(due, tc.wantWaited)
			}
			if !tc.wantDueAt.IsZero() && !want.Equal(tc.wantDueAt) {
				t.Fatalf("test expects due %s, the calendar says %s", tc.wantDueAt, want)
			}
			if !resumed.DueAt.Equal(want) {
				t.Errorf("due %s, want %s (was %s)", resumed.DueAt, want, due)
			}
			if got := clock.WorkingDuration(due, resumed.DueAt); got != tc.wantWaited {
				t.Errorf("the appointment moved by %s of working time, want %s", got, tc.wantWaited)
			}
			if !resumed.OriginalDueAt.Equal(s.OriginalDueAt) || resumed.Extended {
				t.Errorf("a supplement changed the original appointment or marked an extension")
			}
			if step.Timing != tc.wantSupStep {
				t.Errorf("supplement step timing %q, want %q", step.Timing, tc.wantSupStep)
			}
		})
	}
}

func TestPausesAddUp(t *testing.T) {
	clock := lcClock(t)
	s := lcProcessing(t, vn(2026, time.March, 2, 8, 0), 40)
	due := s.DueAt
	pauses := [][2]time.Time{
		{vn(2026, time.March, 2, 9, 0), vn(2026, time.March, 2, 10, 30)},   // 1h30
		{vn(2026, time.March, 3, 16, 0), vn(2026, time.March, 4, 8, 0)},    // 2h
		{vn(2026, time.March, 4, 11, 0), vn(2026, time.March, 4, 14, 0)},   // 1h
		{vn(2026, time.March, 6, 16, 30), vn(2026, time.March, 10, 7, 30)}, // 30m + 8h + 30m
	}
	var total time.Duration
	for _, p := range pauses {
		s, _ = lcApply(t, s, ActRequestSupplement, lcCommand(ActRequestSupplement, s), lcDeptActor, p[0])
		s, _ = lcApply(t, s, ActSupplement, Command{}, lcDeptActor, p[1])
		total += clock.WorkingDuration(p[0], p[1])
	}
	if total != 13*time.Hour+30*time.Minute || s.PausedTotal != total {
		t.Fatalf("paused total %s, summed %s, want 13h30m", s.PausedTotal, total)
	}
	if want := clock.AddWorkingTime(due, total); !s.DueAt.Equal(want) {
		t.Errorf("due %s, want %s", s.DueAt, want)
	}
}

// TestStopAndWithdrawWhilePaused: the wait up to the stop counts as a pause.
func TestStopAndWithdrawWhilePaused(t *testing.T) {
	clock := lcClock(t)
	for _, a := range []Action{ActStop, ActWithdraw} {
		s := lcProcessing(t, vn(2026, time.March, 2, 8, 0), 24) // due Thursday 5 March 08:00
		request, end := vn(2026, time.March, 3, 9, 0), vn(2026, time.March, 10, 9, 0)
		s, _ = lcApply(t, s, ActRequestSupplement, lcCommand(ActRequestSupplement, s), lcDeptActor, request)
		s, step := lcApply(t, s, a, lcCommand(a, s), lcDeptActor, end)
		waited := clock.WorkingDuration(request, end)
		if s.PausedAt != nil || s.PausedTotal != waited {
			t.Errorf("%s: paused at %v, total %s, want %s", a, s.PausedAt, s.PausedTotal, waited)
		}
		want := Early // the appointment moved on by the 40h wait to Thursday 12 March 08:00
		if a == ActWithdraw {
			want = ""
		}
		if s.Timing != want || step.Timing != want || s.TimingAt(end) != want {
			t.Errorf("%s: timing %q, step %q, TimingAt %q, want %q", a, s.Timing, step.Timing, s.TimingAt(end), want)
		}
		if got := s.ProcessingTime(clock); got != clock.WorkingDuration(s.ReceivedAt, end)-waited {
			t.Errorf("%s: processing time %s", a, got)
		}
	}
}

func TestTimingAtOpen(t *testing.T) {
	s := lcNew(t, vn(2026, time.March, 2, 8, 0), 40) // due Monday 9 March 08:00
	due := s.DueAt
	for _, tc := range []struct {
		at   time.Time
		want Timing
	}{
		{vn(2026, time.March, 2, 8, 0), WithinDeadline},
		{due.Add(-time.Minute), WithinDeadline},
		{due, WithinDeadline},
		{due.UTC(), WithinDeadline},
		{due.Add(time.Nanosecond), Overdue},
		{vn(2026, time.April, 1, 9, 0), Overdue},
	} {
		if got := s.TimingAt(tc.at); got != tc.want {
			t.Errorf("received, TimingAt(%s) = %q, want %q", tc.at, got, tc.want)
		}
	}
	// Overdue in transit too.
	tr, _ := lcApply(t, s, ActTransfer, Command{ToOffice: lcDept}, lcDeskActor, vn(2026, time.March, 2, 9, 0))
	if tr.TimingAt(due.Add(time.Hour)) != Overdue || tr.TimingAt(due) != WithinDeadline {
		t.Error("in transit: wrong open timing")
	}

	// pausedAt is a dossier like s, in processing, whose office asked for a supplement at
	// request.
	pausedAt := func(request time.Time) State {
		p := lcProcessing(t, vn(2026, time.March, 2, 8, 0), 40)
		p, _ = lcApply(t, p, ActRequestSupplement, lcCommand(ActRequestSupplement, p), lcDeptActor, request)
		return p
	}
	// Paused before the appointment: judged at the pause, however long the wait.
	request := vn(2026, time.March, 6, 10, 0)
	p := pausedAt(request)
	for _, at := range []time.Time{request, due.Add(time.Hour), vn(2026, time.June, 1, 9, 0)} {
		if got := p.TimingAt(at); got != WithinDeadline {
			t.Errorf("paused before the appointment, TimingAt(%s) = %q", at, got)
		}
	}
	// Resumed: judged against the moved appointment.
	supplied := vn(2026, time.March, 10, 10, 0)
	r, _ := lcApply(t, p, ActSupplement, Command{}, lcDeptActor, supplied)
	if got := r.TimingAt(supplied); got != WithinDeadline {
		t.Errorf("just resumed: %q (due %s)", got, r.DueAt)
	}
	if got := r.TimingAt(r.DueAt.Add(time.Minute)); got != Overdue {
		t.Errorf("after the moved appointment: %q", got)
	}

	// Paused after the appointment: overdue, and it stays so.
	late := vn(2026, time.March, 10, 10, 0)
	q := pausedAt(late)
	for _, at := range []time.Time{late, late.Add(time.Hour), vn(2026, time.June, 1, 9, 0)} {
		if got := q.TimingAt(at); got != Overdue {
			t.Errorf("paused after the appointment, TimingAt(%s) = %q", at, got)
		}
	}
}

func TestProcessingTime(t *testing.T) {
	clock := lcClock(t)
	received := vn(2026, time.March, 2, 8, 0)
	s := lcNew(t, received, 40)
	s, _ = lcApply(t, s, ActTransfer, Command{ToOffice: lcDept}, lcDeskActor, vn(2026, time.March, 2, 9, 0))
	s, _ = lcApply(t, s, ActAccept, Command{}, lcDeptActor, vn(2026, time.March, 2, 9, 30))
	s, _ = lcApply(t, s, ActRequestSupplement, lcCommand(ActRequestSupplement, s), lcDeptActor, vn(2026, time.March, 2, 10, 0))
	if got := s.ProcessingTime(clock); got != 0 {
		t.Errorf("open: processing time %s, want 0", got)
	}
	s, _ = lcApply(t, s, ActSupplement, Command{}, lcDeptActor, vn(2026, time.March, 3, 10, 0)) // 8h paused
	if got := s.ProcessingTime(clock); got != 0 {
		t.Errorf("open: processing time %s, want 0", got)
	}
	finished := vn(2026, time.March, 4, 10, 0)
	s, _ = lcApply(t, s, ActComplete, Command{Outcome: Approved}, lcDeptActor, finished)
	// Monday 08:00 to Wednesday 10:00 is 7h + 8h + 3h of working time, less 8h paused.
	if got := s.ProcessingTime(clock); got != 10*time.Hour {
		t.Errorf("processing time %s, want 10h", got)
	}
	if got, want := s.ProcessingTime(clock), clock.WorkingDuration(received, finished)-s.PausedTotal; got != want {
		t.Errorf("processing time %s, want %s", got, want)
	}
	// Returning the result later does not add to it.
	s, _ = lcApply(t, s, ActReturn, Command{}, lcDeptActor, vn(2026, time.March, 20, 10, 0))
	if got := s.ProcessingTime(clock); got != 10*time.Hour {
		t.Errorf("after return: processing time %s, want 10h", got)
	}
}

func TestWithdrawnHasNoTiming(t *testing.T) {
	for _, st := range []Status{StatusReceived, StatusInTransit, StatusProcessing, StatusSupplementRequested, StatusPaymentRequested} {
		s, _ := lcStateIn(t, st)
		// Withdrawn long after the appointment (Monday 9 March).
		at := vn(2026, time.April, 1, 9, 0)
		s, step := lcApply(t, s, ActWithdraw, Command{Reason: "Công dân rút hồ sơ"}, lcDeskActor, at)
		if s.Timing != "" || step.Timing != "" || s.TimingAt(at) != "" || s.TimingAt(at.AddDate(0, 1, 0)) != "" {
			t.Errorf("withdrawn from %s: timing %q, step %q, TimingAt %q", st, s.Timing, step.Timing, s.TimingAt(at))
		}
		if s.FinishedAt == nil || !s.FinishedAt.Equal(at) {
			t.Errorf("withdrawn from %s: finished at %v", st, s.FinishedAt)
		}
	}
}

// TestStepTimings follows one dossier and the timing of each entry of its control slip.
func TestStepTimings(t *testing.T) {
	s := lcNew(t, vn(2026, time.March, 2, 8, 0), 24) // due Thursday 5 March 08:00
	newDue := vn(2026, time.March, 6, 17, 0)
	steps := []struct {
		action  Action
		command Command
		actor   Actor
		at      time.Time
		want    Timing
		wantDu  time.Time // the appointment after the step
	}{
		{ActTransfer, Command{ToOffice: lcDept, Via: ByPost}, lcDeskActor, vn(2026, time.March, 2, 9, 0), Early, vn(2026, time.March, 5, 8, 0)},
		{ActAccept, Command{}, lcDeptActor, vn(2026, time.March, 5, 7, 30), OnTime, vn(2026, time.March, 5, 8, 0)},
		{ActRequestSupplement, lcCommand(ActRequestSupplement, s), lcDeptActor, vn(2026, time.March, 5, 7, 45), OnTime, vn(2026, time.March, 5, 8, 0)},
		// Paused 07:45 to 09:00: the appointment moves to 09:15.
		{ActSupplement, Command{}, lcDeptActor, vn(2026, time.March, 5, 9, 0), OnTime, vn(2026, time.March, 5, 9, 15)},
		{ActExtend, Command{NewDueAt: &newDue, Reason: "Cần thẩm định thêm"}, lcDeptActor, vn(2026, time.March, 5, 10, 0), Late, newDue},
		{ActComplete, Command{Outcome: Approved}, lcDeptActor, vn(2026, time.March, 6, 10, 0), Late, newDue},
		{ActTransfer, Command{ToOffice: lcDesk, Via: ByHand}, lcDeptActor, vn(2026, time.March, 6, 11, 0), OnTime, newDue},
		{ActAccept, Command{}, lcDeskActor, vn(2026, time.March, 9, 8, 0), Late, newDue},
		{ActReturn, Command{}, lcDeskActor, vn(2026, time.March, 9, 9, 0), Late, newDue},
	}
	for i, st := range steps {
		var step Step
		s, step = lcApply(t, s, st.action, st.command, st.actor, st.at)
		if step.Timing != st.want {
			t.Errorf("step %d (%s at %s): timing %q, want %q", i+1, st.action, st.at.Format("Mon 02 15:04"), step.Timing, st.want)
		}
		if !s.DueAt.Equal(st.wantDu) {
			t.Errorf("step %d (%s): due %s, want %s", i+1, st.action, s.DueAt, st.wantDu)
		}
	}
	if s.Status != StatusReturned || s.Version != 1+len(steps) {
		t.Errorf("end: %s, version %d", s.Status, s.Version)
	}
}

func TestExtend(t *testing.T) {
	clock := lcClock(t)
	loc := clock.Location()
	for _, st := range []Status{StatusProcessing, StatusPaymentRequested} {
		t.Run(string(st), func(t *testing.T) {
			s, last := lcStateIn(t, st) // due Monday 9 March 08:00
			now := last.Add(time.Hour)
			due := s.DueAt
			ext := func(when time.Time, at time.Time) (State, Step, error) {
				return Apply(s, ActExtend, Command{NewDueAt: &when, Reason: "Chờ xác minh"}, lcDeptActor, at, clock)
			}
			for _, tc := range []struct {
				name  string
				when  time.Time
				now   time.Time
				code  string
				inMsg string
			}{
				{"the same appointment", due, now, "not_later", due.In(loc).Format(time.RFC3339)},
				{"the same appointment, in UTC", due.UTC(), now, "not_later", "+07:00"},
				{"an earlier appointment", due.Add(-time.Hour), now, "not_later", ""},
				{"earlier and in the past", last.Add(-time.Hour), now, "not_later", ""},
				// Overdue: later than the appointment is not enough.
				{"later but in the past", due.Add(time.Hour), due.Add(2 * time.Hour), "in_the_past", ""},
				{"later but now", due.Add(time.Hour), due.Add(time.Hour), "in_the_past", ""},
			} {
				got, step, err := ext(tc.when, tc.now)
				var fe *FieldError
				if !errors.As(err, &fe) || fe.Field != "new_due_at" || fe.Code != tc.code || message(fe) == "" {
					t.Errorf("%s: err = %#v, want new_due_at %s", tc.name, err, tc.code)
					continue
				}
				if !strings.Contains(message(fe), tc.inMsg) {
					t.Errorf("%s: message %q lacks %q", tc.name, message(fe), tc.inMsg)
				}
				if got.Version != s.Version || got.Extended || !got.DueAt.Equal(due) || step.Action != "" {
					t.Errorf("%s: a refused extension changed the state", tc.name)
				}
			}

			newDue := vn(2026, time.March, 16, 17, 0).UTC()
			got, step, err := ext(newDue, now)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Extended || !got.DueAt.Equal(newDue) || got.DueAt.Location() != loc {
				t.Errorf("extended: %v, due %s", got.Extended, got.DueAt)
			}
			if !got.OriginalDueAt.Equal(s.OriginalDueAt) || got.Status != st || got.Version != s.Version+1 {
				t.Errorf("extended: original %s, %s, version %d", got.OriginalDueAt, got.Status, got.Version)
			}
			if step.OldDueAt == nil || !step.OldDueAt.Equal(due) || step.NewDueAt == nil || !step.NewDueAt.Equal(newDue) {
				t.Errorf("extend step: old %v, new %v", step.OldDueAt, step.NewDueAt)
			}
			if step.Reason != "Chờ xác minh" || step.Timing != Early {
				t.Errorf("extend step: reason %q, timing %q", step.Reason, step.Timing)
			}
			// A second extension goes from the new appointment.
			again := newDue.Add(time.Hour)
			_, _, err = Apply(got, ActExtend, Command{NewDueAt: &newDue, Reason: "x"}, lcDeptActor, now, clock)
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Code != "not_later" {
				t.Errorf("second extension to the same day: %v", err)
			}
			if g2, _, err := Apply(got, ActExtend, Command{NewDueAt: &again, Reason: "x"}, lcDeptActor, now, clock); err != nil || !g2.DueAt.Equal(again) {
				t.Errorf("second extension: %v, due %s", err, g2.DueAt)
			}
		})
	}
}

// TestSupplementAfterExtension: the pause moves the extended appointment on as well.
func TestSupplementAfterExtension(t *testing.T) {
	clock := lcClock(t)
	s := lcProcessing(t, vn(2026, time.March, 2, 8, 0), 40)
	newDue := vn(2026, time.March, 13, 17, 0)
	s, _ = lcApply(t, s, ActExtend, Command{NewDueAt: &newDue, Reason: "Chờ xác minh"}, lcDeptActor, vn(2026, time.March, 3, 8, 0))
	s, _ = lcApply(t, s, ActRequestSupplement, lcCommand(ActRequestSupplement, s), lcDeptActor, vn(2026, time.March, 3, 9, 0))
	s, _ = lcApply(t, s, ActSupplement, Command{}, lcDeptActor, vn(2026, time.March, 3, 11, 0))
	if want := clock.AddWorkingTime(newDue, 2*time.Hour); !s.DueAt.Equal(want) || !want.Equal(vn(2026, time.March, 16, 9, 0)) {
		t.Errorf("due %s, want %s", s.DueAt, want)
	}
}
