package dossier

import (
	"errors"
	"testing"
	"time"
)

// The fee a citizen may pay online is what is still due on an open dossier: the fee due
// less what was paid; nothing on a dossier with no fee, one paid in full, or one
// finished.
func TestCheckPayOnline(t *testing.T) {
	submitted := lcSubmitted(40)
	submitted.FeeDueVND = 100_000
	partly := submitted
	partly.FeePaidVND = 30_000
	paid := submitted
	paid.FeePaidVND = 100_000
	over := submitted
	over.FeePaidVND = 150_000
	free := lcSubmitted(40)
	refused := submitted
	refused.Status = StatusRefused
	requested, _ := lcStateIn(t, StatusPaymentRequested) // 75,000 asked, 100,000 paid at the desk
	requested.FeePaidVND = 0
	for _, tc := range []struct {
		name string
		s    State
		want int64
	}{
		{"the whole fee", submitted, 100_000},
		{"the rest", partly, 70_000},
		{"a fee asked during processing", requested, 75_000},
		{"paid in full", paid, 0},
		{"paid more", over, 0},
		{"no fee", free, 0},
		{"a finished dossier", refused, 0},
	} {
		due, err := tc.s.CheckPayOnline()
		if due != tc.want || (tc.want == 0) != errors.Is(err, ErrNothingDue) {
			t.Errorf("%s: %d, %v; want %d", tc.name, due, err, tc.want)
		}
	}
}

// A fee paid online raises the fee paid, logs a step of the citizen's naming the
// electronic receipt, and answers a request for payment as the desk's record does; it is
// recorded on a finished dossier too, since the money has been taken.
func TestPayOnline(t *testing.T) {
	clock := lcClock(t)
	s, at := lcStateIn(t, StatusProcessing)
	s.FeeDueVND, s.FeePaidVND = 100_000, 0
	now := at.Add(time.Hour)
	got, step, err := PayOnline(s, 100_000, "E2026-0000001", now, clock)
	if err != nil {
		t.Fatal(err)
	}
	if got.FeePaidVND != 100_000 || got.Status != StatusProcessing || got.Version != s.Version+1 || got.FeeOutstanding() != 0 {
		t.Errorf("paid: %+v", got)
	}
	if step.Action != ActPayOnline || step.Actor != CitizenName || step.Office != s.CurrentOffice || step.AmountVND != 100_000 ||
		step.ReceiptNumber != "E2026-0000001" || !step.At.Equal(now) || step.Timing != "early" {
		t.Errorf("step: %+v", step)
	}

	requested, at := lcStateIn(t, StatusPaymentRequested)
	back, _, err := PayOnline(requested, 75_000, "E2026-0000002", at.Add(time.Hour), clock)
	if err != nil || back.Status != StatusProcessing {
		t.Errorf("a requested payment paid online: %s, %v; want processing", back.Status, err)
	}

	withdrawn, at := lcStateIn(t, StatusWithdrawn)
	late, _, err := PayOnline(withdrawn, 100_000, "E2026-0000003", at.Add(time.Hour), clock)
	if err != nil || late.Status != StatusWithdrawn || late.FeePaidVND != withdrawn.FeePaidVND+100_000 {
		t.Errorf("paid after withdrawal: %s, %d, %v", late.Status, late.FeePaidVND, err)
	}

	submitted := lcSubmitted(40)
	submitted.FeeDueVND = 100_000
	early, step, err := PayOnline(submitted, 100_000, "E2026-0000004", at, clock)
	if err != nil || early.Status != StatusSubmitted || step.Timing != "" {
		t.Errorf("paid before the desk's check: %s, timing %q, %v", early.Status, step.Timing, err)
	}

	for _, bad := range []struct {
		amount  int64
		receipt string
		field   string
	}{{0, "E2026-0000005", "amount_vnd"}, {-1, "E2026-0000005", "amount_vnd"}, {100, "", "receipt_number"}} {
		var fe *FieldError
		if _, _, err := PayOnline(s, bad.amount, bad.receipt, now, clock); !errors.As(err, &fe) || fe.Field != bad.field {
			t.Errorf("PayOnline(%d, %q): %v, want a problem with %s", bad.amount, bad.receipt, err, bad.field)
		}
	}
}
