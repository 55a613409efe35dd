package dossier

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/services/worktime"
)

// The offices of the lifecycle tests: a district desk that receives dossiers, the
// department that decides them, a commune unit and an office that has nothing to do
// with the dossier.
const (
	lcDesk    = "000.00.16.H19"
	lcDept    = "000.00.17.H19"
	lcCommune = "000.00.31.H19"
	lcOther   = "000.00.99.H19"
)

var (
	lcDeskActor    = Actor{Username: "tiepnhan.desk", Offices: []string{lcDesk}}
	lcDeptActor    = Actor{Username: "chuyenvien.dept", Offices: []string{lcDept}}
	lcCommuneActor = Actor{Username: "canbo.commune", Offices: []string{lcCommune}}
	lcOutsider     = Actor{Username: "outsider", Offices: []string{lcOther}}
	// lcEveryone belongs to every office a dossier of these tests visits, so that office
	// rules never stand in the way of the status rules.
	lcEveryone = Actor{Username: "supervisor", Offices: []string{lcDesk, lcDept, lcCommune}}
)

var lcCalendar = sync.OnceValues(func() (*worktime.Calendar, error) {
	return worktime.DefaultCalendar(2025, 2026, 2027)
})

// lcClock returns the default calendar of 2025-2027, the Clock of these tests.
func lcClock(t testing.TB) *worktime.Calendar {
	t.Helper()
	c, err := lcCalendar()
	if err != nil {
		t.Fatalf("DefaultCalendar: %v", err)
	}
	return c
}

// vn is a wall-clock time in Asia/Ho_Chi_Minh.
func vn(y int, m time.Month, d, h, mi int) time.Time {
	return time.Date(y, m, d, h, mi, 0, 0, worktime.VietnamLocation())
}

// lcNew is a dossier just registered at the desk at receivedAt, to be decided by the
// department within limit working hours.
func lcNew(t testing.TB, receivedAt time.Time, limitHours int) State {
	t.Helper()
	due := lcClock(t).AddWorkingHours(receivedAt, limitHours)
	return State{
		Status:          StatusReceived,
		ReceivingOffice: lcDesk,
		HandlingOffice:  lcDept,
		CurrentOffice:   lcDesk,
		ReceivedAt:      receivedAt,
		DueAt:           due,
		OriginalDueAt:   due,
		ResultDelivery:  DeliverAtDesk,
		FeePaidVND:      100000,
		Version:         1,
	}
}

// lcSubmitted is a dossier submitted online with a time limit of limitHours, awaiting
// the desk's check: no receipt, no appointment.
func lcSubmitted(limitHours int) State {
	return State{Status: StatusSubmitted, ReceivingOffice: lcDesk, HandlingOffice: lcDept, CurrentOffice: lcDesk,
		TimeLimitHours: limitHours, ResultDelivery: DeliverAtDesk, Version: 1}
}

// lcApply normalizes and validates c, applies it and fails the test on any error.
func lcApply(t testing.TB, s State, a Action, c Command, actor Actor, now time.Time) (State, Step) {
	t.Helper()
	c.Normalize(a)
	if fe := c.Validate(a); fe != nil {
		t.Fatalf("%s: command %+v invalid: %v", a, c, fe)
	}
	next, step, err := Apply(s, a, c, actor, now, lcClock(t))
	if err != nil {
		t.Fatalf("%s from %s by %s at %s: %v", a, s.Status, actor.Username, now.Format(time.RFC3339), err)
	}
	return next, step
}

