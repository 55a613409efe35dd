package app

import (
	"context"
	"errors"
	"fmt"
	"net/url"

	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/intake/domain/payment"
	"github.com/motcua/motcua/services/intake/events"
	"github.com/motcua/motcua/services/platform/outbox"
)

// NoticeOutcome is how the gateway's notification of a payment was taken, which the
// gateway is answered.
type NoticeOutcome int

// The outcomes of Notify.
const (
	// NoticeTaken: the payment was pending and is now paid (the fee recorded, the
	// receipt issued) or failed.
	NoticeTaken NoticeOutcome = iota
	// NoticeAlreadyTaken: an earlier notification settled the payment; nothing changes.
	NoticeAlreadyTaken
	// NoticeUnknownPayment: the product never asked for such a payment.
	NoticeUnknownPayment
	// NoticeWrongAmount: the notification names another amount than the payment's.
	NoticeWrongAmount
	// NoticeBadSignature: the gateway did not sign the notification as it stands (or no
	// gateway is set up to check it).
	NoticeBadSignature
)

// The notices a settling refuses, to be told to the gateway; nothing is saved.
var (
	errSettledAlready = errors.New("the payment is settled already")
	errWrongAmount    = errors.New("the notice names another amount")
)

// Notify takes the gateway's signed notification of a payment, as the query of its
// request. A notification the gateway did not sign changes nothing, nor one of another
// amount. A pending payment is settled once, whoever tells it at the same moment: paid,
// it records the fee on the dossier (the fee paid rises, a payment_recorded event goes
// out) with a new electronic receipt, and the citizen who submitted online is sent the
// receipt; declined or cancelled, it is failed. A payment settled before is not
// settled again. An error is a failure to record (the gateway is to try again).
func (p *Payments) Notify(ctx context.Context, query url.Values) (NoticeOutcome, error) {
	if p.Gateway == nil {
		return NoticeBadSignature, nil
	}
	n, err := p.Gateway.Verify(query)
	if errors.Is(err, ErrBadSignature) {
		return NoticeBadSignature, nil
	}
	if err != nil {
		return 0, err
	}
	pr := p.Processor
	cal := pr.Calendar.Calendar()
	name := pr.Catalog.officeNamer(ctx)
	var paid *payment.Payment
	err = p.Store.SettlePayment(ctx, n.PaymentID, func(s Settling) (Settlement, error) {
		now := pr.Now()
		next, outcome := s.Payment.Settle(n, now)
		switch outcome {
		case payment.WrongAmount:
			return Settlement{}, errWrongAmount
		case payment.AlreadySettled:
			return Settlement{}, errSettledAlready
		}
		if next.Status != payment.Paid {
			return Settlement{Payment: next}, nil
		}
		year := now.In(cal.Location()).Year()
		seq, err := s.NextReceipt(year)
		if err != nil {
			return Settlement{}, err
		}
		next.ReceiptNumber = payment.ReceiptNumber(year, seq)
		st, step, err := dossier.PayOnline(s.Dossier.State, next.AmountVND, next.ReceiptNumber, now, cal)
		if err != nil {
			return Settlement{}, err
		}
		msg, err := events.Action(events.Acted{DossierID: s.Dossier.ID, State: st, Step: step, OfficeName: name,
			ProcessingTime: st.ProcessingTime(cal)})
		if err != nil {
			return Settlement{}, err
		}
		paid = &next
		return Settlement{Payment: next, Change: &Change{State: st, Step: step, Events: []outbox.Message{msg}}}, nil
	})
	switch {
	case errors.Is(err, ErrNotFound):
		return NoticeUnknownPayment, nil
	case errors.Is(err, errWrongAmount):
		return NoticeWrongAmount, nil
	case errors.Is(err, errSettledAlready):
		return NoticeAlreadyTaken, nil
	case err != nil:
		return 0, fmt.Errorf("settle payment: %w", err)
	}
	if paid != nil {
		pr.Relay.Notify()
	}
	return NoticeTaken, nil
}
