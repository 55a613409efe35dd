// Package payment holds the rules of a fee paid online through a payment gateway: a
// payment is asked for the fee a dossier still owes, and settled once by the gateway's
// signed notification, which must name its amount; a paid one gets an electronic
// receipt. No I/O.
package payment

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// Status is where a payment stands.
type Status string

// The statuses of a payment: asked for and sent to the gateway; then, once the gateway
// has told, paid or failed (declined, cancelled, expired), never changed again.
const (
	Pending Status = "pending"
	Paid    Status = "paid"
	Failed  Status = "failed"
)

// Payment is one attempt to pay a dossier's fee through a gateway.
type Payment struct {
	// ID names the payment at the gateway too (VNPay's vnp_TxnRef).
	ID        string
	DossierID uuid.UUID
	// Gateway names the gateway the payment went through ("vnpay").
	Gateway   string
	AmountVND int64
	CreatedAt time.Time
	Status    Status
	// What the gateway said once it settled the payment: its own transaction number,
	// the bank, its answer's code, and when the citizen paid by its clock.
	TransactionNo string
	BankCode      string
	ResponseCode  string
	PaidAt        time.Time
	// SettledAt is when the product heard the gateway settle the payment.
	SettledAt time.Time
	// ReceiptNumber is the electronic receipt issued for a paid payment.
	ReceiptNumber string
}

// New is a pending payment of amountVND for the dossier id, asked at at.
func New(dossierID uuid.UUID, gateway string, amountVND int64, at time.Time) Payment {
	return Payment{ID: NewID(), DossierID: dossierID, Gateway: gateway, AmountVND: amountVND, CreatedAt: at, Status: Pending}
}

// NewID is a payment's id: 32 random hexadecimal digits, within what gateways take as
// an order's reference (VNPay: letters and digits, at most 100) and unguessable, since
// the browser coming back from the gateway names it.
func NewID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Notice is what a gateway's signed notification says of a payment.
type Notice struct {
	PaymentID string
	AmountVND int64
	// Paid says the citizen paid; otherwise the payment failed (declined, cancelled).
	Paid          bool
	TransactionNo string
	BankCode      string
	ResponseCode  string
	PaidAt        time.Time
}

// Outcome is how a notice was taken.
type Outcome int

// The outcomes of Settle.
const (
	// Settled: the payment was pending and is now paid or failed as the notice says.
	Settled Outcome = iota
	// AlreadySettled: the payment was settled by an earlier notice; nothing changes.
	AlreadySettled
	// WrongAmount: the notice names another amount than the payment's; nothing changes.
	WrongAmount
)

// Settle takes notice n, heard at at, for the payment: a notice of another amount is
// refused, a payment already settled stays as it is (a gateway repeats its
// notifications until it is answered), and a pending one becomes paid or failed. A paid
// payment still needs its receipt number (Receipt).
func (p Payment) Settle(n Notice, at time.Time) (Payment, Outcome) {
	switch {
	case n.AmountVND != p.AmountVND:
		return p, WrongAmount
	case p.Status != Pending:
		return p, AlreadySettled
	}
	p.Status, p.SettledAt = Failed, at
	if n.Paid {
		p.Status = Paid
	}
	p.TransactionNo, p.BankCode, p.ResponseCode, p.PaidAt = n.TransactionNo, n.BankCode, n.ResponseCode, n.PaidAt
	return p, Settled
}

// ReceiptNumber is the number of the electronic receipt with sequence number n in
// year: "E", the year, and n in seven digits, as receipts are numbered
// ("E2026-0000042"). Numbers run on within a year without gaps.
func ReceiptNumber(year, n int) string { return fmt.Sprintf("E%04d-%07d", year, n) }