// lcCommand is a valid command for a in state s.
func lcCommand(a Action, s State) Command {
	switch a {
	case ActTransfer:
		to := lcCommune
		if s.CurrentOffice == lcCommune {
			to = lcDesk
		}
		return Command{ToOffice: to, Via: ByPost, Note: "Chuyển qua bưu điện"}
	case ActRequestSupplement:
		return Command{Items: []Document{{Name: "Bản sao sổ đỏ", Kind: CertifiedCopy, Copies: 1}},
			Reason: "Thiếu bản sao giấy chứng nhận quyền sử dụng đất"}
	case ActSupplement:
		return Command{Note: "Công dân đã bổ sung"}
	case ActExtend:
		due := s.DueAt.Add(48 * time.Hour)
		return Command{NewDueAt: &due, Reason: "Cần xác minh thực địa"}
	case ActComplete:
		return Command{Outcome: Approved}
	case ActRefuse, ActStop, ActWithdraw:
		return Command{Reason: "Lý do " + string(a)}
	case ActRequestPayment:
		return Command{AmountVND: 75000}
	case ActRecordPayment:
		return Command{AmountVND: 75000, ReceiptNumber: "BL-0001234"}
	}
	return Command{}
}

// lcReceivedAt is when the dossiers built by lcStateIn were received: Monday 2 March 2026
// 08:00, with a limit of five working days (due Monday 9 March 08:00).
var lcReceivedAt = vn(2026, time.March, 2, 8, 0)

// lcStateIn builds, by the actions staff would take, a dossier in status st: received
// at the desk, carried by post to the department, decided there and its result carried
// back to the desk. It returns the state and the time of its last action.
func lcStateIn(t testing.TB, st Status) (State, time.Time) {
	t.Helper()
	if st == StatusSubmitted {
		return lcSubmitted(40), lcReceivedAt
	}
	s := lcNew(t, lcReceivedAt, 40)
	at := lcReceivedAt
	do := func(a Action, c Command, actor Actor, when time.Time) {
		t.Helper()
		s, _ = lcApply(t, s, a, c, actor, when)
		at = when
	}
	if st == StatusReceived {
		return s, at
	}
	do(ActTransfer, Command{ToOffice: lcDept, Via: ByPost}, lcDeskActor, vn(2026, time.March, 2, 9, 0))
	if st == StatusInTransit {
		return s, at
	}
	do(ActAccept, Command{}, lcDeptActor, vn(2026, time.March, 2, 14, 0))
	switch st {
	case StatusProcessing:
		return s, at
	case StatusSupplementRequested, StatusPaymentRequested, StatusRefused, StatusStopped, StatusWithdrawn:
		a := map[Status]Action{StatusSupplementRequested: ActRequestSupplement, StatusPaymentRequested: ActRequestPayment,
			StatusRefused: ActRefuse, StatusStopped: ActStop, StatusWithdrawn: ActWithdraw}[st]
		do(a, lcCommand(a, s), lcDeptActor, vn(2026, time.March, 3, 9, 0))
		return s, at
	}
	do(ActComplete, Command{Outcome: Approved}, lcDeptActor, vn(2026, time.March, 4, 10, 0))
	if st == StatusProcessed {
		return s, at
	}
	do(ActTransfer, Command{ToOffice: lcDesk, Via: ByHand}, lcDeptActor, vn(2026, time.March, 4, 11, 0))
	if st == StatusResultInTransit {
		return s, at
	}
	do(ActAccept, Command{}, lcDeskActor, vn(2026, time.March, 4, 14, 0))
	do(ActReturn, Command{}, lcDeskActor, vn(2026, time.March, 5, 9, 0))
	if st != StatusReturned {
		t.Fatalf("lcStateIn: no path to %q", st)
	}
	return s, at
}

