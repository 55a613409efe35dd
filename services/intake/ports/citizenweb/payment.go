package citizenweb

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/textnorm"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// PaymentParam tells status's lookup page how asking to pay went, when it opens again
// without going to the gateway: off (fees are not taken online, the citizen pays at the
// desk) or none (nothing is left to pay). The gateway's return brings paid or failed.
const PaymentParam = "payment"

// pay answers POST /nop-truc-tuyen/thanh-toan (code, pin), the form of status's lookup
// page while a dossier owes some of its fee: the payment goes to the use case the API
// calls (wrong codes and PINs limited per client as at the lookup) and the browser to
// the payment gateway (303). Fees not taken online, or nothing left to pay, open the
// lookup again saying so; a wrong code or PIN is told on a page of its own that leads
// back to the lookup.
func (p *Pages) pay(w http.ResponseWriter, r *http.Request) {
	pg := newPage(w, r, "payment")
	if !p.readSmallForm(w, r, pg) {
		return
	}
	now, client := time.Now(), httpapi.Client(r)
	code, pin := clip(textnorm.Clean(r.PostFormValue(inDossier)), maxCodeInput), clip(strings.TrimSpace(r.PostFormValue(inPIN)), maxPINInput)
	pg.PaymentFor = code
	pg.Switch = switchTo(LookupPath+"?"+url.Values{"code": {code}}.Encode(), pg.Lang)
	if blocked, wait := p.WrongPINs.Blocked(client, now); blocked {
		w.Header().Set("Retry-After", strconv.Itoa(httpapi.RetryAfter(wait)))
		pg.Error = pg.Problem("", "too_many_lookups")
		p.render(w, http.StatusTooManyRequests, pg)
		return
	}
	err := app.ErrWrongPIN
	var started app.PaymentStarted
	if dossier.ValidCode(code) {
		// The gateway asks for the browser's address: the client's, its /64 for IPv6.
		ip, _, _ := strings.Cut(client, "/")
		started, err = p.Payments.Start(r.Context(), code, pin, ip, pg.Lang)
	}
	switch {
	case err == nil:
		w.Header().Set("Cache-Control", "no-store")
		http.Redirect(w, r, started.RedirectURL, http.StatusSeeOther)
	case errors.Is(err, app.ErrWrongPIN):
		p.WrongPINs.Fail(client, now)
		pg.Error = pg.Problem("", "wrong_code_or_pin")
		p.render(w, http.StatusNotFound, pg)
	case errors.Is(err, app.ErrPaymentsOff):
		p.backToLookup(w, r, pg, code, pin, "off")
	case errors.Is(err, dossier.ErrNothingDue):
		p.backToLookup(w, r, pg, code, pin, "none")
	default:
		p.fail(w, r, pg, err)
	}
}

// backToLookup opens status's lookup of the dossier again (303), with word as
// PaymentParam for the page to say.
func (p *Pages) backToLookup(w http.ResponseWriter, r *http.Request, pg *page, code, pin, word string) {
	q := url.Values{"code": {code}, "pin": {pin}, PaymentParam: {word}}
	if pg.English() {
		q.Set("lang", string(htmlpage.English))
	}
	http.Redirect(w, r, LookupPath+"?"+q.Encode(), http.StatusSeeOther)
}
