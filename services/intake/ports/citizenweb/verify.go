package citizenweb

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/contact"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// verifyForm is the form that sends a code to an address, or the form that takes it.
type verifyForm struct {
	// Address is what was typed: an e-mail address or a phone number.
	Address string
	// ID is the verification the code was sent for.
	ID string
}

// The verification forms' inputs.
const (
	inContact   = "contact"
	inCode      = "code"
	inProcedure = "thu-tuc"
	inID        = "id"
)

// maxSmallForm bounds the body of a form without files.
const maxSmallForm = 8 << 10

// readSmallForm reads a form without files, bounded; false when it could not be read
// or its CSRF token is wrong, pg then rendered with why.
func (p *Pages) readSmallForm(w http.ResponseWriter, r *http.Request, pg *page) bool {
	r.Body = http.MaxBytesReader(w, r.Body, maxSmallForm)
	if err := r.ParseForm(); err != nil {
		pg.Name, pg.Error = "message", pg.T("bad.form")
		p.render(w, http.StatusBadRequest, pg)
		return false
	}
	if !csrf.Valid(r) {
		pg.Name, pg.Error = "message", pg.T("csrf")
		p.render(w, http.StatusForbidden, pg)
		return false
	}
	return true
}

// startVerification answers POST /nop-truc-tuyen/xac-minh (contact, thu-tuc): a code is
// sent to the e-mail address or phone number typed, and the form for it opens; what is
// wrong with the address is told beside it, on the procedure's page.
func (p *Pages) startVerification(w http.ResponseWriter, r *http.Request) {
	pg := newPage(w, r, "procedure")
	pg.Switch = switchTo(FindPath, pg.Lang)
	if !p.readSmallForm(w, r, pg) {
		return
	}
	proc, ok, err := p.findProcedure(r.Context(), r.PostFormValue(inProcedure))
	if err != nil || !ok {
		p.noProcedure(w, r, pg, err)
		return
	}
	pg.Procedure, pg.Form = &proc, newApplyForm(proc)
	pg.Switch = switchTo(procedureURL(proc.Code), pg.Lang)
	typed := strings.TrimSpace(r.PostFormValue(inContact))
	pg.Verify.Address = clip(typed, 254)
	again := func(status int, problem string) {
		pg.Errors[inContact] = problem
		p.render(w, status, pg)
	}
	address, ok := parseAddress(typed)
	switch {
	case typed == "":
		again(http.StatusUnprocessableEntity, pg.T("contact.required"))
		return
	case !ok:
		again(http.StatusUnprocessableEntity, pg.T("contact.invalid"))
		return
	}
	now, client := time.Now(), httpapi.Client(r)
	if blocked, wait := p.CodesAsked.Blocked(client, now); blocked {
		w.Header().Set("Retry-After", strconv.Itoa(httpapi.RetryAfter(wait)))
		again(http.StatusTooManyRequests, pg.Problem("", "too_many_verifications"))
		return
	}
	p.CodesAsked.Fail(client, now) // every code asked for counts, as at the API
	started, err := p.Verifications.Start(r.Context(), address, pg.Lang)
	var many *app.TooManyCodesError
	switch {
	case errors.As(err, &many):
		w.Header().Set("Retry-After", strconv.Itoa(httpapi.RetryAfter(many.Wait)))
		again(http.StatusTooManyRequests, pg.Problem("", "too_many_codes"))
		return
	case errors.Is(err, app.ErrChannelOff):
		again(http.StatusUnprocessableEntity, pg.Problem(string(address.Channel), "channel_off"))
		return
	case errors.Is(err, app.ErrNotSent):
		p.Log.WarnContext(r.Context(), "verification code not sent", "channel", address.Channel, "err", err.Error())
		w.Header().Set("Retry-After", "30")
		again(http.StatusServiceUnavailable, pg.Problem("", "code_not_sent"))
		return
	case err != nil:
		p.fail(w, r, pg, err)
		return
	}
	q := url.Values{inID: {started.ID.String()}, inProcedure: {proc.Code}}
	http.Redirect(w, r, VerifyPath+"?"+q.Encode(), http.StatusSeeOther)
}

// parseAddress reads what a citizen typed as an e-mail address (it has an @) or else a
// phone number.
func parseAddress(typed string) (contact.Address, bool) {
	if strings.Contains(typed, "@") {
		return contact.ParseEmail(typed)
	}
	return contact.ParsePhone(typed)
}