// wantNext is the one-stop rules written out once more, independently of the code:
// from each status, the actions permitted and the status each leads to.
var wantNext = map[Status]map[Action]Status{
	StatusSubmitted: {ActReceive: StatusReceived, ActRequestSupplement: StatusSupplementRequested,
		ActRefuse: StatusRefused, ActWithdraw: StatusWithdrawn},
	StatusReceived: {ActTransfer: StatusInTransit, ActAccept: StatusProcessing, ActRefuse: StatusRefused,
		ActWithdraw: StatusWithdrawn},
	StatusInTransit: {ActAccept: StatusProcessing, ActWithdraw: StatusWithdrawn},
	StatusProcessing: {ActTransfer: StatusInTransit, ActRequestSupplement: StatusSupplementRequested,
		ActRequestPayment: StatusPaymentRequested, ActExtend: StatusProcessing, ActComplete: StatusProcessed,
		ActRefuse: StatusRefused, ActStop: StatusStopped, ActWithdraw: StatusWithdrawn},
	StatusSupplementRequested: {ActSupplement: StatusProcessing, ActStop: StatusStopped, ActWithdraw: StatusWithdrawn},
	StatusPaymentRequested: {ActRecordPayment: StatusProcessing, ActExtend: StatusPaymentRequested,
		ActStop: StatusStopped, ActWithdraw: StatusWithdrawn},
	StatusProcessed:       {ActTransfer: StatusResultInTransit, ActReturn: StatusReturned},
	StatusResultInTransit: {ActAccept: StatusProcessed},
	StatusReturned:        {},
	StatusRefused:         {},
	StatusStopped:         {},
	StatusWithdrawn:       {},
}

// wantNational is the national status code of each status (domain §3).
var wantNational = map[Status]int{
	StatusSubmitted: 1,
	StatusReceived:  2, StatusInTransit: 4, StatusProcessing: 4, StatusSupplementRequested: 5,
	StatusPaymentRequested: 6, StatusProcessed: 9, StatusResultInTransit: 9, StatusReturned: 10,
	StatusRefused: 3, StatusStopped: 8, StatusWithdrawn: 7,
}

func TestStatusesTable(t *testing.T) {
	if len(Statuses) != len(wantNext) || len(Statuses) != len(wantNational) {
		t.Fatalf("%d statuses, the tests know %d", len(Statuses), len(wantNext))
	}
	for _, st := range Statuses {
		if !st.Valid() {
			t.Errorf("%s not valid", st)
		}
		if got := st.NationalCode(); got != wantNational[st] {
			t.Errorf("%s national code = %d, want %d", st, got, wantNational[st])
		}
		if st.Terminal() != (len(wantNext[st]) == 0) {
			t.Errorf("%s Terminal = %v, but %d actions follow it", st, st.Terminal(), len(wantNext[st]))
		}
		vi, en := st.Labels()
		if vi == "" || en == "" || vi == string(st) {
			t.Errorf("%s labels = %q, %q", st, vi, en)
		}
		got := Allowed(st)
		want := slices.Collect(func(yield func(Action) bool) {
			for _, a := range Actions {
				if _, ok := wantNext[st][a]; ok && !yield(a) {
					return
				}
			}
		})
		if !sameActions(got, want) {
			t.Errorf("Allowed(%s) = %v, want %v", st, got, want)
		}
	}
	if Status("archived").Valid() || Status("archived").NationalCode() != 0 {
		t.Error("an unknown status is valid or has a national code")
	}
	if got := Allowed(StatusProcessing); len(got) > 0 {
		got[0] = "scribble"
		if Allowed(StatusProcessing)[0] == "scribble" {
			t.Error("Allowed returns the rules' own slice")
		}
	}
	for _, a := range Actions {
		if p, ok := ParseAction(string(a)); !ok || p != a {
			t.Errorf("ParseAction(%q) = %q, %v", a, p, ok)
		}
	}
	if _, ok := ParseAction("delete"); ok {
		t.Error("ParseAction accepts an unknown action")
	}
}

// sameActions compares two lists of actions as sets.
func sameActions(a, b []Action) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// involved reports whether actor belongs to an office the dossier has to do with.
func involved(s State, actor Actor) bool {
	for _, o := range []string{s.CurrentOffice, s.PendingOffice, s.ReceivingOffice} {
		if o != "" && slices.Contains(actor.Offices, o) {
			return true
		}
	}
	return false
}

