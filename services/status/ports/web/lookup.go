package web

import (
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/textnorm"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/status/app/citizen"
)

// maxPINInput is the longest PIN kept from a form; a real one has 10 characters.
const maxPINInput = 64

// lookup answers GET / and GET /tra-cuu: the form, and the dossier once both its code
// and PIN are given.
func (p *Pages) lookup(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	code, pin := cleanCode(q.Get("code")), cleanPIN(q.Get("pin"))
	pg := newPage(language(r), r.URL.Path, url.Values{"code": {shown(code)}, "pin": {shown(pin)}})
	pg.Code = shown(code)
	_, asked := q["code"]
	if _, hasPIN := q["pin"]; !asked && !hasPIN {
		p.render(w, http.StatusOK, pg)
		return
	}
	pay := q.Get(PaymentParam)
	switch {
	case code != "" && pin == "" && pay != "":
		// Back from the gateway, which does not know the PIN: the page says how the
		// payment went and asks for it.
		pg.tellPayment(pay, false)
		p.render(w, http.StatusOK, pg)
		return
	case code == "":
		pg.Error, pg.ErrorField = pg.Problem("code", "required"), "code"
		p.render(w, http.StatusUnprocessableEntity, pg)
		return
	case pin == "":
		pg.Error, pg.ErrorField = pg.Problem("pin", "required"), "pin"
		p.render(w, http.StatusUnprocessableEntity, pg)
		return
	}
	t, ok := p.find(w, r, pg, code, pin)
	if !ok {
		return
	}
	if q.Get(SentParam) == "1" {
		// Whether the page has heard of it yet or not: the read side follows shortly.
		pg.SupplementSent, pg.Notice = true, pg.T("supplement.sent")
	}
	pg.tellPayment(pay, true)
	if pg.View.Returned() {
		rated, err := p.Citizen.Rated(r.Context(), t)
		if err != nil {
			p.fail(w, r, pg, err)
			return
		}
		if rated {
			pg.Rating.Done, pg.Rating.Message = true, pg.T("rate.given")
		}
	}
	p.show(w, r, http.StatusOK, pg)
}

// find looks the dossier up as the API does; when there is none it renders the page
// with the reason and reports false.
func (p *Pages) find(w http.ResponseWriter, r *http.Request, pg *page, code, pin string) (citizen.Tracked, bool) {
	t, now, err := p.Citizen.Find(r.Context(), httpapi.Client(r), code, pin)
	if err != nil {
		p.fail(w, r, pg, err)
		return t, false
	}
	v := p.Citizen.View(t, now, pg.Lang)
	pg.View, pg.PIN = &v, pin
	return t, true
}

// show renders the dossier found, with the rating form when it may be rated, the
// supplement form when it waits for one, and the payment form while it owes a fee.
func (p *Pages) show(w http.ResponseWriter, r *http.Request, status int, pg *page) {
	if pg.View.Returned() || pg.View.AwaitsSupplement() || pg.Payable() {
		pg.CSRF = csrf.Token(w, r)
	}
	p.render(w, status, pg)
}

// cleanCode is a dossier code as typed: NFC, trimmed, and cut to a length no code
// exceeds (a longer one is still no dossier's, and is not shown back in full). Text
// that is not UTF-8 or holds a NUL is left for the lookup to refuse, as the API does.
func cleanCode(s string) string {
	if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
		return s[:min(len(s), 4*(citizen.MaxCodeLength+1))]
	}
	return truncate(textnorm.Clean(s), citizen.MaxCodeLength+1)
}

// shown is typed text as it may be shown back.
func shown(s string) string { return strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", ""), "\uFFFD") }

// cleanPIN is a PIN as typed, cut to a length no PIN comes near.
func cleanPIN(s string) string {
	return truncate(strings.TrimSpace(strings.ToValidUTF8(s, "")), maxPINInput)
}

// truncate cuts s to at most n characters.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
