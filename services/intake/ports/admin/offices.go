package admin

import (
	"context"
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/catalog"
)

// officeKinds are the kinds an office may have, in the order the form offers them.
var officeKinds = []string{string(catalog.ProvincialCentre), string(catalog.DistrictDesk), string(catalog.CommuneCentre),
	string(catalog.Department), string(catalog.PostOffice)}

// officeForm is an office as the form shows it.
type officeForm struct {
	catalog.Office
	// Exists is an office already stored: its code is its key and stays.
	Exists bool
}

// offices answers GET /quan-tri/co-quan: every office and the form to add one.
func (p *Pages) offices(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "offices")
	pg.Office.Kind = catalog.CommuneCentre
	p.showOffices(w, r.Context(), pg, http.StatusOK)
}

// office answers GET /quan-tri/co-quan/{code}: the form to change the office.
func (p *Pages) office(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "office")
	code := chi.URLParam(r, "code")
	list, err := p.Offices.List(r.Context())
	if err != nil {
		p.fail(w, pg, err)
		return
	}
	for _, o := range list {
		if o.Code == code {
			pg.Office = officeForm{Office: o, Exists: true}
		}
	}
	if !pg.Office.Exists {
		p.fail(w, pg, app.ErrNoSuchEntry)
		return
	}
	p.showOffices(w, r.Context(), pg, http.StatusOK)
}

// showOffices fills the list and the form's choices into pg and renders it.
func (p *Pages) showOffices(w http.ResponseWriter, ctx context.Context, pg *page, status int) {
	list, err := p.Offices.List(ctx)
	if err != nil {
		p.fail(w, pg, err)
		return
	}
	pg.OfficeList = list
	pg.Kinds = choices(officeKinds, func(k string) string { return pg.Kind(catalog.OfficeKind(k)) }, string(pg.Office.Kind))
	pg.Parents = []option{{Value: "", Label: pg.T("none"), Selected: pg.Office.ParentCode == ""}}
	pg.PostOffices = []option{{Value: "", Label: pg.T("none"), Selected: pg.Office.PostOffice == ""}}
	for _, o := range list {
		label := o.Name + " (" + o.Code + ")"
		if o.Code != pg.Office.Code {
			pg.Parents = append(pg.Parents, option{Value: o.Code, Label: label, Selected: o.Code == pg.Office.ParentCode})
		}
		if o.Kind == catalog.PostOffice {
			pg.PostOffices = append(pg.PostOffices, option{Value: o.Code, Label: label, Selected: o.Code == pg.Office.PostOffice})
		}
	}
	p.render(w, status, pg)
}

// saveOffice answers POST /quan-tri/co-quan (a new office) and POST
// /quan-tri/co-quan/{code} (a change). Saving publishes the office to the services
// that keep a copy.
func (p *Pages) saveOffice(w http.ResponseWriter, r *http.Request) {
	if !p.readForm(w, r) {
		return
	}
	code, create := chi.URLParam(r, "code"), false
	name := "office"
	if code == "" {
		code, create, name = r.PostFormValue("code"), true, "offices"
	}
	pg := p.newPage(w, r, name)
	pg.Office = officeForm{Exists: !create, Office: catalog.Office{Code: code, Name: r.PostFormValue("name"),
		Kind: catalog.OfficeKind(r.PostFormValue("kind")), ParentCode: r.PostFormValue("parent"),
		Address: r.PostFormValue("address"), PostOffice: r.PostFormValue("post_office")}}
	err := p.Offices.Save(r.Context(), pg.Office.Office, create)
	if bad, ok := errors.AsType[app.Invalid](err); ok {
		pg.invalid(bad)
		p.showOffices(w, r.Context(), pg, http.StatusUnprocessableEntity)
		return
	}
	if err != nil {
		p.fail(w, pg, err)
		return
	}
	if create {
		done(w, r, OfficesPath, "created")
		return
	}
	done(w, r, OfficesPath+"/"+code, "saved")
}
