package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/intake/forms"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/platform/web/session"
)

// The post office's counter (domain §5, the post office as a door): a postal worker
// registers a dossier their post office takes for an authority, on a phone or at the
// counter's PC, through the same use case as the desk, and prints the dispatch slip
// they and the applicant sign. The pages are intake's, as the registration is, under
// the postal workers' addresses.
const (
	CounterPath = session.PostalHome + "/quay"
	// slipSuffix follows a dossier's code under CounterPath: its dispatch slip.
	slipSuffix = "/phieu-gui"
	// procedureParam names the procedure chosen on the counter's page.
	procedureParam = "thu-tuc"
)

// counterPage is what the counter's pages show: the search for the procedure, the
// form of the one chosen, or the receipt of the dossier registered.
type counterPage struct {
	// Query is what was typed to find the procedure; Found the procedures it matches,
	// to choose from until one is chosen.
	Query string
	Found []catalog.Procedure
	// Procedure is the one chosen, whose documents the form's checklist lists.
	Procedure *catalog.Procedure
	// PostOffices are the worker's own; Desks those that may receive the procedure's
	// dossier.
	PostOffices []option
	Desks       []option
	Form        counterForm
	Idem        string
	// Receipt is the dossier registered, with its code, PIN and pickup.
	Receipt *app.Receipt
	// Refused: the member of staff is not a postal worker; Home is where they work.
	Refused bool
	Home    string
}

// newCounterPage starts the counter's page called name for r.
func (p *Pages) newCounterPage(w http.ResponseWriter, r *http.Request, name string) *page {
	pg := p.newPage(w, r, name)
	pg.Counter = &counterPage{}
	return pg
}

// refuseCounter tells a member of staff of another role that the counter is the
// postal workers', and where their own pages are.
func (p *Pages) refuseCounter(w http.ResponseWriter, r *http.Request, who *auth.Principal) {
	pg := p.newCounterPage(w, r, "message")
	pg.Counter.Refused, pg.Counter.Home = true, session.Home(who.Role)
	pg.Error = pg.T("counter.refused", who.Role)
	p.render(w, http.StatusForbidden, pg)
}

// counter answers GET /buu-chinh/quay[?q=&thu-tuc=]: the procedures matching q to
// choose from, or the form of the procedure chosen, its checklist and fee filled from
// the catalogue and the postage at its usual sum.
func (p *Pages) counter(w http.ResponseWriter, r *http.Request) {
	pg := p.newCounterPage(w, r, "counter")
	c := pg.Counter
	q := r.URL.Query()
	c.Query = clip(strings.TrimSpace(q.Get("q")), 200)
	c.Form = newCounterForm()
	code := clip(strings.TrimSpace(q.Get(procedureParam)), 40)
	if err := p.fillCounter(r, pg, code, true); err != nil {
		p.fail(w, r, pg, err)
		return
	}
	c.Idem = htmlpage.FormKey()
	status := http.StatusOK
	if code != "" && c.Procedure == nil {
		status = http.StatusNotFound
	}
	p.render(w, status, pg)
}

// counterRegister answers POST /buu-chinh/quay: the dossier is registered at the
// worker's post office and the page shows its code, PIN and pickup with the slip to
// print; a field to correct shows the form again with the message beside it.
func (p *Pages) counterRegister(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	pg := p.newCounterPage(w, r, "counter")
	c := pg.Counter
	if err := r.ParseForm(); err != nil {
		pg.Error = pg.T("bad.form")
		p.render(w, http.StatusBadRequest, pg)
		return
	}
	c.Form, c.Idem = readCounterForm(r), r.PostFormValue("idem")
	if err := p.fillCounter(r, pg, c.Form.Procedure, false); err != nil {
		p.fail(w, r, pg, err)
		return
	}
	switch {
	case !csrf.Valid(r):
		pg.Error = pg.T("csrf")
		p.render(w, http.StatusForbidden, pg)
		return
	case c.Procedure == nil:
		pg.Error = pg.T("counter.choose.first")
		p.render(w, http.StatusUnprocessableEntity, pg)
		return
	}
	reg, fe := c.Form.registration(*c.Procedure)
	if fe == nil {
		fe = c.Form.missingDocument(*c.Procedure)
	}
	if fe != nil {
		p.counterAgain(w, pg, http.StatusUnprocessableEntity, fe)
		return
	}
	body, _ := json.Marshal(reg)
	idem := app.Idempotency{}
	if htmlpage.ValidFormKey(c.Idem) {
		idem = app.Idempotency{Key: "web:" + c.Idem, RequestHash: httpapi.RequestHash(body)}
	}
	receipt, _, err := p.Registrar.Register(r.Context(), pg.Who, reg, idem)
	switch {
	case err == nil:
		c.Receipt = &receipt
		pg.Name, pg.Notice = "counter-done", pg.T("counter.registered")
		p.render(w, http.StatusOK, pg)
	case errors.Is(err, app.ErrKeyReused):
		c.Idem = htmlpage.FormKey()
		pg.Error = pg.T("form.reused")
		p.render(w, http.StatusConflict, pg)
	case errors.As(err, &fe):
		p.counterAgain(w, pg, http.StatusUnprocessableEntity, fe)
	case errors.Is(err, app.ErrForbidden):
		// The post office is not the worker's own: the form offers no other, so it
		// was altered on its way.
		pg.Error = pg.T("counter.fix")
		pg.Errors["post_office"] = pg.T("counter.not.yours")
		p.render(w, http.StatusForbidden, pg)
	default:
		p.fail(w, r, pg, err)
	}
}

// counterAgain shows the counter's form again with fe beside its field, or at the top
// of the page when the form has no input of its own for it.
func (p *Pages) counterAgain(w http.ResponseWriter, pg *page, status int, fe *dossier.FieldError) {
	msg := fieldMessage(pg, fe)
	if fe.Code == "document_missing" {
		msg = pg.T("counter.doc.missing", fe.Args...)
	}
	if in := counterInput(fe.Field); in != "" {
		pg.Error = pg.T("counter.fix")
		pg.Errors[in] = msg
	} else {
		pg.Error = msg
	}
	p.render(w, status, pg)
}

// counterSlip answers GET /buu-chinh/quay/{code}/phieu-gui[?format=pdf]: the dispatch
// slip of a dossier the worker's post office took, the only form the post prints; any
// other dossier is unknown to them (404, as the API answers).
func (p *Pages) counterSlip(w http.ResponseWriter, r *http.Request) {
	p.print(w, r, p.newCounterPage(w, r, "message"), chi.URLParam(r, "code"), forms.KindDispatchSlip)
}

// clip is s cut to at most n bytes, for what a page shows back of a query.
func clip(s string, n int) string {
	if len(s) > n {
		return strings.ToValidUTF8(s[:n], "")
	}
	return s
}
