package web

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/intake/forms"
	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// dossier answers GET /mot-cua/ho-so/{code}.
func (p *Pages) dossier(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "dossier")
	if !p.load(w, r, pg, chi.URLParam(r, "code")) {
		return
	}
	switch done := r.URL.Query().Get("done"); {
	case done == "register":
		pg.Notice = pg.T("registered")
	case done != "":
		if a, ok := dossier.ParseAction(done); ok {
			pg.Notice = pg.T("done", pg.Step(string(a)))
			if k, ok := a.Printed(); ok {
				pg.Notice += " " + pg.T("done.print", vocabulary.Form(string(k)).In(pg.Lang))
			}
		}
	}
	p.render(w, http.StatusOK, pg)
}

// load reads the dossier into pg with its prints and action forms; when it cannot, it
// renders the reason and reports false.
func (p *Pages) load(w http.ResponseWriter, r *http.Request, pg *page, code string) bool {
	d, err := p.Reader.Dossier(r.Context(), pg.Who, code)
	if err != nil {
		p.fail(w, r, pg, err)
		return false
	}
	pg.Dossier = d
	for _, k := range forms.Kinds() {
		if available(d, k) {
			pg.Prints = append(pg.Prints, option{Value: DossierPath + url.PathEscape(d.Code) + "/in/" + string(k), Label: vocabulary.Form(string(k)).In(pg.Lang)})
		}
	}
	cal := p.Calendar.Calendar()
	pg.Day = cal.WorkingDayLength()
	pg.Left = d.Left
	if since, ok := awaitingCheck(d); ok {
		pg.CheckBy = dossier.CheckBy(cal, since)
		pg.LateToCheck = time.Now().After(pg.CheckBy)
	}
	for _, a := range d.AllowedActions {
		pg.Actions = append(pg.Actions, newActionForm(a, d))
		if a == string(dossier.ActTransfer) {
			offices, err := p.Catalog.Offices(r.Context())
			if err != nil {
				p.fail(w, r, pg, err)
				return false
			}
			pg.Destinations = destinations(offices, d.CurrentOffice.Code)
		}
	}
	return true
}

// destinations are the offices a dossier at office may be transferred to: any other
// that is not a post office.
func destinations(offices []catalog.Office, office string) []option {
	var out []option
	for _, o := range offices {
		if o.Code != office && o.Kind != catalog.PostOffice {
			out = append(out, option{Value: o.Code, Label: o.Name})
		}
	}
	return out
}

// awaitingCheck reports whether the dossier, submitted online, awaits the desk's check,
// and since when: its submission, or the citizen's answer to the desk's guidance.
func awaitingCheck(d *app.Whole) (since time.Time, ok bool) {
	if d.Status != string(dossier.StatusSubmitted) || d.SubmittedAt.IsZero() {
		return time.Time{}, false
	}
	since = d.SubmittedAt
	for _, s := range d.Steps {
		if s.Action == string(dossier.ActSupplement) {
			since = s.At
		}
	}
	return since, true
}

// available reports whether the dossier has form k: the receipt and the control slip
// once the dossier is received (one submitted online has neither reception nor
// appointment to print before), the others once a step that prints them has happened.
func available(d *app.Whole, k forms.Kind) bool {
	if k.Always() {
		return !d.ReceivedAt.IsZero()
	}
	for _, s := range d.Steps {
		if printed, ok := dossier.Action(s.Action).Printed(); ok && printed == k {
			return true
		}
	}
	return false
}

// printForm answers GET /mot-cua/ho-so/{code}/in/{form}[?format=pdf]: the printable
// form, as the API renders it, for the signed-in officer.
func (p *Pages) printForm(w http.ResponseWriter, r *http.Request) {
	kind, ok := forms.ParseKind(chi.URLParam(r, "form"))
	if !ok {
		http.NotFound(w, r)
		return
	}
	p.print(w, r, p.newPage(w, r, "message"), chi.URLParam(r, "code"), kind)
}

