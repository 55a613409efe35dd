package shipment

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"
)

// randomInput is a valid event of type typ at at, with random reasons, actions, seals,
// postage and payer.
func randomInput(t testing.TB, rng *rand.Rand, typ Status, at time.Time) Input {
	in := validInput(t, typ, at)
	switch typ {
	case DeliveryFailed:
		// Mostly reasons that wait, so that walks see the working-days rule at work.
		in.ReasonCode = FailureReasons[rng.IntN(len(FailureReasons))]
		if rng.IntN(3) > 0 {
			in.ReasonCode = []string{ReasonRecipientAbsent, ReasonNotCollected, ReasonOfficeClosed, ReasonAddressIncomplete}[rng.IntN(4)]
		}
		in.ActionCode = FailureActions[rng.IntN(len(FailureActions)-1)]
		if rng.IntN(10) == 0 {
			in.ActionCode = ActionReturnToSender
		}
	case PickedUp:
		if rng.IntN(2) == 0 {
			in.SealNumber = "S-" + string(rune('A'+rng.IntN(26)))
		}
	}
	if rng.IntN(4) == 0 {
		in.PostageVND = ptr(rng.Int64N(MaxPostageVND + 1))
	}
	if rng.IntN(4) == 0 {
		in.PaidBy = []Payer{PaidByCitizen, PaidByAuthority}[rng.IntN(2)]
	}
	return in
}

// oracleWorkingDays counts working days the slow way: every calendar day after from's
// day up to to's day, stepping by AddDate in Hanoi.
func oracleWorkingDays(t testing.TB, from, to time.Time) int {
	clock := clockOf(t)
	loc := clock.Location()
	y, m, d := from.In(loc).Date()
	ty, tm, td := to.In(loc).Date()
	end := time.Date(ty, tm, td, 12, 0, 0, 0, loc)
	n := 0
	for day := time.Date(y, m, d, 12, 0, 0, 0, loc).AddDate(0, 0, 1); !day.After(end); day = day.AddDate(0, 0, 1) {
		dy, dm, dd := day.Date()
		if clock.IsWorkingDay(dateOf(dy, dm, dd)) {
			n++
		}
	}
	return n
}

// TestRandomWalks takes thousands of shipments of every kind through random events, at
// times that mostly move forward (minutes to days, over weekends and holidays, sometimes
// back in time or too far ahead), and checks the rules' invariants after every step.
func TestRandomWalks(t *testing.T) {
	clock := clockOf(t)
	rng := rand.New(rand.NewPCG(20260901, 45))
	walks := 4000
	if testing.Short() {
		walks = 400
	}
	ended := map[Status]int{}
	autoReturns := 0
	for w := range walks {
		start := vn(2025, time.March, 1, 0, 0).Add(time.Duration(rng.IntN(600*24*60)) * time.Minute)
		s := Shipment{TrackingNumber: "EE123456785VN", Kind: Kinds[rng.IntN(len(Kinds))], Status: Created,
			LastEventAt: start, Version: 1}
		now := start
		for step := 0; step < 60; step++ {
			// The server's clock moves on; the event is dated at or a little before it,
			// now and then before the last event or too far ahead.
			now = now.Add(time.Duration(rng.IntN([]int{30, 24 * 60, 4 * 24 * 60}[rng.IntN(3)])+1) * time.Minute)
			at := now.Add(-time.Duration(rng.IntN(120)) * time.Minute)
			if at.Before(s.LastEventAt) {
				at = s.LastEventAt
			}
			tooEarly, tooLate := false, false
			switch rng.IntN(40) {
			case 0:
				at, tooEarly = s.LastEventAt.Add(-time.Second), true
			case 1:
				at, tooLate = now.Add(MaxClockSkew+time.Second), true
			}
			next := Next(s.Kind, s.Status)
			typ := EventTypes[rng.IntN(len(EventTypes))]
			if len(next) > 0 && rng.IntN(4) > 0 {
				typ = next[rng.IntN(len(next))]
			}
			in := randomInput(t, rng, typ, at)
			got, recs, err := Record(s, in, now, clock)

			if !slices.Contains(next, typ) {
				var oe *OrderError
				if !errors.As(err, &oe) || !slices.Equal(oe.Allowed, next) {
					t.Fatalf("walk %d: %s from %s (%s): err = %v", w, typ, s.Status, s.Kind, err)
				}
				if !reflect.DeepEqual(got, s) || recs != nil {
					t.Fatalf("walk %d: a refused event changed the shipment", w)
				}
				if s.Status.Terminal() && len(oe.Allowed) != 0 {
					t.Fatalf("walk %d: something may follow %s", w, s.Status)
				}
				continue
			}
			if tooEarly || tooLate {
				var fe *FieldError
				if !errors.As(err, &fe) || fe.Field != "occurred_at" {
					t.Fatalf("walk %d: event at %v (last %v, now %v): err = %v", w, at, s.LastEventAt, now, err)
				}
				if !reflect.DeepEqual(got, s) {
					t.Fatalf("walk %d: a refused event changed the shipment", w)
				}
				continue
			}
			if err != nil {
				t.Fatalf("walk %d: %s from %s: %v", w, typ, s.Status, err)
			}
			checkStep(t, w, s, in, got, recs)
			if len(recs) == 2 {
				autoReturns++
			}
			s = got
			if s.Status.Terminal() {
				break
			}
		}
		ended[s.Status]++
	}
	t.Logf("walks ended in %v; %d automatic returns", ended, autoReturns)
	if ended[Delivered] == 0 || ended[Returned] == 0 || autoReturns == 0 {
		t.Fatalf("the walks do not reach both ends: %v, %d automatic returns", ended, autoReturns)
	}
}