// TestEveryActionFromEveryStatus tries each action from each status. Permitted ones
// succeed (by someone of every office, so office rules do not interfere), lead to the
// expected status and national code, and add one to the version; the others fail with
// a *NotAllowedError listing what the actor may do, or an *OfficeError for someone the
// dossier has nothing to do with, and leave the state as it was.
func TestEveryActionFromEveryStatus(t *testing.T) {
	clock := lcClock(t)
	for _, st := range Statuses {
		for _, a := range Actions {
			t.Run(string(st)+"/"+string(a), func(t *testing.T) {
				s, last := lcStateIn(t, st)
				if s.Status != st {
					t.Fatalf("built %s, want %s", s.Status, st)
				}
				now := last.Add(time.Hour)
				c := lcCommand(a, s)
				c.Normalize(a)
				if fe := c.Validate(a); fe != nil {
					t.Fatalf("command invalid: %v", fe)
				}
				want, ok := wantNext[st][a]
				if ok {
					if got := s.AllowedFor(lcEveryone); !slices.Contains(got, a) {
						t.Fatalf("AllowedFor(everyone) = %v, lacks %s", got, a)
					}
					next, step, err := Apply(s, a, c, lcEveryone, now, clock)
					if err != nil {
						t.Fatalf("Apply: %v", err)
					}
					if next.Status != want {
						t.Errorf("status = %s, want %s", next.Status, want)
					}
					if got := next.Status.NationalCode(); got != wantNational[want] {
						t.Errorf("national code = %d, want %d", got, wantNational[want])
					}
					if next.Version != s.Version+1 {
						t.Errorf("version = %d, want %d", next.Version, s.Version+1)
					}
					if step.Action != a || !step.At.Equal(now) || step.Actor != lcEveryone.Username || step.Office == "" {
						t.Errorf("step = %+v", step)
					}
					if step.FromOffice != s.CurrentOffice {
						t.Errorf("step from %q, want %q", step.FromOffice, s.CurrentOffice)
					}
					return
				}
				before := s
				for _, actor := range []Actor{lcDeskActor, lcDeptActor, lcCommuneActor, lcOutsider, lcEveryone} {
					got, step, err := Apply(s, a, c, actor, now, clock)
					if !reflect.DeepEqual(got, before) || !reflect.DeepEqual(step, Step{}) {
						t.Errorf("%s: a refused action changed the state or logged a step", actor.Username)
					}
					if !involved(s, actor) {
						var oe *OfficeError
						if !errors.As(err, &oe) || oe.Office != s.CurrentOffice && oe.Office != s.PendingOffice {
							t.Errorf("%s (not involved): err = %v, want *OfficeError for an office of the dossier", actor.Username, err)
						}
						continue
					}
					var na *NotAllowedError
					if !errors.As(err, &na) {
						t.Errorf("%s: err = %#v, want *NotAllowedError", actor.Username, err)
						continue
					}
					if na.Action != a || na.Status != st {
						t.Errorf("%s: error about %s from %s", actor.Username, na.Action, na.Status)
					}
					allowedFor := s.AllowedFor(actor)
					if !slices.Equal(na.Allowed, allowedFor) {
						t.Errorf("%s: Allowed = %v, want AllowedFor = %v", actor.Username, na.Allowed, allowedFor)
					}
					msg := na.Error()
					if !strings.Contains(msg, string(a)) || !strings.Contains(msg, string(st)) {
						t.Errorf("%s: message %q does not name the action and the status", actor.Username, msg)
					}
					for _, p := range allowedFor {
						if !strings.Contains(msg, "Possible now:") || !strings.Contains(msg, string(p)) {
							t.Errorf("%s: message %q does not name %s", actor.Username, msg, p)
						}
					}
					if st.Terminal() && !strings.Contains(msg, "No action can follow") {
						t.Errorf("%s: message %q for a terminal status", actor.Username, msg)
					}
				}
			})
		}
	}
}

