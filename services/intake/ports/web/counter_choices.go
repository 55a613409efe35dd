package web

import (
	"net/http"

	"github.com/motcua/motcua/services/intake/app"
)

// fillCounter fills the counter's page with its choices: the procedure with code, or,
// while none is chosen, the procedures matching the query; the worker's post offices,
// their first the one taking the dossier unless the form names one; and the desks that
// may receive the procedure's dossier, the one the post office serves first chosen
// when the catalogue says which. fresh puts the procedure's checklist and fee in the
// form.
func (p *Pages) fillCounter(r *http.Request, pg *page, code string, fresh bool) error {
	ctx := r.Context()
	c := pg.Counter
	procs, err := p.Catalog.Procedures(ctx)
	if err != nil {
		return err
	}
	for i := range procs {
		if code != "" && procs[i].Code == code {
			c.Procedure = &procs[i]
		}
	}
	switch {
	case c.Procedure != nil && fresh:
		c.Form.prefill(*c.Procedure)
	case c.Procedure == nil:
		if code != "" {
			pg.Error = pg.T("counter.unknown", code)
		}
		c.Found = app.MatchProcedures(procs, c.Query)
		if c.Query != "" && len(c.Found) == 0 {
			pg.Notice = pg.T("find.none", c.Query)
			c.Found = procs
		}
	}

	if len(pg.Who.Offices) == 0 {
		pg.Error = pg.T("counter.no.office")
	} else if c.Form.PostOffice == "" {
		c.Form.PostOffice = pg.Who.Offices[0]
	}
	c.PostOffices = nil
	for _, code := range pg.Who.Offices {
		c.PostOffices = append(c.PostOffices, option{Value: code, Label: p.Registrar.Catalog.OfficeName(ctx, code),
			Selected: code == c.Form.PostOffice})
	}

	if c.Procedure == nil {
		return nil
	}
	offices, err := p.Catalog.Offices(ctx)
	if err != nil {
		return err
	}
	served := ""
	c.Desks = nil
	for _, o := range offices {
		if !o.Kind.ReceivesDossiers() || !c.Procedure.ReceivedAt(o) {
			continue
		}
		c.Desks = append(c.Desks, option{Value: o.Code, Label: o.Name})
		if served == "" && o.PostOffice != "" && o.PostOffice == c.Form.PostOffice {
			served = o.Code
		}
	}
	switch {
	case c.Form.Office != "":
	case served != "":
		c.Form.Office = served
	case len(c.Desks) == 1:
		c.Form.Office = c.Desks[0].Value
	}
	for i := range c.Desks {
		c.Desks[i].Selected = c.Desks[i].Value == c.Form.Office
	}
	return nil
}
