package citizenweb

import (
	"context"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/domain/catalog"
)

// expiredParam marks a procedure's address when a submission came with a proof of
// address that had expired, so that the page can say why it asks again.
const expiredParam = "het-han"

// procedure answers GET /nop-truc-tuyen/thu-tuc/{code}: the procedure's documents, time
// limit and fee; then, for one offered online, the form that proves an address, or, once
// it is proved, the application.
func (p *Pages) procedure(w http.ResponseWriter, r *http.Request) {
	pg := newPage(w, r, "procedure")
	proc, ok, err := p.findProcedure(r.Context(), chi.URLParam(r, "code"))
	if err != nil || !ok {
		p.noProcedure(w, r, pg, err)
		return
	}
	pg.Procedure = &proc
	_, pg.Contact = p.citizen(r)
	if pg.Contact == nil && r.URL.Query().Get(expiredParam) == "1" {
		pg.Notice = pg.T("contact.expired")
	}
	pg.Form = newApplyForm(proc)
	if err := p.fillDesks(r.Context(), pg); err != nil {
		p.fail(w, r, pg, err)
		return
	}
	p.render(w, http.StatusOK, pg)
}

// findProcedure is the procedure with code.
func (p *Pages) findProcedure(ctx context.Context, code string) (catalog.Procedure, bool, error) {
	procs, err := p.Catalog.Procedures(ctx)
	if err != nil {
		return catalog.Procedure{}, false, err
	}
	for _, pr := range procs {
		if pr.Code == code {
			return pr, true, nil
		}
	}
	return catalog.Procedure{}, false, nil
}

// noProcedure renders the page for a procedure that is not there (404), or the error
// that kept it from being read.
func (p *Pages) noProcedure(w http.ResponseWriter, r *http.Request, pg *page, err error) {
	if err != nil {
		p.fail(w, r, pg, err)
		return
	}
	pg.Name, pg.Error = "message", pg.T("procedure.unknown")
	p.render(w, http.StatusNotFound, pg)
}

// fillDesks lists the desks that may receive the procedure's dossier online, the one
// chosen selected (the only one, when there is one).
func (p *Pages) fillDesks(ctx context.Context, pg *page) error {
	offices, err := p.Catalog.Offices(ctx)
	if err != nil {
		return err
	}
	pg.Desks = nil
	for _, o := range offices {
		if pg.Procedure.ReceivedAt(o) {
			pg.Desks = append(pg.Desks, option{Value: o.Code, Label: o.Name})
		}
	}
	if len(pg.Desks) == 1 {
		pg.Form.Office = pg.Desks[0].Value
	}
	for i := range pg.Desks {
		pg.Desks[i].Selected = pg.Desks[i].Value == pg.Form.Office
	}
	return nil
}

// procedureURL is the page of the procedure with code.
func procedureURL(code string) string { return ProcedurePath + code }
