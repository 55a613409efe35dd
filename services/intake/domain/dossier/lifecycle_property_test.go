package dossier

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestLifecycleRandomWalks takes a few thousand dossiers through random sequences of
// permitted actions, by random members of staff of the offices involved, at times that
// only move forward (in and out of office hours, over weekends and holidays), and checks
// the invariants of the rules after every step.
func TestLifecycleRandomWalks(t *testing.T) {
	clock := lcClock(t)
	rng := rand.New(rand.NewPCG(20260302, 1))
	offices := []string{lcDesk, lcDept, lcCommune}
	actors := []Actor{lcDeskActor, lcDeptActor, lcCommuneActor, lcOutsider}
	walks := 3000
	if testing.Short() {
		walks = 300
	}
	seen := map[Status]int{}
	steps := 0
	for w := range walks {
		// Received on a random day of 2025-2026, at a random minute of the day.
		received := vn(2025, time.January, 1, 0, 0).
			Add(time.Duration(rng.IntN(730*24*60)) * time.Minute)
		limits := []int{0, 8, 24, 40, 80, 120, 240}
		limit := limits[rng.IntN(len(limits))]
		s := lcNew(t, received, limit)
		if rng.IntN(4) == 0 { // a quarter are submitted online and await the desk's check
			s = lcSubmitted(limit)
		}
		s.ReceivingOffice = offices[rng.IntN(2)] // the desk or the commune receives it
		s.CurrentOffice = s.ReceivingOffice
		now := received
		seen[s.Status]++
		for n := 0; n < 40 && !s.Status.Terminal(); n++ {
			// Time moves on: a few minutes, a few hours or a few days.
			switch rng.IntN(3) {
			case 0:
				now = now.Add(time.Duration(rng.IntN(120)) * time.Minute)
			case 1:
				now = now.Add(time.Duration(rng.IntN(24*60)) * time.Minute)
			default:
				now = now.Add(time.Duration(rng.IntN(6*24*60)) * time.Minute)
			}
			type move struct {
				actor Actor
				a     Action
			}
			var moves []move
			for _, actor := range actors {
				got := s.AllowedFor(actor)
				if !slicesSubset(got, Allowed(s.Status)) {
					t.Fatalf("walk %d: AllowedFor(%s) = %v outside Allowed(%s)", w, actor.Username, got, s.Status)
				}
				for _, a := range got {
					moves = append(moves, move{actor, a})
				}
				// What the actor may not do is refused and changes nothing.
				for _, a := range Actions {
					if slices.Contains(got, a) {
						continue
					}
					c := walkCommand(rng, a, s, now, offices)
					after, _, err := Apply(s, a, c, actor, now, clock)
					var oe *OfficeError
					var na *NotAllowedError
					if !errors.As(err, &oe) && !errors.As(err, &na) {
						t.Fatalf("walk %d: %s by %s from %s, not in AllowedFor: err = %v", w, a, actor.Username, s.Status, err)
					}
					if after.Version != s.Version || after.Status != s.Status {
						t.Fatalf("walk %d: a refused %s changed the state", w, a)
					}
				}
			}
			if len(moves) == 0 {
				t.Fatalf("walk %d: nobody can act on a %s dossier: %+v", w, s.Status, s)
			}
			// Ending a dossier early is rare, so that walks go deep: refuse, stop and
			// withdraw are taken only now and then when something else is possible.
			m := moves[rng.IntN(len(moves))]
			for try := 0; try < 5 && (m.a == ActRefuse || m.a == ActStop || m.a == ActWithdraw) && rng.IntN(10) > 0; try++ {
				m = moves[rng.IntN(len(moves))]
			}
			c := walkCommand(rng, m.a, s, now, offices)
			c.Normalize(m.a)
			if fe := c.Validate(m.a); fe != nil {
				t.Fatalf("walk %d: generated an invalid %s command: %v", w, m.a, fe)
			}
			next, step, err := Apply(s, m.a, c, m.actor, now, clock)
			if err != nil {
				t.Fatalf("walk %d: %s by %s from %s at %s: %v", w, m.a, m.actor.Username, s.Status, now, err)
			}
			checkStep(t, w, s, next, step, m.a, now)
			s = next
			seen[s.Status]++
			steps++
		}
		// Terminal statuses allow nothing, to anybody.
		if s.Status.Terminal() {
			for _, actor := range append(actors, lcEveryone) {
				if got := s.AllowedFor(actor); len(got) != 0 {
					t.Fatalf("walk %d: %s allows %v to %s", w, s.Status, got, actor.Username)
				}
				for _, a := range Actions {
					if _, _, err := Apply(s, a, walkCommand(rng, a, s, now, offices), actor, now.Add(time.Hour), clock); err == nil {
						t.Fatalf("walk %d: %s succeeded from %s", w, a, s.Status)
					}
				}
			}
		}
	}
	for _, st := range Statuses {
		if seen[st] == 0 {
			t.Errorf("no walk reached %s", st)
		}
	}
	t.Logf("%d walks, %d steps; statuses reached: %v", walks, steps, seen)
}

