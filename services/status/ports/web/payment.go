package web

// The fee paid online. The lookup's form goes to intake (PaymentPath), which sends the
// browser to the payment gateway; the gateway sends it back here with PaymentParam
// (paid or failed), and intake does when it takes no fee online (off) or finds nothing
// left to pay (none).
const (
	// PaymentPath takes the form that pays what a dossier still owes (POST: code, pin).
	PaymentPath = "/nop-truc-tuyen/thanh-toan"
	// PaymentParam tells the lookup how asking to pay went.
	PaymentParam = "payment"
)

// The values of PaymentParam.
const (
	paymentPaid   = "paid"
	paymentFailed = "failed"
	paymentOff    = "off"
	paymentNone   = "none"
)

// PaymentURL is where the payment form goes, in the page's language.
func (p *page) PaymentURL() string { return inLanguage(PaymentPath, p.Lang) }

// tellPayment puts on pg what PaymentParam brought back, with pin whether the
// dossier is shown (the gateway sends the browser back without the PIN, so the page
// then asks for it). An unknown word says nothing.
func (pg *page) tellPayment(word string, withPIN bool) {
	pg.Payment = word
	switch word {
	case paymentPaid:
		pg.Notice = pg.T("payment.paid")
		if !withPIN {
			pg.Notice += " " + pg.T("payment.pin")
		}
	case paymentFailed:
		pg.Error = pg.T("payment.failed")
	case paymentOff:
		pg.Notice = pg.Problem("", "online_payment_off")
	case paymentNone:
		pg.Notice = pg.Problem("", "no_fee_due")
	default:
		pg.Payment = ""
	}
}

// Payable reports whether the form to pay online is drawn: the dossier still owes
// some of its fee and is not finished, and the page is not back from a payment the
// gateway took (its receipt not yet recorded), nor told that fees are not taken online
// or that nothing is left to pay.
func (p *page) Payable() bool {
	switch p.Payment {
	case paymentPaid, paymentOff, paymentNone:
		return false
	}
	return p.View != nil && p.View.FeeOwedVND() > 0 && !p.View.Finished()
}