// TestNotAllowedMessageWhenOnlyAnotherOfficeCanAct: a desk officer who tries to act on a
// result that is ready at the department is told no action can follow "processed",
// which is false: the department can still transfer or return it.
func TestNotAllowedMessageWhenOnlyAnotherOfficeCanAct(t *testing.T) {
	for _, tc := range []struct {
		st    Status
		actor Actor
	}{{StatusProcessed, lcDeskActor}, {StatusResultInTransit, lcDeptActor}} {
		s, last := lcStateIn(t, tc.st)
		_, _, err := Apply(s, ActSupplement, Command{}, tc.actor, last.Add(time.Hour), lcClock(t))
		var na *NotAllowedError
		if !errors.As(err, &na) {
			t.Fatalf("%s by %s: err = %v", tc.st, tc.actor.Username, err)
		}
		if len(na.Allowed) != 0 {
			t.Fatalf("Allowed = %v, want none for this actor", na.Allowed)
		}
		if strings.Contains(na.Error(), "No action can follow this status") {
			t.Errorf("%s by %s: %q claims the status is final", tc.st, tc.actor.Username, na.Error())
		}
	}
}

// TestOfficeErrorNamesTheOfficeThatCanAct: someone of no office involved who tries to
// accept a dossier in transit is told that only the sending office can act, though only
// the office it is sent to can accept it (the check that catches an actor of an
// involved office names the right one).
func TestOfficeErrorNamesTheOfficeThatCanAct(t *testing.T) {
	for _, st := range []Status{StatusInTransit, StatusResultInTransit} {
		s, last := lcStateIn(t, st)
		for _, actor := range []Actor{lcOutsider, lcCommuneActor} {
			_, _, err := Apply(s, ActAccept, Command{}, actor, last.Add(time.Hour), lcClock(t))
			var oe *OfficeError
			if !errors.As(err, &oe) || oe.Office != s.PendingOffice {
				t.Errorf("%s, accept by %s: err = %v, want *OfficeError for %s", st, actor.Username, err, s.PendingOffice)
			}
		}
	}
}

func TestOutsiderGetsOfficeErrorForEveryAction(t *testing.T) {
	for _, st := range Statuses {
		s, last := lcStateIn(t, st)
		if got := s.AllowedFor(lcOutsider); len(got) != 0 {
			t.Errorf("%s: AllowedFor(outsider) = %v", st, got)
		}
		for _, a := range Actions {
			_, _, err := Apply(s, a, lcCommand(a, s), lcOutsider, last.Add(time.Hour), lcClock(t))
			var oe *OfficeError
			if !errors.As(err, &oe) {
				t.Errorf("%s/%s by an outsider: err = %v, want *OfficeError", st, a, err)
				continue
			}
			if oe.Office != s.CurrentOffice && oe.Office != s.PendingOffice || !strings.Contains(oe.Error(), oe.Office) {
				t.Errorf("%s/%s: OfficeError %q, want an office of the dossier", st, a, oe.Error())
			}
		}
	}
}