// checkStep checks one accepted event: the versions, the recorded events, the failed
// attempts, and the return rule against an oracle.
func checkStep(t *testing.T, w int, s Shipment, in Input, got Shipment, recs []Recorded) {
	t.Helper()
	if len(recs) < 1 || len(recs) > 2 {
		t.Fatalf("walk %d: %d events recorded", w, len(recs))
	}
	if got.Version != s.Version+len(recs) {
		t.Fatalf("walk %d: version %d → %d for %d events", w, s.Version, got.Version, len(recs))
	}
	if recs[0].Type != in.Type || !recs[0].At.Equal(in.OccurredAt) || recs[0].Automatic {
		t.Fatalf("walk %d: recorded %+v for %+v", w, recs[0], in)
	}
	if got.Status != recs[len(recs)-1].Type || !got.LastEventAt.Equal(in.OccurredAt) {
		t.Fatalf("walk %d: status %s, last event %v after %+v", w, got.Status, got.LastEventAt, recs)
	}
	if got.Kind != s.Kind || got.TrackingNumber != s.TrackingNumber {
		t.Fatalf("walk %d: the shipment's identity changed", w)
	}
	wantAttempts := s.FailedAttempts
	if in.Type == DeliveryFailed {
		wantAttempts++
	}
	if got.FailedAttempts != wantAttempts || recs[0].FailedAttempts != wantAttempts {
		t.Fatalf("walk %d: failed attempts %d, want %d", w, got.FailedAttempts, wantAttempts)
	}
	switch {
	case got.FailedAttempts == 0 && got.FirstFailedAt != nil,
		got.FailedAttempts > 0 && got.FirstFailedAt == nil,
		s.FirstFailedAt != nil && !got.FirstFailedAt.Equal(*s.FirstFailedAt):
		t.Fatalf("walk %d: first failure %v → %v", w, s.FirstFailedAt, got.FirstFailedAt)
	}
	if s.Kind != KindDelivery && (got.FailedAttempts > 0 || got.Status == Returned) {
		t.Fatalf("walk %d: a %s failed or went back", w, s.Kind)
	}
	if in.PostageVND != nil && got.PostageVND != *in.PostageVND || in.PostageVND == nil && got.PostageVND != s.PostageVND {
		t.Fatalf("walk %d: postage %d → %d", w, s.PostageVND, got.PostageVND)
	}
	if in.PaidBy != "" && got.PaidBy != in.PaidBy || in.PaidBy == "" && got.PaidBy != s.PaidBy {
		t.Fatalf("walk %d: payer %s → %s", w, s.PaidBy, got.PaidBy)
	}
	if (in.Type == Accepted || in.Type == PickedUp) && in.SealNumber != "" {
		if got.SealNumber != in.SealNumber {
			t.Fatalf("walk %d: seal %q not recorded", w, in.SealNumber)
		}
	} else if got.SealNumber != s.SealNumber {
		t.Fatalf("walk %d: seal changed by %s", w, in.Type)
	}

	// The return rule, written again.
	wantReturn := false
	if in.Type == DeliveryFailed {
		wantReturn = in.ActionCode == ActionReturnToSender || slices.Contains([]string{ReasonAddressNotFound, ReasonRefused, ReasonMoved, ReasonUnknownRecipient}, in.ReasonCode) ||
			got.FailedAttempts >= 2 && oracleWorkingDays(t, *got.FirstFailedAt, in.OccurredAt) >= 2
	}
	if wantReturn != (len(recs) == 2) {
		t.Fatalf("walk %d: failure %+v (attempt %d, first %v): automatic return %v, want %v", w, in, got.FailedAttempts, got.FirstFailedAt, len(recs) == 2, wantReturn)
	}
	if wantReturn {
		r := recs[1]
		if r.Type != Returned || !r.Automatic || !r.At.Equal(in.OccurredAt) || r.FailedAttempts != got.FailedAttempts || r.ActionCode != ActionReturnToSender {
			t.Fatalf("walk %d: automatic return %+v", w, r)
		}
	}
	if NeedsReturnShipment(s.Kind, recs) != (got.Status == Returned && s.Kind == KindDelivery) {
		t.Fatalf("walk %d: NeedsReturnShipment wrong for %+v", w, recs)
	}
}
