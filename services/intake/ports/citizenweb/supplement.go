package citizenweb

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/textnorm"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// supplementForm is the supplement as sent from the lookup page: the dossier's code and
// PIN (hidden fields there), the note, and the form's idempotency key. Closed is set
// when the form is not to be drawn again (no dossier with that code and PIN, none
// waiting for a supplement, too many wrong PINs): the page then only leads back.
type supplementForm struct {
	Code, PIN, Note, Idem string
	Closed                bool
}

// The supplement form's inputs; status's lookup page draws the form with them.
const (
	inDossier = "code"
	inPIN     = "pin"
	inNote    = "note"
	inFiles   = "files"
)

// SentParam marks status's lookup address after a supplement was taken, so that the
// page says so (status names it too).
const SentParam = "bo-sung"

// Lengths kept of what a supplement form sends back into the page.
const (
	maxCodeInput = 40
	maxPINInput  = 64
)

// supplement answers POST /nop-truc-tuyen/bo-sung (multipart: code, pin, note, files),
// the form of status's lookup page for a dossier that waits for a supplement: the
// supplement goes to the use case the API calls (wrong codes and PINs limited per client
// as at the lookup), and the lookup opens again saying it was sent; what is wrong is
// told beside its input, on a page of its own with the form again (a new key when it
// came without one).
func (p *Pages) supplement(w http.ResponseWriter, r *http.Request) {
	pg := newPage(w, r, "supplement")
	now, client := time.Now(), httpapi.Client(r)
	sent, err := p.readForm(w, r, func(name string) bool { return name == inFiles }, inFiles)
	defer sent.remove()
	f := supplementForm{Code: clip(textnorm.Clean(sent.get(inDossier)), maxCodeInput), PIN: clip(sent.get(inPIN), maxPINInput),
		Note: sent.values[inNote], Idem: sent.get(inIdem)}
	key := f.Idem
	if !htmlpage.ValidFormKey(key) {
		key, f.Idem = "", htmlpage.FormKey()
	}
	pg.Supplement = f
	pg.Switch = switchTo(LookupPath+"?"+url.Values{"code": {f.Code}}.Encode(), pg.Lang)
	if err != nil {
		p.formRefused(w, r, pg, err)
		return
	}
	if blocked, wait := p.WrongPINs.Blocked(client, now); blocked {
		w.Header().Set("Retry-After", strconv.Itoa(httpapi.RetryAfter(wait)))
		pg.Error, pg.Supplement.Closed = pg.Problem("", "too_many_lookups"), true
		p.render(w, http.StatusTooManyRequests, pg)
		return
	}
	for _, name := range sent.tooLarge {
		pg.Errors[inFiles] = pg.Problem("files", "file_too_large", name, attachmentMB)
	}
	if len(pg.Errors) > 0 {
		pg.Error = pg.T("form.fix")
		p.render(w, http.StatusUnprocessableEntity, pg)
		return
	}
	idem := app.Idempotency{}
	if key != "" {
		hashed := [][]byte{[]byte(f.PIN), []byte(f.Note)}
		for _, u := range sent.files {
			hashed = append(hashed, []byte(u.Part), u.SHA256)
		}
		idem = app.Idempotency{Key: "web:" + key, RequestHash: httpapi.RequestHash(hashed...)}
	}
	_, _, err = p.Online.Supplement(r.Context(), f.Code, f.PIN, f.Note, sent.files, idem)
	var fe *dossier.FieldError
	var na *dossier.NotAllowedError
	switch {
	case err == nil:
		q := url.Values{"code": {f.Code}, "pin": {f.PIN}, SentParam: {"1"}}
		if pg.English() {
			q.Set("lang", string(htmlpage.English))
		}
		http.Redirect(w, r, LookupPath+"?"+q.Encode(), http.StatusSeeOther)
	case errors.Is(err, app.ErrWrongPIN):
		p.WrongPINs.Fail(client, now)
		pg.Error, pg.Supplement.Closed = pg.Problem("", "wrong_code_or_pin"), true
		p.render(w, http.StatusNotFound, pg)
	case errors.As(err, &fe):
		in := inFiles
		if fe.Field == inNote {
			in = inNote
		}
		pg.Errors[in] = fe.Words().In(pg.Lang)
		pg.Error = pg.T("form.fix")
		p.render(w, http.StatusUnprocessableEntity, pg)
	case errors.As(err, &na):
		pg.Error, pg.Supplement.Closed = pg.T("supplement.not.awaited"), true
		p.render(w, http.StatusConflict, pg)
	case errors.Is(err, app.ErrKeyReused):
		pg.Supplement.Idem = htmlpage.FormKey()
		pg.Error = pg.T("form.changed")
		p.render(w, http.StatusConflict, pg)
	default:
		p.fail(w, r, pg, err)
	}
}