func TestAllowedForEachActor(t *testing.T) {
	processingAll := []Action{ActTransfer, ActRequestSupplement, ActRequestPayment, ActExtend, ActComplete,
		ActRefuse, ActStop, ActWithdraw}
	cases := []struct {
		st    Status
		actor Actor
		want  []Action
	}{
		{StatusReceived, lcDeskActor, []Action{ActTransfer, ActAccept, ActRefuse, ActWithdraw}},
		{StatusReceived, lcDeptActor, nil},
		{StatusInTransit, lcDeskActor, []Action{ActWithdraw}},
		{StatusInTransit, lcDeptActor, []Action{ActAccept}},
		{StatusInTransit, lcCommuneActor, nil},
		{StatusProcessing, lcDeptActor, processingAll},
		{StatusProcessing, lcDeskActor, []Action{ActWithdraw}},
		{StatusProcessing, lcCommuneActor, nil},
		{StatusSupplementRequested, lcDeptActor, []Action{ActSupplement, ActStop, ActWithdraw}},
		{StatusSupplementRequested, lcDeskActor, []Action{ActWithdraw}},
		{StatusPaymentRequested, lcDeptActor, []Action{ActRecordPayment, ActExtend, ActStop, ActWithdraw}},
		{StatusPaymentRequested, lcDeskActor, []Action{ActWithdraw}},
		{StatusProcessed, lcDeptActor, []Action{ActTransfer, ActReturn}},
		{StatusProcessed, lcDeskActor, nil},
		{StatusResultInTransit, lcDeskActor, []Action{ActAccept}},
		{StatusResultInTransit, lcDeptActor, nil},
		{StatusReturned, lcDeskActor, nil},
		{StatusReturned, lcEveryone, nil},
		{StatusRefused, lcDeptActor, nil},
		{StatusStopped, lcDeptActor, nil},
		{StatusWithdrawn, lcDeptActor, nil},
		{StatusWithdrawn, lcDeskActor, nil},
	}
	for _, tc := range cases {
		s, last := lcStateIn(t, tc.st)
		got := s.AllowedFor(tc.actor)
		if !sameActions(got, tc.want) {
			t.Errorf("%s, %s: AllowedFor = %v, want %v", tc.st, tc.actor.Username, got, tc.want)
		}
		// AllowedFor is exactly what Apply lets the actor do.
		for _, a := range Actions {
			_, _, err := Apply(s, a, lcCommand(a, s), tc.actor, last.Add(time.Hour), lcClock(t))
			if (err == nil) != slices.Contains(got, a) {
				t.Errorf("%s, %s, %s: Apply err = %v but AllowedFor = %v", tc.st, tc.actor.Username, a, err, got)
			}
		}
	}
}

func TestAcceptOnlyByThePendingOffice(t *testing.T) {
	s, last := lcStateIn(t, StatusInTransit)
	if s.CurrentOffice != lcDesk || s.PendingOffice != lcDept {
		t.Fatalf("in transit: current %q, pending %q", s.CurrentOffice, s.PendingOffice)
	}
	now := last.Add(30 * time.Minute)
	_, _, err := Apply(s, ActAccept, Command{}, lcDeskActor, now, lcClock(t))
	var oe *OfficeError
	if !errors.As(err, &oe) || oe.Office != lcDept {
		t.Fatalf("accept by the sending desk: err = %v, want *OfficeError for %s", err, lcDept)
	}
	next, step := lcApply(t, s, ActAccept, Command{}, lcDeptActor, now)
	if next.CurrentOffice != lcDept || next.PendingOffice != "" || next.Status != StatusProcessing {
		t.Errorf("after accept: %s at %q, pending %q", next.Status, next.CurrentOffice, next.PendingOffice)
	}
	if step.Office != lcDept || step.FromOffice != lcDesk || step.ToOffice != lcDept {
		t.Errorf("accept step: office %q from %q to %q", step.Office, step.FromOffice, step.ToOffice)
	}
}

