package payment

import (
	"regexp"
	"testing"
	"time"

	"github.com/google/uuid"
)

func TestSettle(t *testing.T) {
	asked := time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC)
	heard := asked.Add(2 * time.Minute)
	pending := New(uuid.New(), "vnpay", 100_000, asked)
	paid := Notice{PaymentID: pending.ID, AmountVND: 100_000, Paid: true, TransactionNo: "14012345", BankCode: "NCB",
		ResponseCode: "00", PaidAt: asked.Add(time.Minute)}
	declined := paid
	declined.Paid, declined.ResponseCode = false, "24"
	settledPaid, _ := pending.Settle(paid, heard)
	for _, tc := range []struct {
		name    string
		p       Payment
		n       Notice
		status  Status
		outcome Outcome
	}{
		{"paid", pending, paid, Paid, Settled},
		{"declined or cancelled", pending, declined, Failed, Settled},
		{"another amount", pending, Notice{AmountVND: 10_000, Paid: true}, Pending, WrongAmount},
		{"told again", settledPaid, paid, Paid, AlreadySettled},
		{"told otherwise after", settledPaid, declined, Paid, AlreadySettled},
		{"another amount after", settledPaid, Notice{AmountVND: 1, Paid: true}, Paid, WrongAmount},
	} {
		got, outcome := tc.p.Settle(tc.n, heard)
		if got.Status != tc.status || outcome != tc.outcome {
			t.Errorf("%s: %s, outcome %d; want %s, %d", tc.name, got.Status, outcome, tc.status, tc.outcome)
		}
		if outcome != Settled && got != tc.p {
			t.Errorf("%s: a refused notice changed the payment: %+v", tc.name, got)
		}
	}
	if settledPaid.TransactionNo != "14012345" || settledPaid.BankCode != "NCB" || !settledPaid.SettledAt.Equal(heard) ||
		!settledPaid.PaidAt.Equal(paid.PaidAt) || settledPaid.ResponseCode != "00" {
		t.Errorf("what the gateway said is not kept: %+v", settledPaid)
	}
}

func TestIDsAndReceipts(t *testing.T) {
	a, b := NewID(), NewID()
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(a) || a == b {
		t.Errorf("ids %q, %q", a, b)
	}
	for _, tc := range []struct {
		year, n int
		want    string
	}{{2026, 1, "E2026-0000001"}, {2026, 42, "E2026-0000042"}, {2027, 1234567, "E2027-1234567"}} {
		if got := ReceiptNumber(tc.year, tc.n); got != tc.want {
			t.Errorf("ReceiptNumber(%d, %d) = %q, want %q", tc.year, tc.n, got, tc.want)
		}
	}
}
