package citizenweb

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/attachment"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/httpapi"
)

// The limits on files in megabytes, as the words about them say them.
const (
	attachmentMB = attachment.MaxFileBytes >> 20
	totalMB      = attachment.MaxTotalBytes >> 20
)

// submit answers POST /nop-truc-tuyen/thu-tuc/{code} (multipart/form-data): the
// application and its files go to the use case the API calls, as the citizen whose
// address the cookie proves, with the key drawn with the form, so that a form sent twice
// makes one dossier. The code and PIN are shown once it is submitted (201); what is
// wrong is told beside its input, the form filled again (but for its files).
func (p *Pages) submit(w http.ResponseWriter, r *http.Request) {
	pg := newPage(w, r, "procedure")
	proc, ok, err := p.findProcedure(r.Context(), chi.URLParam(r, "code"))
	if err != nil || !ok {
		p.noProcedure(w, r, pg, err)
		return
	}
	pg.Procedure = &proc
	who, address := p.citizen(r)
	if who == nil {
		// No proof of the address, or an expired one: the page asks for it again.
		if hasContactCookie(r) {
			forgetContact(w, r)
		}
		http.Redirect(w, r, procedureURL(proc.Code)+"?"+expiredParam+"=1", http.StatusSeeOther)
		return
	}
	pg.Contact = address
	if err := p.fillDesks(r.Context(), pg); err != nil {
		p.fail(w, r, pg, err)
		return
	}
	inputs := map[string]bool{}
	for _, d := range newApplyForm(proc).Docs {
		inputs[d.Input] = true
	}
	sent, err := p.readForm(w, r, func(name string) bool { return inputs[name] }, "")
	defer sent.remove()
	pg.Form = readApplyForm(proc, sent.get)
	for i := range pg.Desks {
		pg.Desks[i].Selected = pg.Desks[i].Value == pg.Form.Office
	}
	if err != nil {
		p.formRefused(w, r, pg, err)
		return
	}
	reg := pg.Form.registration(proc, sent.attached())
	if p.checkApplication(r, pg, proc, reg, sent) {
		pg.Error = pg.T("form.fix")
		p.render(w, http.StatusUnprocessableEntity, pg)
		return
	}
	body, _ := json.Marshal(reg)
	hashed := [][]byte{body}
	for _, u := range sent.files {
		hashed = append(hashed, []byte(u.Part), u.SHA256)
	}
	answer, _, err := p.Online.Submit(r.Context(), who, reg, sent.files,
		app.Idempotency{Key: "web:" + pg.Form.Idem, RequestHash: httpapi.RequestHash(hashed...)}, pg.Lang)
	var fe *dossier.FieldError
	switch {
	case err == nil:
		pg.Name, pg.Submitted = "done", &answer
		p.render(w, http.StatusCreated, pg)
	case errors.As(err, &fe):
		p.tellField(pg, fe, reg, sent)
		pg.Error = pg.T("form.fix")
		p.render(w, http.StatusUnprocessableEntity, pg)
	case errors.Is(err, app.ErrKeyReused):
		// Sent before with other answers: a new form, a new key.
		pg.Form.Idem = newApplyForm(proc).Idem
		pg.Error = pg.T("form.changed")
		p.render(w, http.StatusConflict, pg)
	default:
		p.fail(w, r, pg, err)
	}
}

// checkApplication notes beside their inputs what the page can tell before the use case
// is asked (the declaration, a file too large, what app.CheckOnline refuses) and
// reports whether anything was.
func (p *Pages) checkApplication(r *http.Request, pg *page, proc catalog.Procedure, reg dossier.Registration, sent *sentForm) bool {
	for input, name := range sent.tooLarge {
		pg.Errors[input] = pg.Problem("files", "file_too_large", name, attachmentMB)
	}
	attached := sent.attached()
	if !pg.Form.Declared {
		pg.Errors[inDeclaration] = pg.T("declaration.required")
	}
	if pg.Form.Office == "" {
		pg.Errors[inOffice] = pg.T("office.required")
	} else if fe := app.CheckOnline(proc, p.office(r, pg.Form.Office), reg); fe != nil {
		p.tellField(pg, fe, reg, sent)
	}
	for _, d := range pg.Form.Docs {
		if d.Required && pg.Errors[d.Input] == "" && !attached[d.Input] {
			pg.Errors[d.Input] = pg.Problem("documents", "document_missing", d.Name)
		}
	}
	return len(pg.Errors) > 0 || pg.Error != ""
}

// office is the office with code among the desks listed, or none.
func (p *Pages) office(r *http.Request, code string) catalog.Office {
	offices, err := p.Catalog.Offices(r.Context())
	if err != nil {
		return catalog.Office{}
	}
	for _, o := range offices {
		if o.Code == code {
			return o
		}
	}
	return catalog.Office{}
}

// tellField puts fe beside its input, or, when it has none, as the page's error.
func (p *Pages) tellField(pg *page, fe *dossier.FieldError, reg dossier.Registration, sent *sentForm) {
	words := fe.Words().In(pg.Lang)
	if in := pg.Form.inputOf(fe, reg, sent.files); in != "" {
		pg.Errors[in] = words
		return
	}
	pg.Error = words
}

// formRefused renders the page for a multipart form that could not be taken: forged
// or expired (403), too large (413), unreadable (400), or our failure.
func (p *Pages) formRefused(w http.ResponseWriter, r *http.Request, pg *page, err error) {
	switch {
	case errors.Is(err, errForged):
		pg.Error = pg.T("csrf")
		p.render(w, http.StatusForbidden, pg)
	case errors.Is(err, errTooLarge):
		pg.Error = pg.Problem("files", "files_too_large", totalMB)
		p.render(w, http.StatusRequestEntityTooLarge, pg)
	case errors.Is(err, errUnreadable):
		pg.Error = pg.T("bad.form")
		p.render(w, http.StatusBadRequest, pg)
	default:
		p.fail(w, r, pg, err)
	}
}