func TestWithdrawAtTheReceivingDesk(t *testing.T) {
	for _, st := range []Status{StatusInTransit, StatusProcessing, StatusSupplementRequested, StatusPaymentRequested} {
		t.Run(string(st), func(t *testing.T) {
			s, last := lcStateIn(t, st)
			now := last.Add(time.Hour)
			next, step := lcApply(t, s, ActWithdraw, Command{Reason: "Công dân xin rút hồ sơ"}, lcDeskActor, now)
			if next.Status != StatusWithdrawn || next.PendingOffice != "" || next.PausedAt != nil {
				t.Errorf("after withdraw: %+v", next)
			}
			if step.Office != lcDesk || step.FromOffice != s.CurrentOffice || step.Reason != "Công dân xin rút hồ sơ" {
				t.Errorf("withdraw step: %+v", step)
			}
			if next.FinishedAt == nil || !next.FinishedAt.Equal(now) || next.Timing != "" || step.Timing != "" {
				t.Errorf("withdrawn: finished %v, timing %q, step timing %q", next.FinishedAt, next.Timing, step.Timing)
			}
			// The desk may withdraw, nothing else, while the dossier is elsewhere.
			if st != StatusInTransit {
				_, _, err := Apply(s, ActStop, Command{Reason: "x"}, lcDeskActor, now, lcClock(t))
				var oe *OfficeError
				if !errors.As(err, &oe) || oe.Office != lcDept {
					t.Errorf("stop by the desk: err = %v, want *OfficeError for %s", err, lcDept)
				}
			}
		})
	}
	// The holding office may withdraw too.
	s, last := lcStateIn(t, StatusProcessing)
	_, step := lcApply(t, s, ActWithdraw, Command{Reason: "rút"}, lcDeptActor, last.Add(time.Hour))
	if step.Office != lcDept {
		t.Errorf("withdraw by the department logged for %q", step.Office)
	}
	// A commune officer has nothing to do with the dossier.
	_, _, err := Apply(s, ActWithdraw, Command{Reason: "rút"}, lcCommuneActor, last.Add(time.Hour), lcClock(t))
	var oe *OfficeError
	if !errors.As(err, &oe) {
		t.Errorf("withdraw by an uninvolved commune: err = %v", err)
	}
}

func TestTransferToTheSameOffice(t *testing.T) {
	for _, st := range []Status{StatusReceived, StatusProcessing, StatusProcessed} {
		s, last := lcStateIn(t, st)
		c := Command{ToOffice: " " + s.CurrentOffice + " "}
		c.Normalize(ActTransfer)
		if fe := c.Validate(ActTransfer); fe != nil {
			t.Fatalf("%s: %v", st, fe)
		}
		got, step, err := Apply(s, ActTransfer, c, lcEveryone, last.Add(time.Hour), lcClock(t))
		if !errors.Is(err, ErrSameOffice) {
			t.Errorf("%s: transfer to %s: err = %v, want ErrSameOffice", st, s.CurrentOffice, err)
		}
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != "to_office" || fe.Code != "same_office" || message(fe) == "" {
			t.Errorf("%s: err = %#v", st, err)
		}
		if !reflect.DeepEqual(got, s) || !reflect.DeepEqual(step, Step{}) {
			t.Errorf("%s: a refused transfer changed the state", st)
		}
	}
}

func TestTransferThenAccept(t *testing.T) {
	s := lcNew(t, lcReceivedAt, 40)
	now := vn(2026, time.March, 2, 9, 0)
	s, step := lcApply(t, s, ActTransfer, Command{ToOffice: lcDept, Via: " POST "}, lcDeskActor, now)
	if s.Status != StatusInTransit || s.CurrentOffice != lcDesk || s.PendingOffice != lcDept {
		t.Fatalf("after transfer: %s at %q pending %q", s.Status, s.CurrentOffice, s.PendingOffice)
	}
	if step.Via != ByPost || step.FromOffice != lcDesk || step.ToOffice != lcDept || step.Office != lcDesk {
		t.Errorf("transfer step: %+v", step)
	}
	s, step = lcApply(t, s, ActAccept, Command{}, lcDeptActor, now.Add(3*time.Hour))
	if s.Status != StatusProcessing || s.CurrentOffice != lcDept || s.PendingOffice != "" {
		t.Fatalf("after accept: %s at %q pending %q", s.Status, s.CurrentOffice, s.PendingOffice)
	}
	if s.Version != 3 {
		t.Errorf("version = %d, want 3", s.Version)
	}
	// By hand is the default way.
	r := lcNew(t, lcReceivedAt, 40)
	_, step = lcApply(t, r, ActTransfer, Command{ToOffice: lcDept}, lcDeskActor, now)
	if step.Via != ByHand {
		t.Errorf("default via = %q, want hand", step.Via)
	}
}