// checkStep checks the invariants of one step from prev to next.
func checkStep(t *testing.T, w int, prev, next State, step Step, a Action, now time.Time) {
	t.Helper()
	clock := lcClock(t)
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("walk %d, %s from %s at %s: "+format, append([]any{w, a, prev.Status, now.Format(time.RFC3339)}, args...)...)
	}
	if next.Version != prev.Version+1 {
		fail("version %d after %d", next.Version, prev.Version)
	}
	want, ok := wantNext[prev.Status][a]
	if a == ActSupplement && !prev.Received() {
		want = StatusSubmitted // guidance before receipt goes back to the desk's check
	}
	if !ok || next.Status != want {
		fail("status %s, want %s", next.Status, want)
	}
	if nc := next.Status.NationalCode(); nc < 1 || nc > 10 || nc != wantNational[next.Status] {
		fail("national code %d", nc)
	}
	if prev.FinishedAt != nil && (next.FinishedAt == nil || !next.FinishedAt.Equal(*prev.FinishedAt)) {
		fail("FinishedAt changed from %s to %v", prev.FinishedAt, next.FinishedAt)
	}
	if prev.FinishedAt != nil && next.Timing != prev.Timing {
		fail("final timing changed from %q to %q", prev.Timing, next.Timing)
	}
	if next.DueAt.Before(prev.DueAt) {
		fail("DueAt moved earlier: %s to %s", prev.DueAt, next.DueAt)
	}
	if a == ActReceive {
		if prev.Received() || !next.ReceivedAt.Equal(now) || !next.OriginalDueAt.Equal(next.DueAt) || next.DueAt.Before(now.Truncate(time.Second)) {
			fail("receipt: received %s, due %s (original %s)", next.ReceivedAt, next.DueAt, next.OriginalDueAt)
		}
	} else if !next.ReceivedAt.Equal(prev.ReceivedAt) {
		fail("received_at moved from %s to %s", prev.ReceivedAt, next.ReceivedAt)
	}
	if next.DueAt.Before(next.OriginalDueAt) || a != ActReceive && !next.OriginalDueAt.Equal(prev.OriginalDueAt) {
		fail("original appointment %s, now %s", next.OriginalDueAt, next.DueAt)
	}
	if (next.PausedAt != nil) != (next.Status == StatusSupplementRequested && next.Received()) {
		fail("PausedAt %v with status %s", next.PausedAt, next.Status)
	}
	inTransit := next.Status == StatusInTransit || next.Status == StatusResultInTransit
	if (next.PendingOffice != "") != inTransit {
		fail("PendingOffice %q with status %s", next.PendingOffice, next.Status)
	}
	if inTransit && next.PendingOffice == next.CurrentOffice {
		fail("in transit to the office that holds it, %s", next.CurrentOffice)
	}
	if next.PausedTotal < prev.PausedTotal || next.SupplementRequests < prev.SupplementRequests {
		fail("pauses went back: %s, %d requests", next.PausedTotal, next.SupplementRequests)
	}
	// A supplement (or a stop or withdrawal while waiting) moves the appointment by
	// exactly the working time waited, and nothing else moves it except an extension.
	if prev.PausedAt != nil {
		waited := clock.WorkingDuration(*prev.PausedAt, now)
		if next.PausedTotal != prev.PausedTotal+waited {
			fail("paused total %s, want %s + %s", next.PausedTotal, prev.PausedTotal, waited)
		}
		want := prev.DueAt
		if waited > 0 {
			want = clock.AddWorkingTime(prev.DueAt, waited)
		}
		if !next.DueAt.Equal(want) {
			fail("due %s after a wait of %s, want %s", next.DueAt, waited, want)
		}
	} else if a != ActExtend && a != ActReceive && !next.DueAt.Equal(prev.DueAt) {
		fail("due moved from %s to %s", prev.DueAt, next.DueAt)
	}
	if next.Extended != (prev.Extended || a == ActExtend) {
		fail("extended %v", next.Extended)
	}
	if (next.Outcome != "") != (next.Status == StatusProcessed || next.Status == StatusResultInTransit ||
		next.Status == StatusReturned) {
		fail("outcome %q with status %s", next.Outcome, next.Status)
	}
	// Finishing: the first of processed, refused, stopped or withdrawn.
	finishing := a == ActComplete || a == ActRefuse || a == ActStop || a == ActWithdraw
	if finishing && (next.FinishedAt == nil || !next.FinishedAt.Equal(now)) {
		fail("finished at %v", next.FinishedAt)
	}
	if !finishing && prev.FinishedAt == nil && next.FinishedAt != nil {
		fail("finished by %s", a)
	}
	switch {
	case !next.Received():
		// Never received: no appointment, nothing to judge, whatever happens.
		if next.Timing != "" || next.TimingAt(now) != "" || step.Timing != "" || next.ProcessingTime(clock) != 0 {
			fail("judged before receipt: %q / %q", next.Timing, step.Timing)
		}
	case next.FinishedAt == nil:
		if tm := next.TimingAt(now); tm != WithinDeadline && tm != Overdue {
			fail("open timing %q", tm)
		}
		if next.ProcessingTime(clock) != 0 {
			fail("an open dossier has a processing time")
		}
	case next.Status == StatusWithdrawn:
		if next.Timing != "" || next.TimingAt(now) != "" || step.Timing != "" {
			fail("withdrawn with timing %q / %q", next.Timing, step.Timing)
		}
	default:
		tm := next.TimingAt(now.AddDate(0, 0, w%400))
		if tm != Early && tm != OnTime && tm != Late || tm != next.Timing {
			fail("final timing %q (TimingAt %q)", next.Timing, tm)
		}
		if (next.SupplementRequests > 1 || next.Extended) && tm != Late {
			fail("%d supplement requests, extended %v, yet %q", next.SupplementRequests, next.Extended, tm)
		}
		pt := next.ProcessingTime(clock)
		if pt < 0 || pt != max(0, clock.WorkingDuration(next.ReceivedAt, *next.FinishedAt)-next.PausedTotal) {
			fail("processing time %s", pt)
		}
	}
	if a != ActWithdraw && prev.Received() {
		switch step.Timing {
		case Early, OnTime, Late:
		default:
			fail("step timing %q", step.Timing)
		}
	}
	if step.Action != a || !step.At.Equal(now) || step.FromOffice != prev.CurrentOffice {
		fail("step %+v", step)
	}
}

// walkCommand is a valid command for a in state s at now: a transfer to another office,
// an extension to a later appointment still ahead, any outcome.
func walkCommand(rng *rand.Rand, a Action, s State, now time.Time, offices []string) Command {
	c := lcCommand(a, s)
	switch a {
	case ActTransfer:
		var others []string
		for _, o := range offices {
			if o != s.CurrentOffice {
				others = append(others, o)
			}
		}
		c.ToOffice = others[rng.IntN(len(others))]
		c.Via = []Via{ByHand, ByPost, ""}[rng.IntN(3)]
	case ActExtend:
		base := s.DueAt
		if now.After(base) {
			base = now
		}
		due := base.Add(time.Duration(1+rng.IntN(20*24*60)) * time.Minute)
		c.NewDueAt = &due
	case ActComplete:
		c.Outcome = []Outcome{Approved, Rejected}[rng.IntN(2)]
	case ActRequestSupplement:
		c.Items = make([]Document, 1+rng.IntN(3))
		for i := range c.Items {
			c.Items[i] = Document{Name: "Giấy tờ", Kind: Copy, Copies: 1 + rng.IntN(3)}
		}
	}
	return c
}

func slicesSubset(a, b []Action) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}
