package rest

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/httpapi"
)

// VNPayReturnPath is where VNPay sends the citizen's browser back after paying
// (vnp_ReturnUrl, under MOTCUA_PUBLIC_URL); VNPay's notifications (IPN) come to
// vnpayIPNPath, the address registered with VNPay for the merchant's terminal.
const (
	VNPayReturnPath = "/api/v1/payments/vnpay/return"
	vnpayIPNPath    = "/api/v1/payments/vnpay/ipn"
)

// startPayment answers POST /public/dossiers/{code}/payments?pin=: the citizen asks to
// pay the fee the dossier still owes online, and is given the gateway's address to go
// to (201). A code and PIN that do not match are 404, as at the lookup, and count
// against the client; nothing to pay, or no gateway set up, is 409 (the citizen pays at
// the desk).
func (a *API) startPayment(w http.ResponseWriter, r *http.Request) {
	now, client, code := time.Now(), httpapi.Client(r), strings.TrimSpace(chi.URLParam(r, "code"))
	if blocked, wait := a.WrongPINs.Blocked(client, now); blocked {
		a.fail(w, r, httpapi.TooMany("too_many_lookups", httpapi.RetryAfter(wait)))
		return
	}
	err := app.ErrWrongPIN
	var started app.PaymentStarted
	if dossier.ValidCode(code) {
		started, err = a.Payments.Start(r.Context(), code, r.URL.Query().Get("pin"), clientIP(client), httpapi.Language(r))
	}
	switch {
	case errors.Is(err, app.ErrWrongPIN):
		a.WrongPINs.Fail(client, now)
		a.fail(w, r, httpapi.Problem(http.StatusNotFound, "", "wrong_code_or_pin"))
	case errors.Is(err, app.ErrPaymentsOff):
		a.fail(w, r, httpapi.Problem(http.StatusConflict, "", "online_payment_off"))
	case errors.Is(err, dossier.ErrNothingDue):
		a.fail(w, r, httpapi.Problem(http.StatusConflict, "", "no_fee_due"))
	case err != nil:
		a.fail(w, r, err)
	default:
		w.Header().Set("Cache-Control", "no-store")
		httpapi.WriteJSON(w, http.StatusCreated, started)
	}
}

// clientIP is the address of the client counted as client (httpapi.Client): for IPv6,
// its /64 network's first address.
func clientIP(client string) string {
	ip, _, _ := strings.Cut(client, "/")
	return ip
}

// vnpayAnswer is the merchant's answer to a VNPay notification, as VNPay's protocol
// words it: the gateway stops notifying on 00 and 02 and tries again on the others.
type vnpayAnswer struct {
	RspCode string `json:"RspCode"`
	Message string `json:"Message"`
}

var vnpayAnswers = map[app.NoticeOutcome]vnpayAnswer{
	app.NoticeTaken:          {"00", "Confirm Success"},
	app.NoticeAlreadyTaken:   {"02", "Order already confirmed"},
	app.NoticeUnknownPayment: {"01", "Order not found"},
	app.NoticeWrongAmount:    {"04", "Invalid amount"},
	app.NoticeBadSignature:   {"97", "Invalid signature"},
}

// vnpayIPN answers GET /payments/vnpay/ipn?…: VNPay's signed notification of a payment,
// server to server. Only a notification VNPay signed does anything: a pending payment of
// the amount it names is settled once, and a paid one records the fee with an
// electronic receipt. The answer is always 200 with VNPay's {"RspCode","Message"}.
func (a *API) vnpayIPN(w http.ResponseWriter, r *http.Request) {
	outcome, err := a.Payments.Notify(r.Context(), r.URL.Query())
	answer, ok := vnpayAnswers[outcome]
	if err != nil || !ok {
		a.Log.ErrorContext(r.Context(), "a payment notification could not be recorded", "err", err)
		answer = vnpayAnswer{"99", "Unknown error"}
	}
	if outcome != app.NoticeTaken && outcome != app.NoticeAlreadyTaken {
		a.Log.WarnContext(r.Context(), "a payment notification was refused", "answer", answer.RspCode,
			"payment", r.URL.Query().Get("vnp_TxnRef"))
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteJSON(w, http.StatusOK, answer)
}

// vnpayReturn answers GET /payments/vnpay/return?…: the citizen's browser back from
// VNPay. A result VNPay signed sends it to the dossier's lookup page (303) with a word on
// how the payment went (payment=paid or failed); the lookup asks for the PIN and shows
// the receipt once the notification recorded it. It records nothing itself. A result
// VNPay did not sign is 400, one of a payment never asked for 404.
func (a *API) vnpayReturn(w http.ResponseWriter, r *http.Request) {
	ret, err := a.Payments.Returned(r.Context(), r.URL.Query())
	switch {
	case errors.Is(err, app.ErrBadSignature):
		a.fail(w, r, httpapi.Problem(http.StatusBadRequest, "", "bad_payment_signature"))
		return
	case errors.Is(err, app.ErrPaymentsOff):
		a.fail(w, r, httpapi.Problem(http.StatusConflict, "", "online_payment_off"))
		return
	case errors.Is(err, app.ErrNotFound):
		a.fail(w, r, httpapi.Problem(http.StatusNotFound, "", "payment_not_found"))
		return
	case err != nil:
		a.fail(w, r, err)
		return
	}
	word := "failed"
	if ret.Paid {
		word = "paid"
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, "/tra-cuu?"+url.Values{"code": {ret.DossierCode}, "payment": {word}}.Encode(), http.StatusSeeOther)
}