func TestTransferOfAResult(t *testing.T) {
	s, last := lcStateIn(t, StatusProcessed)
	finished := *s.FinishedAt
	timing := s.Timing
	if s.CurrentOffice != lcDept || s.Outcome != Approved {
		t.Fatalf("processed at %q with outcome %q", s.CurrentOffice, s.Outcome)
	}
	s, _ = lcApply(t, s, ActTransfer, Command{ToOffice: lcDesk, Via: ByPost}, lcDeptActor, last.Add(time.Hour))
	if s.Status != StatusResultInTransit || s.PendingOffice != lcDesk || s.CurrentOffice != lcDept {
		t.Fatalf("after transfer of the result: %s at %q pending %q", s.Status, s.CurrentOffice, s.PendingOffice)
	}
	if s.Status.NationalCode() != 9 {
		t.Errorf("result in transit: national code %d, want 9", s.Status.NationalCode())
	}
	s, _ = lcApply(t, s, ActAccept, Command{}, lcDeskActor, last.Add(5*time.Hour))
	if s.Status != StatusProcessed || s.CurrentOffice != lcDesk || s.PendingOffice != "" || s.Outcome != Approved {
		t.Fatalf("after accept of the result: %s at %q pending %q outcome %q", s.Status, s.CurrentOffice, s.PendingOffice, s.Outcome)
	}
	if !s.FinishedAt.Equal(finished) || s.Timing != timing {
		t.Errorf("carrying the result changed the finish: %v %q, was %v %q", s.FinishedAt, s.Timing, finished, timing)
	}
	s, step := lcApply(t, s, ActReturn, Command{}, lcDeskActor, last.Add(24*time.Hour))
	if s.Status != StatusReturned || !s.FinishedAt.Equal(finished) || step.Timing != timing {
		t.Errorf("after return: %s finished %v, step timing %q", s.Status, s.FinishedAt, step.Timing)
	}
}

func TestStepsCarryTheCommand(t *testing.T) {
	s, last := lcStateIn(t, StatusProcessing)
	now := last.Add(time.Hour)
	c := lcCommand(ActRequestSupplement, s)
	next, step := lcApply(t, s, ActRequestSupplement, c, lcDeptActor, now)
	if len(step.Items) != 1 || step.Items[0].Name != "Bản sao sổ đỏ" || step.Reason == "" {
		t.Errorf("supplement request step: %+v", step)
	}
	if next.SupplementRequests != 1 || next.PausedAt == nil || !next.PausedAt.Equal(now) {
		t.Errorf("after request: %d requests, paused at %v", next.SupplementRequests, next.PausedAt)
	}
	next, step = lcApply(t, s, ActRequestPayment, Command{AmountVND: 75000}, lcDeptActor, now)
	if next.FeeDueVND != 75000 || step.AmountVND != 75000 {
		t.Errorf("payment request: due %d, step %d", next.FeeDueVND, step.AmountVND)
	}
	next, step = lcApply(t, next, ActRecordPayment, Command{AmountVND: 75000, ReceiptNumber: " BL-1 "}, lcDeptActor, now.Add(time.Hour))
	if next.Status != StatusProcessing || next.FeePaidVND != 100000+75000 || step.ReceiptNumber != "BL-1" || step.AmountVND != 75000 {
		t.Errorf("record payment: %s paid %d, step %+v", next.Status, next.FeePaidVND, step)
	}
	next, step = lcApply(t, s, ActComplete, Command{Outcome: " Rejected "}, lcDeptActor, now)
	if next.Outcome != Rejected || step.Outcome != Rejected || next.Status != StatusProcessed {
		t.Errorf("complete rejected: %s %q, step %q", next.Status, next.Outcome, step.Outcome)
	}
}
