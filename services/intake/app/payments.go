package app

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/domain/payment"
	"github.com/motcua/motcua/services/platform/lookuppin"
)

// PaymentGateway is a payment service through which citizens pay a dossier's fee online
// (the first adapter speaks VNPay's protocol). The product sends the citizen's browser
// to it with a signed order; it tells the product how the payment went by a signed
// notification, server to server, and sends the browser back with the same, signed.
type PaymentGateway interface {
	// Name names the gateway in the payments' records ("vnpay").
	Name() string
	// PayURL is the signed address to send the citizen's browser to, to pay order.
	PayURL(order PaymentOrder) (string, error)
	// Verify checks the gateway's signature on what it sent (a notification or the
	// browser coming back: the query of its request) and reads what it says. It fails
	// with ErrBadSignature when the gateway did not sign it as it stands.
	Verify(query url.Values) (payment.Notice, error)
}

// PaymentOrder is a payment as the gateway is asked to take it.
type PaymentOrder struct {
	PaymentID   string
	AmountVND   int64
	DossierCode string
	CreatedAt   time.Time
	// ReturnURL is where the gateway sends the citizen's browser back.
	ReturnURL string
	// ClientIP is the address of the citizen's browser, which gateways ask for.
	ClientIP string
	Lang     vocabulary.Lang
}

// ErrBadSignature is a message said to come from the payment gateway that it did not
// sign, or that was changed since: nothing it says is taken.
var ErrBadSignature = errors.New("not signed by the payment gateway")

// ErrPaymentsOff: no payment gateway is set up; the citizen pays at the desk.
var ErrPaymentsOff = errors.New("fees are not taken online")

// PaymentStore keeps the payments made through a gateway.
type PaymentStore interface {
	// CreatePayment keeps p, a payment just asked for.
	CreatePayment(ctx context.Context, p payment.Payment) error
	// PaymentOf returns the payment with id and the code of its dossier; ErrNotFound
	// when there is none.
	PaymentOf(ctx context.Context, id string) (p payment.Payment, dossierCode string, err error)
	// SettlePayment locks the payment with id, then its dossier, and calls decide with
	// both; it saves the payment and the dossier's change decide returns in one
	// transaction, or nothing when decide fails. It fails with ErrNotFound when there is
	// no such payment. Notifications of one payment thus take turns.
	SettlePayment(ctx context.Context, id string, decide func(Settling) (Settlement, error)) error
}

// Settling is what the settling of a payment decides on.
type Settling struct {
	Payment payment.Payment
	Dossier StoredDossier
	// NextReceipt takes the next number of the electronic receipts of year, in the
	// settling's transaction: a settling that fails gives it back, so numbers have
	// no gaps.
	NextReceipt func(year int) (int, error)
}

// Settlement is what a settling saves: the payment, and the dossier's change when the
// fee was paid.
type Settlement struct {
	Payment payment.Payment
	Change  *Change
}

// Payments are the use cases of fees paid online: the citizen asks to pay what a
// dossier still owes and is sent to the gateway; the gateway's signed notification
// records the fee once, with an electronic receipt; the browser coming back is sent to
// the lookup.
type Payments struct {
	// Gateway takes the payments; nil when none is set up: fees are paid at the desk.
	Gateway PaymentGateway
	Store   PaymentStore
	// Processor reads and changes the dossiers, tells the relay and the citizen.
	Processor *Processor
	// PINKey is the key the lookup PINs are hashed with.
	PINKey []byte
	// ReturnURL is where the gateway sends the citizen's browser back.
	ReturnURL string
}

// PaymentStarted is the answer to a citizen who asks to pay: the payment and the
// gateway's address to send the browser to.
type PaymentStarted struct {
	PaymentID   string `json:"payment_id"`
	RedirectURL string `json:"redirect_url"`
	AmountVND   int64  `json:"amount_vnd"`
}

// Start asks the gateway for a payment of the fee the dossier with code still owes,
// for the citizen proved by its PIN, whose browser is at clientIP. It fails with
// ErrWrongPIN for a code and PIN that do not match, ErrPaymentsOff when fees are not
// taken online, dossier.ErrNothingDue when nothing is to be paid.
func (p *Payments) Start(ctx context.Context, code, pin, clientIP string, lang vocabulary.Lang) (PaymentStarted, error) {
	rec, ok, err := p.Processor.Dossiers.Dossier(ctx, code)
	if err != nil {
		return PaymentStarted{}, err
	}
	if !ok || !lookuppin.Check(p.PINKey, rec.Code, pin, rec.PINHash) {
		return PaymentStarted{}, ErrWrongPIN
	}
	if p.Gateway == nil {
		return PaymentStarted{}, ErrPaymentsOff
	}
	due, err := rec.State.CheckPayOnline()
	if err != nil {
		return PaymentStarted{}, err
	}
	pay := payment.New(rec.ID, p.Gateway.Name(), due, p.Processor.Now())
	to, err := p.Gateway.PayURL(PaymentOrder{PaymentID: pay.ID, AmountVND: pay.AmountVND, DossierCode: rec.Code,
		CreatedAt: pay.CreatedAt, ReturnURL: p.ReturnURL, ClientIP: clientIP, Lang: lang})
	if err != nil {
		return PaymentStarted{}, fmt.Errorf("payment address: %w", err)
	}
	if err := p.Store.CreatePayment(ctx, pay); err != nil {
		return PaymentStarted{}, err
	}
	return PaymentStarted{PaymentID: pay.ID, RedirectURL: to, AmountVND: pay.AmountVND}, nil
}

// PaymentReturn is what the browser coming back from the gateway says: the dossier
// paid for, and whether the gateway said it was paid.
type PaymentReturn struct {
	DossierCode string
	Paid        bool
}

// Returned reads the browser coming back from the gateway with query. It records
// nothing: the gateway's notification does. It fails with ErrPaymentsOff, ErrBadSignature,
// or ErrNotFound for a payment the product never asked for.
func (p *Payments) Returned(ctx context.Context, query url.Values) (PaymentReturn, error) {
	if p.Gateway == nil {
		return PaymentReturn{}, ErrPaymentsOff
	}
	n, err := p.Gateway.Verify(query)
	if err != nil {
		return PaymentReturn{}, err
	}
	_, code, err := p.Store.PaymentOf(ctx, n.PaymentID)
	if err != nil {
		return PaymentReturn{}, err
	}
	return PaymentReturn{DossierCode: code, Paid: n.Paid}, nil
}
