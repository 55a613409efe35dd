package shipment

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/services/worktime"
)

// wantNext is the order of events written out again, independently of the table in
// record.go, for a delivery to the citizen; other kinds lose delivery_failed.
var wantNext = map[Status][]Status{
	Created:        {Accepted, PickedUp},
	Accepted:       {PickedUp, InTransit},
	PickedUp:       {InTransit, Arrived, OutForDelivery, Delivered},
	InTransit:      {InTransit, Arrived, OutForDelivery, Delivered},
	Arrived:        {OutForDelivery, Delivered},
	OutForDelivery: {Delivered, DeliveryFailed},
	DeliveryFailed: {OutForDelivery, Delivered, Returned},
	Delivered:      nil,
	Returned:       nil,
}

func wantNextFor(k Kind, s Status) []Status {
	next := slices.Clone(wantNext[s])
	if k != KindDelivery {
		next = slices.DeleteFunc(next, func(t Status) bool { return t == DeliveryFailed })
	}
	return next
}

func sameSet(a, b []Status) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// TestOrderEveryTypeFromEveryStatus records every event type from every status of every
// kind: what the order permits is recorded, the rest is an *OrderError that lists what may
// come next and leaves the shipment as it was.
func TestOrderEveryTypeFromEveryStatus(t *testing.T) {
	clock := clockOf(t)
	last := vn(2026, time.March, 9, 8, 0)
	at := last.Add(time.Hour)
	for _, k := range Kinds {
		for _, from := range Statuses {
			want := wantNextFor(k, from)
			if got := Next(k, from); !sameSet(got, want) {
				t.Errorf("Next(%s, %s) = %v, want %v", k, from, got, want)
			}
			for _, typ := range EventTypes {
				s := Shipment{TrackingNumber: "EE123456785VN", Kind: k, Status: from, LastEventAt: last, Version: 3}
				if from == DeliveryFailed {
					s.FailedAttempts, s.FirstFailedAt = 1, ptr(last)
				}
				in := validInput(t, typ, at)
				got, recs, err := Record(s, in, at, clock)
				if slices.Contains(want, typ) {
					if err != nil {
						t.Errorf("%s: %s → %s: %v", k, from, typ, err)
						continue
					}
					if got.Status != typ || got.Version != 4 || !got.LastEventAt.Equal(at) || len(recs) != 1 ||
						recs[0].Type != typ || !recs[0].At.Equal(at) || recs[0].Automatic {
						t.Errorf("%s: %s → %s: got %+v, %+v", k, from, typ, got, recs)
					}
					continue
				}
				var oe *OrderError
				if !errors.As(err, &oe) {
					t.Errorf("%s: %s → %s: err = %v, want *OrderError", k, from, typ, err)
					continue
				}
				if oe.Status != from || oe.Type != typ || oe.Kind != k || !sameSet(oe.Allowed, want) {
					t.Errorf("%s: %s → %s: %+v, want allowed %v", k, from, typ, *oe, want)
				}
				if !reflect.DeepEqual(got, s) || recs != nil {
					t.Errorf("%s: %s → %s: a refused event changed the shipment: %+v %v", k, from, typ, got, recs)
				}
				msg := oe.Error()
				switch {
				case from.Terminal() && !strings.Contains(msg, "ended"):
					t.Errorf("terminal message %q", msg)
				case !from.Terminal() && len(want) > 0 && !strings.Contains(msg, "What may come next: "):
					t.Errorf("message %q does not say what may come next", msg)
				}
			}
		}
	}
}