// print writes form kind of the dossier with code, as HTML or with ?format=pdf as PDF,
// for the signed-in member of staff; pg shows why it cannot.
func (p *Pages) print(w http.ResponseWriter, r *http.Request, pg *page, code string, kind forms.Kind) {
	pdf := r.URL.Query().Get("format") == "pdf"
	d, err := p.Reader.Form(r.Context(), pg.Who, code, kind, p.PublicURL)
	if err != nil {
		p.fail(w, r, pg, err)
		return
	}
	var buf bytes.Buffer
	render, contentType := forms.HTML, "text/html; charset=utf-8"
	if pdf {
		render, contentType = forms.PDF, "application/pdf"
	}
	if err := render(&buf, kind, d, p.Calendar.Calendar().Location()); err != nil {
		if errors.Is(err, forms.ErrNotAvailable) {
			http.NotFound(w, r)
			return
		}
		p.fail(w, r, pg, err)
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", htmlpage.Print)
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Type", contentType)
	if pdf {
		h.Set("Content-Disposition", `inline; filename="`+d.Code+"-"+string(kind)+`.pdf"`)
	}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
}

// act answers POST /mot-cua/ho-so/{code}/{action}: the action, then back to the dossier;
// a field to correct shows the dossier again with the message in the action's form.
func (p *Pages) act(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	code := chi.URLParam(r, "code")
	pg := p.newPage(w, r, "dossier")
	action, ok := dossier.ParseAction(chi.URLParam(r, "action"))
	if !ok {
		http.NotFound(w, r)
		return
	}
	// again shows the dossier with the error: beside the field, in the action's form,
	// or at the top of the page when the action has no form now; what was typed is kept.
	again := func(status int, err error) {
		if !p.load(w, r, pg, code) {
			return
		}
		field, msg := "", ""
		var fe *dossier.FieldError
		var na *dossier.NotAllowedError
		var oe *dossier.OfficeError
		switch {
		case errors.As(err, &fe):
			field, msg = errorField(fe.Field), fieldMessage(pg, fe)
		case errors.As(err, &na):
			msg = notAllowedMessage(pg, na)
		case errors.As(err, &oe):
			msg = oe.Words(p.Registrar.Catalog.OfficeName(r.Context(), oe.Office)).In(pg.Lang)
		case errors.Is(err, app.ErrKeyReused):
			msg = pg.T("form.reused")
		case errors.Is(err, errCSRF):
			msg = pg.T("csrf")
		default:
			msg = pg.T("bad.form")
		}
		found := false
		for i := range pg.Actions {
			f := &pg.Actions[i]
			if f.Action != string(action) {
				continue
			}
			found = true
			f.keep(r.PostFormValue)
			if f.Has(field) {
				f.Errors[field] = msg
			} else {
				f.Error = msg
			}
		}
		if !found {
			pg.Error = msg
		}
		p.render(w, status, pg)
	}
	if err := r.ParseForm(); err != nil {
		again(http.StatusBadRequest, err)
		return
	}
	if !csrf.Valid(r) {
		again(http.StatusForbidden, errCSRF)
		return
	}
	c, fe := readCommand(r)
	if fe != nil {
		again(http.StatusUnprocessableEntity, fe)
		return
	}
	idem := app.Idempotency{}
	if k := r.PostFormValue("idem"); htmlpage.ValidFormKey(k) {
		idem = app.Idempotency{Key: "web:" + k, RequestHash: httpapi.RequestHash([]byte(r.URL.Path), []byte(r.PostForm.Encode()))}
	}
	_, _, err := p.Processor.Act(r.Context(), pg.Who, code, action, c, idem)
	var na *dossier.NotAllowedError
	var oe *dossier.OfficeError
	switch {
	case err == nil:
		http.Redirect(w, r, DossierPath+url.PathEscape(code)+"?done="+string(action), http.StatusSeeOther)
	case errors.As(err, &fe):
		again(http.StatusUnprocessableEntity, fe)
	case errors.As(err, &na), errors.Is(err, app.ErrKeyReused):
		again(http.StatusConflict, err)
	case errors.As(err, &oe):
		again(http.StatusForbidden, err)
	default:
		p.fail(w, r, pg, err)
	}
}

// errCSRF is a form posted without its CSRF token.
var errCSRF = errors.New("csrf token missing or wrong")

// readCommand reads an action's form.
func readCommand(r *http.Request) (dossier.Command, *dossier.FieldError) {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	c := dossier.Command{ToOffice: v("to_office"), Via: dossier.Via(v("via")), Note: v("note"), Reason: v("reason"),
		Outcome: dossier.Outcome(v("outcome")), ReceiptNumber: v("receipt_number")}
	for _, line := range strings.Split(r.PostFormValue("items"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			c.Items = append(c.Items, dossier.Document{Name: line})
		}
	}
	if s := v("amount_vnd"); s != "" {
		n, fe := readAmount(s)
		if fe != nil {
			return c, fe
		}
		c.AmountVND = n
	}
	if s := v("new_due_at"); s != "" {
		t, err := time.ParseInLocation("2006-01-02T15:04", s, htmlpage.Zone)
		if err != nil {
			return c, dossier.Invalid("new_due_at", "invalid_time")
		}
		c.NewDueAt = &t
	}
	return c, nil
}

// fail renders the page for an error reading or changing a dossier.
func (p *Pages) fail(w http.ResponseWriter, r *http.Request, pg *page, err error) {
	pg.Name = "message"
	var oe *dossier.OfficeError
	status := http.StatusInternalServerError
	switch {
	case errors.Is(err, app.ErrNotFound):
		status, pg.Error = http.StatusNotFound, pg.T("not.found")
	case errors.Is(err, app.ErrForbidden), errors.As(err, &oe):
		status, pg.Error = http.StatusForbidden, pg.T("forbidden")
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		return
	default:
		if database.Unavailable(err) {
			status = http.StatusServiceUnavailable
			w.Header().Set("Retry-After", "5")
		}
		p.Log.Error("desk page", "path", r.URL.Path, "err", err)
		pg.Error = pg.T("unavailable")
	}
	p.render(w, status, pg)
}

func itoa(n int) string { return strconv.Itoa(n) }
