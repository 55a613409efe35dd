package dossier

import (
	"errors"
	"time"

	"github.com/motcua/motcua/services/worktime"
)

// A citizen may pay a dossier's fee online, through a payment gateway, instead of at the
// desk: the fee paid rises as when the desk records a payment, and the step names the
// electronic receipt the product issued for it.

// ActPayOnline: the citizen paid a fee online and the gateway confirmed it. The citizen
// takes it, not staff: like the post's steps it is not among Actions, so no one takes it
// through the actions API. Its event is a payment recorded, as the desk's record-payment.
const ActPayOnline Action = "pay-online"

// ErrNothingDue: the dossier has no fee left to pay online (none was due, it is paid,
// or the dossier is finished).
var ErrNothingDue = errors.New("no fee is due on this dossier")

// FeeOutstanding is the fee still to pay: the fee due less what was paid, never below 0.
func (s *State) FeeOutstanding() int64 { return max(s.FeeDueVND-s.FeePaidVND, 0) }

// CheckPayOnline reports what the citizen may pay online now: the fee outstanding of a
// dossier not yet finished. It fails with ErrNothingDue otherwise; the desk still takes
// what is due when it hands the result over.
func (s *State) CheckPayOnline() (int64, error) {
	due := s.FeeOutstanding()
	if due == 0 || s.Status.Terminal() {
		return 0, ErrNothingDue
	}
	return due, nil
}

// PayOnline records amountVND paid online at at, for which the electronic receipt
// receipt was issued. It is recorded whatever the dossier's status: the gateway has
// taken the money, and only the desk can give it back. A dossier waiting for a payment
// goes back to processing, as with the desk's record-payment.
func PayOnline(s State, amountVND int64, receipt string, at time.Time, clock Clock) (State, Step, error) {
	if amountVND <= 0 || amountVND > MaxFeeVND {
		return s, Step{}, Invalid("amount_vnd", "out_of_range")
	}
	if receipt == "" {
		return s, Step{}, missing("receipt_number")
	}
	step := Step{Action: ActPayOnline, At: at, Actor: CitizenName, Office: s.CurrentOffice, FromOffice: s.CurrentOffice,
		AmountVND: amountVND, ReceiptNumber: receipt}
	if s.Received() {
		step.Timing = worktime.Judge(at, s.DueAt, clock.Location())
	}
	s.FeePaidVND += amountVND
	if s.Status == StatusPaymentRequested {
		s.Status = StatusProcessing
	}
	s.Version++
	return s, step, nil
}