func TestOrderErrorMessages(t *testing.T) {
	tests := []struct {
		e    OrderError
		want []string
	}{
		{OrderError{Kind: KindTransfer, Status: OutForDelivery, Type: DeliveryFailed, Allowed: []Status{Delivered}},
			[]string{`"out for delivery" (out_for_delivery)`, "Only a delivery to the citizen can fail", "What may come next: delivered."}},
		{OrderError{Kind: KindDelivery, Status: InTransit, Type: Returned, Allowed: Next(KindDelivery, InTransit)},
			[]string{"only after a failed delivery", "in_transit, arrived, out_for_delivery, delivered."}},
		{OrderError{Kind: KindDelivery, Status: Delivered, Type: InTransit},
			[]string{"in_transit cannot be recorded now", `"delivered" (delivered)`, "nothing can be recorded after it"}},
		{OrderError{Kind: KindDelivery, Status: "", Type: InTransit},
			[]string{"Nothing can be recorded now."}},
	}
	for _, tt := range tests {
		msg := tt.e.Error()
		for _, w := range tt.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%q lacks %q", msg, w)
			}
		}
	}
}

// TestRecordFields checks what each type writes on the shipment and in the event.
func TestRecordFields(t *testing.T) {
	clock := clockOf(t)
	t0 := vn(2026, time.March, 9, 8, 0)
	s := Shipment{TrackingNumber: "EE123456785VN", Kind: KindDelivery, Status: Created, LastEventAt: t0, Version: 1}

	in := validInput(t, Accepted, t0.Add(time.Minute))
	in.SealNumber = " NB-77 "
	in.PostageVND, in.PaidBy = ptr[int64](25_000), " Citizen"
	s, recs, err := Record(s, in, t0.Add(time.Minute), clock)
	if err != nil {
		t.Fatal(err)
	}
	if s.SealNumber != "NB-77" || recs[0].SealNumber != "NB-77" || s.PostageVND != 25_000 || s.PaidBy != PaidByCitizen || s.Version != 2 {
		t.Fatalf("after accepted: %+v %+v", s, recs)
	}
	if in.SealNumber != " NB-77 " {
		t.Fatal("Record changed the caller's input")
	}

	// Postage changes when given, and stays otherwise; zero is a value.
	in = validInput(t, PickedUp, t0.Add(2*time.Minute))
	s, recs, _ = Record(s, in, t0.Add(2*time.Minute), clock)
	if s.PostageVND != 25_000 || s.PaidBy != PaidByCitizen || s.SealNumber != "NB-77" || recs[0].SealNumber != "" {
		t.Fatalf("after picked_up: %+v %+v", s, recs)
	}
	in = validInput(t, OutForDelivery, t0.Add(3*time.Minute))
	in.PostageVND, in.PaidBy = ptr[int64](0), PaidByAuthority
	s, _, _ = Record(s, in, t0.Add(3*time.Minute), clock)
	if s.PostageVND != 0 || s.PaidBy != PaidByAuthority {
		t.Fatalf("after out_for_delivery: %+v", s)
	}

	in = failed(t0.Add(4*time.Minute), " Recipient_Absent ", "LEAVE_NOTICE")
	s, recs, _ = Record(s, in, t0.Add(4*time.Minute), clock)
	if s.Status != DeliveryFailed || s.FailedAttempts != 1 || s.FirstFailedAt == nil || !s.FirstFailedAt.Equal(t0.Add(4*time.Minute)) ||
		len(recs) != 1 || recs[0].ReasonCode != ReasonRecipientAbsent || recs[0].ActionCode != ActionLeaveNotice || recs[0].FailedAttempts != 1 {
		t.Fatalf("after delivery_failed: %+v %+v", s, recs)
	}

	s, recs, _ = Record(s, validInput(t, OutForDelivery, t0.Add(5*time.Minute)), t0.Add(5*time.Minute), clock)
	if recs[0].FailedAttempts != 1 || recs[0].ReasonCode != "" {
		t.Fatalf("after out_for_delivery again: %+v", recs)
	}
	in = validInput(t, Delivered, t0.Add(6*time.Minute))
	in.Proof.Relation = " SELF"
	s, recs, err = Record(s, in, t0.Add(6*time.Minute), clock)
	if err != nil {
		t.Fatal(err)
	}
	if s.Status != Delivered || s.Version != 7 || s.FailedAttempts != 1 || recs[0].Relation != RelationSelf || NeedsReturnShipment(s.Kind, recs) {
		t.Fatalf("after delivered: %+v %+v", s, recs)
	}
	if in.Proof.Relation != " SELF" {
		t.Fatal("Record changed the caller's proof")
	}
}