// codeForm answers GET /nop-truc-tuyen/xac-minh?id=&thu-tuc=: the form for the code
// just sent. Whether the verification is there is told when the code comes.
func (p *Pages) codeForm(w http.ResponseWriter, r *http.Request) {
	pg := newPage(w, r, "code")
	q := r.URL.Query()
	proc, ok, err := p.findProcedure(r.Context(), q.Get(inProcedure))
	if err != nil || !ok {
		p.noProcedure(w, r, pg, err)
		return
	}
	pg.Procedure = &proc
	if id, err := uuid.Parse(q.Get(inID)); err == nil {
		pg.Verify.ID = id.String()
	}
	p.render(w, http.StatusOK, pg)
}

// confirm answers POST /nop-truc-tuyen/xac-minh/ma (id, code, thu-tuc): the right code
// keeps the proof of the address in the browser, and the procedure's application
// opens; a wrong one is told beside the code, a used or expired one on its own.
func (p *Pages) confirm(w http.ResponseWriter, r *http.Request) {
	pg := newPage(w, r, "code")
	pg.Switch = switchTo(FindPath, pg.Lang)
	if !p.readSmallForm(w, r, pg) {
		return
	}
	proc, ok, err := p.findProcedure(r.Context(), r.PostFormValue(inProcedure))
	if err != nil || !ok {
		p.noProcedure(w, r, pg, err)
		return
	}
	pg.Procedure = &proc
	pg.Switch = switchTo(VerifyPath+"?"+url.Values{inID: {r.PostFormValue(inID)}, inProcedure: {proc.Code}}.Encode(), pg.Lang)
	code := strings.TrimSpace(r.PostFormValue(inCode))
	now, client := time.Now(), httpapi.Client(r)
	if blocked, wait := p.WrongCodes.Blocked(client, now); blocked {
		w.Header().Set("Retry-After", strconv.Itoa(httpapi.RetryAfter(wait)))
		pg.Error = pg.Problem("", "too_many_wrong_codes")
		p.render(w, http.StatusTooManyRequests, pg)
		return
	}
	id, err := uuid.Parse(r.PostFormValue(inID))
	if err != nil {
		p.verificationGone(w, pg, http.StatusNotFound, "verification_not_found")
		return
	}
	pg.Verify.ID = id.String()
	if code == "" {
		pg.Errors[inCode] = pg.Problem(inCode, "otp_required")
		p.render(w, http.StatusUnprocessableEntity, pg)
		return
	}
	tok, err := p.Verifications.Confirm(r.Context(), id, clip(code, 16))
	switch {
	case errors.Is(err, app.ErrWrongCode):
		p.WrongCodes.Fail(client, now)
		pg.Errors[inCode] = pg.Problem(inCode, "wrong_code")
		p.render(w, http.StatusUnprocessableEntity, pg)
		return
	case errors.Is(err, app.ErrVerificationGone):
		p.WrongCodes.Fail(client, now)
		p.verificationGone(w, pg, http.StatusGone, "verification_gone")
		return
	case errors.Is(err, app.ErrNoVerification):
		p.WrongCodes.Fail(client, now)
		p.verificationGone(w, pg, http.StatusNotFound, "verification_not_found")
		return
	case err != nil:
		p.fail(w, r, pg, err)
		return
	}
	keepContact(w, r, tok.Token, tok.ExpiresIn)
	http.Redirect(w, r, procedureURL(proc.Code)+"#nop-ho-so", http.StatusSeeOther)
}

// verificationGone renders the code's page for a verification that cannot take a code
// any more (or never could): problem says why, and the page leads to a new code.
func (p *Pages) verificationGone(w http.ResponseWriter, pg *page, status int, problem string) {
	pg.Verify.ID, pg.Error = "", pg.Problem("", problem)
	p.render(w, status, pg)
}

// forget answers POST /nop-truc-tuyen/xac-minh/xoa (thu-tuc): the browser forgets the
// address proved, as on a shared phone once done; the procedure's page opens again.
func (p *Pages) forget(w http.ResponseWriter, r *http.Request) {
	pg := newPage(w, r, "message")
	if !p.readSmallForm(w, r, pg) {
		return
	}
	forgetContact(w, r)
	to := FindPath
	if proc, ok, err := p.findProcedure(r.Context(), r.PostFormValue(inProcedure)); err == nil && ok {
		to = procedureURL(proc.Code)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// switchTo is the address of the page at path in the other language than lang.
func switchTo(path string, lang htmlpage.Lang) string {
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + "lang=" + string(lang.Other())
}

// clip cuts s to at most n characters.
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}