// TestOccurredAt: an event may be hours old, a little ahead of the server's clock, and
// at the same instant as the last one, but not further ahead nor before the last one.
func TestOccurredAt(t *testing.T) {
	clock := clockOf(t)
	last := vn(2026, time.March, 9, 8, 0)
	now := vn(2026, time.March, 9, 16, 0)
	tests := []struct {
		name string
		at   time.Time
		code string
	}{
		{"hours old, after the last event", last.Add(time.Minute), ""},
		{"at the last event's instant", last, ""},
		{"a nanosecond before the last event", last.Add(-time.Nanosecond), "before_last_event"},
		{"a day before the last event", last.AddDate(0, 0, -1), "before_last_event"},
		{"now", now, ""},
		{"five minutes ahead", now.Add(MaxClockSkew), ""},
		{"five minutes and a second ahead", now.Add(MaxClockSkew + time.Second), "in_the_future"},
		{"tomorrow", now.AddDate(0, 0, 1), "in_the_future"},
		{"same instant written in UTC", last.UTC(), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Shipment{Kind: KindTransfer, Status: InTransit, LastEventAt: last, Version: 5}
			got, recs, err := Record(s, validInput(t, Arrived, tt.at), now, clock)
			if tt.code == "" {
				if err != nil || got.Version != 6 || !got.LastEventAt.Equal(tt.at) {
					t.Fatalf("Record = %+v, %v", got, err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != "occurred_at" || fe.Code != tt.code {
				t.Fatalf("err = %v, want occurred_at %s", err, tt.code)
			}
			if !reflect.DeepEqual(got, s) || recs != nil {
				t.Fatal("a refused event changed the shipment")
			}
			if !strings.Contains(fe.Words().EN, "+07:00") {
				t.Errorf("message %q does not give Hanoi times", fe.Words().EN)
			}
		})
	}
	// A shipment refuses an event out of order before looking at its time.
	s := Shipment{Kind: KindTransfer, Status: Delivered, LastEventAt: last}
	var oe *OrderError
	if _, _, err := Record(s, validInput(t, Arrived, now.AddDate(1, 0, 0)), now, clock); !errors.As(err, &oe) {
		t.Fatalf("err = %v, want *OrderError", err)
	}
	// An invalid input is refused before anything else.
	bad := validInput(t, Arrived, now)
	bad.EventID = "x"
	var fe *FieldError
	if _, _, err := Record(s, bad, now, clock); !errors.As(err, &fe) || fe.Field != "event_id" {
		t.Fatalf("err = %v, want event_id", err)
	}
}

func TestCalendarAssumptions(t *testing.T) {
	clock := clockOf(t)
	for _, d := range []worktime.Date{dateOf(2026, 9, 2), dateOf(2026, 9, 3), dateOf(2026, 2, 16), dateOf(2026, 2, 20), dateOf(2026, 3, 14), dateOf(2026, 3, 15)} {
		if clock.IsWorkingDay(d) {
			t.Fatalf("%s is a working day in the default calendar; the tests below assume not", d)
		}
	}
	for _, d := range []worktime.Date{dateOf(2026, 9, 1), dateOf(2026, 9, 4), dateOf(2026, 9, 7), dateOf(2026, 3, 13), dateOf(2026, 3, 16), dateOf(2026, 2, 23)} {
		if !clock.IsWorkingDay(d) {
			t.Fatalf("%s is not a working day in the default calendar; the tests below assume it is", d)
		}
	}
}

// TestFailedDeliveryRule takes a delivery through failed attempts on the default 2026
// calendar and checks when it goes back by itself.
func TestFailedDeliveryRule(t *testing.T) {
	clock := clockOf(t)
	type attempt struct {
		at             time.Time
		reason, action string
	}
	absent := func(at time.Time) attempt { return attempt{at, ReasonRecipientAbsent, ActionLeaveNotice} }
	tests := []struct {
		name     string
		attempts []attempt
		// returnsAt is the index of the attempt that sends the item back; -1 for none.
		returnsAt int
	}{
		{"one failure", []attempt{absent(vn(2026, 3, 9, 9, 0))}, -1},
		{"two failures the same day", []attempt{absent(vn(2026, 3, 9, 9, 0)), absent(vn(2026, 3, 9, 16, 0))}, -1},
		{"second failure one working day later", []attempt{absent(vn(2026, 3, 9, 9, 0)), absent(vn(2026, 3, 10, 16, 30))}, -1},
		{"second failure two working days later", []attempt{absent(vn(2026, 3, 9, 16, 0)), absent(vn(2026, 3, 11, 8, 0))}, 1},
		{"second failure a week later", []attempt{absent(vn(2026, 3, 9, 9, 0)), absent(vn(2026, 3, 16, 9, 0))}, 1},
		{"Friday then Monday: one working day", []attempt{absent(vn(2026, 3, 13, 9, 0)), absent(vn(2026, 3, 16, 9, 0))}, -1},
		{"Friday then Tuesday: two working days", []attempt{absent(vn(2026, 3, 13, 9, 0)), absent(vn(2026, 3, 17, 9, 0))}, 1},
		{"Friday then Sunday then Monday", []attempt{absent(vn(2026, 3, 13, 9, 0)), absent(vn(2026, 3, 15, 9, 0)), absent(vn(2026, 3, 16, 9, 0))}, -1},
		{"1 September then 4 September: National Day in between", []attempt{absent(vn(2026, 9, 1, 9, 0)), absent(vn(2026, 9, 4, 9, 0))}, -1},
		{"1 September then 7 September", []attempt{absent(vn(2026, 9, 1, 9, 0)), absent(vn(2026, 9, 7, 9, 0))}, 1},
		{"before Tết then the first working day after", []attempt{absent(vn(2026, 2, 13, 9, 0)), absent(vn(2026, 2, 23, 9, 0))}, -1},
		{"before Tết then the second working day after", []attempt{absent(vn(2026, 2, 13, 9, 0)), absent(vn(2026, 2, 24, 9, 0))}, 1},
		{"third failure two working days after the first", []attempt{absent(vn(2026, 3, 9, 9, 0)), absent(vn(2026, 3, 10, 9, 0)), absent(vn(2026, 3, 11, 9, 0))}, 2},
		{"third failure one working day after the first", []attempt{absent(vn(2026, 3, 9, 9, 0)), absent(vn(2026, 3, 9, 15, 0)), absent(vn(2026, 3, 10, 9, 0))}, -1},
		{"fourth failure", []attempt{absent(vn(2026, 3, 9, 9, 0)), absent(vn(2026, 3, 9, 15, 0)), absent(vn(2026, 3, 10, 9, 0)), absent(vn(2026, 3, 11, 9, 0))}, 3},
		// The days are counted in Hanoi: 06:30 on Monday in Hanoi is Sunday in UTC, where
		// Tuesday would be two working days later.
		{"days counted in Hanoi, not UTC", []attempt{absent(vn(2026, 3, 9, 6, 30).UTC()), absent(vn(2026, 3, 10, 10, 0).UTC())}, -1},
		{"every reason that waits", []attempt{
			{vn(2026, 3, 9, 9, 0), ReasonAddressIncomplete, ActionRetry},
			{vn(2026, 3, 9, 10, 0), ReasonNotCollected, ActionHoldAtPostOffice},
			{vn(2026, 3, 9, 11, 0), ReasonOfficeClosed, ActionRetry},
			{vn(2026, 3, 10, 11, 0), ReasonRecipientAbsent, ActionRetry},
		}, -1},
		{"return_to_sender on the first attempt", []attempt{{vn(2026, 3, 9, 9, 0), ReasonRecipientAbsent, ActionReturnToSender}}, 0},
		{"return_to_sender on the second, same day", []attempt{absent(vn(2026, 3, 9, 9, 0)), {vn(2026, 3, 9, 10, 0), ReasonNotCollected, ActionReturnToSender}}, 1},
		{"refused", []attempt{{vn(2026, 3, 9, 9, 0), ReasonRefused, ActionLeaveNotice}}, 0},
		{"moved", []attempt{{vn(2026, 3, 9, 9, 0), ReasonMoved, ActionRetry}}, 0},
		{"unknown recipient", []attempt{{vn(2026, 3, 9, 9, 0), ReasonUnknownRecipient, ActionHoldAtPostOffice}}, 0},
		{"address not found after an absence", []attempt{absent(vn(2026, 3, 9, 9, 0)), {vn(2026, 3, 9, 10, 0), ReasonAddressNotFound, ActionRetry}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := tt.attempts[0].at.Add(-time.Hour)
			s := outForDelivery(start)
			first := tt.attempts[0].at
			for i, a := range tt.attempts {
				if i > 0 {
					// Out for delivery again, just before the attempt.
					var err error
					s, _, err = Record(s, validInput(t, OutForDelivery, a.at.Add(-time.Minute)), a.at, clock)
					if err != nil {
						t.Fatalf("attempt %d: out_for_delivery: %v", i, err)
					}
				}
				before := s.Version
				var recs []Recorded
				var err error
				s, recs, err = Record(s, failed(a.at, a.reason, a.action), a.at.Add(time.Hour), clock)
				if err != nil {
					t.Fatalf("attempt %d: %v", i, err)
				}
				if s.FailedAttempts != i+1 || s.FirstFailedAt == nil || !s.FirstFailedAt.Equal(first) {
					t.Fatalf("attempt %d: attempts %d, first %v", i, s.FailedAttempts, s.FirstFailedAt)
				}
				f := recs[0]
				if f.Type != DeliveryFailed || f.Automatic || f.FailedAttempts != i+1 || f.ReasonCode != a.reason || f.ActionCode != a.action || !f.At.Equal(a.at) {
					t.Fatalf("attempt %d: recorded %+v", i, f)
				}
				if i != tt.returnsAt {
					if len(recs) != 1 || s.Status != DeliveryFailed || s.Version != before+1 || NeedsReturnShipment(KindDelivery, recs) {
						t.Fatalf("attempt %d: went back too early: %+v %+v", i, s, recs)
					}
					continue
				}
				if len(recs) != 2 || s.Status != Returned || s.Version != before+2 || !s.LastEventAt.Equal(a.at) {
					t.Fatalf("attempt %d: did not go back: %+v %+v", i, s, recs)
				}
				want := Recorded{Type: Returned, At: a.at, Automatic: true, FailedAttempts: i + 1, ReasonCode: a.reason, ActionCode: ActionReturnToSender}
				if !reflect.DeepEqual(recs[1], want) {
					t.Fatalf("automatic return = %+v, want %+v", recs[1], want)
				}
				if !NeedsReturnShipment(KindDelivery, recs) {
					t.Fatal("NeedsReturnShipment = false after an automatic return")
				}
				// Nothing follows.
				for _, typ := range EventTypes {
					var oe *OrderError
					if _, _, err := Record(s, validInput(t, typ, a.at.Add(time.Hour)), a.at.Add(time.Hour), clock); !errors.As(err, &oe) || len(oe.Allowed) != 0 {
						t.Fatalf("%s after the return: %v", typ, err)
					}
				}
				if i != len(tt.attempts)-1 {
					t.Fatal("the test goes on after the return")
				}
			}
			if tt.returnsAt < 0 && s.Status == Returned {
				t.Fatal("went back")
			}
		})
	}
}

func TestWorkingDaysBetween(t *testing.T) {
	clock := clockOf(t)
	tests := []struct {
		from, to time.Time
		want     int
	}{
		{vn(2026, 3, 9, 9, 0), vn(2026, 3, 9, 17, 0), 0},
		{vn(2026, 3, 9, 9, 0), vn(2026, 3, 8, 9, 0), 0},
		{vn(2026, 3, 9, 23, 59), vn(2026, 3, 10, 0, 0), 1},
		{vn(2026, 3, 13, 9, 0), vn(2026, 3, 16, 9, 0), 1},
		{vn(2026, 3, 13, 9, 0), vn(2026, 3, 20, 9, 0), 5},
		{vn(2026, 8, 31, 9, 0), vn(2026, 9, 7, 9, 0), 3}, // 1, 4 and 7 September
		{vn(2026, 2, 13, 9, 0), vn(2026, 2, 24, 9, 0), 2},
		{vn(2026, 12, 31, 9, 0), vn(2027, 1, 4, 9, 0), 1}, // 1 January off, then the weekend
	}
	for _, tt := range tests {
		if got := WorkingDaysBetween(clock, tt.from, tt.to); got != tt.want {
			t.Errorf("WorkingDaysBetween(%v, %v) = %d, want %d", tt.from, tt.to, got, tt.want)
		}
	}
}

// TestExplicitReturn: a postal worker may send the item back after any failed attempt.
func TestExplicitReturn(t *testing.T) {
	clock := clockOf(t)
	at := vn(2026, 3, 9, 9, 0)
	s, _, err := Record(outForDelivery(at.Add(-time.Hour)), failed(at, ReasonRecipientAbsent, ActionLeaveNotice), at, clock)
	if err != nil {
		t.Fatal(err)
	}
	s, recs, err := Record(s, validInput(t, Returned, at.Add(time.Hour)), at.Add(time.Hour), clock)
	if err != nil {
		t.Fatal(err)
	}
	if s.Status != Returned || len(recs) != 1 || recs[0].Automatic || recs[0].FailedAttempts != 1 || !NeedsReturnShipment(KindDelivery, recs) {
		t.Fatalf("explicit return: %+v %+v", s, recs)
	}
}

func TestNeedsReturnShipment(t *testing.T) {
	failedOnly := []Recorded{{Type: DeliveryFailed}}
	auto := []Recorded{{Type: DeliveryFailed}, {Type: Returned, Automatic: true}}
	explicit := []Recorded{{Type: Returned}}
	tests := []struct {
		kind Kind
		recs []Recorded
		want bool
	}{
		{KindDelivery, auto, true},
		{KindDelivery, explicit, true},
		{KindDelivery, failedOnly, false},
		{KindDelivery, []Recorded{{Type: Delivered}}, false},
		{KindDelivery, nil, false},
		{KindReturn, explicit, false},
		{KindPickup, auto, false},
		{KindTransfer, explicit, false},
	}
	for _, tt := range tests {
		if got := NeedsReturnShipment(tt.kind, tt.recs); got != tt.want {
			t.Errorf("NeedsReturnShipment(%s, %+v) = %v", tt.kind, tt.recs, got)
		}
	}
}

// TestOnlyDeliveriesFail: a leg to an office is never failed nor returned.
func TestOnlyDeliveriesFail(t *testing.T) {
	clock := clockOf(t)
	at := vn(2026, 3, 9, 9, 0)
	for _, k := range []Kind{KindPickup, KindTransfer, KindReturn} {
		s := outForDelivery(at.Add(-time.Hour))
		s.Kind = k
		_, _, err := Record(s, failed(at, ReasonOfficeClosed, ActionRetry), at, clock)
		var oe *OrderError
		if !errors.As(err, &oe) || !slices.Equal(oe.Allowed, []Status{Delivered}) {
			t.Errorf("%s: delivery_failed: %v", k, err)
		}
	}
}
