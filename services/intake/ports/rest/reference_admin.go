package rest

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/platform/httpapi"
)

// officeInput is an office as an administrator sends it, with the fields of GET
// /offices; on a PATCH what is left out stays, and null clears a parent or a serving
// post office.
type officeInput struct {
	Code       *string      `json:"code"`
	Name       *string      `json:"name"`
	Kind       *string      `json:"kind"`
	ParentCode optionalCode `json:"parent_code"`
	Address    *string      `json:"address"`
	PostOffice optionalCode `json:"post_office_code"`
}

// optionalCode is a code that may be left out (Set false), or given as null ("").
type optionalCode struct {
	Set  bool
	Code string
}

func (c *optionalCode) UnmarshalJSON(b []byte) error {
	c.Set = true
	if string(b) == "null" {
		c.Code = ""
		return nil
	}
	return json.Unmarshal(b, &c.Code)
}

func (in officeInput) onto(o catalog.Office) catalog.Office {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&o.Code, in.Code)
	set(&o.Name, in.Name)
	set(&o.Address, in.Address)
	if in.Kind != nil {
		o.Kind = catalog.OfficeKind(*in.Kind)
	}
	if in.ParentCode.Set {
		o.ParentCode = in.ParentCode.Code
	}
	if in.PostOffice.Set {
		o.PostOffice = in.PostOffice.Code
	}
	return o
}

// createOffice answers POST /offices (201).
func (a *API) createOffice(w http.ResponseWriter, r *http.Request) {
	var in officeInput
	if err := httpapi.DecodeJSON(w, r, &in, 16<<10); err != nil {
		a.fail(w, r, err)
		return
	}
	o := in.onto(catalog.Office{})
	o.Code = strings.TrimSpace(o.Code)
	a.saveOffice(w, r, o, true, http.StatusCreated)
}

// changeOffice answers PATCH /offices/{code}.
func (a *API) changeOffice(w http.ResponseWriter, r *http.Request) {
	var in officeInput
	if err := httpapi.DecodeJSON(w, r, &in, 16<<10); err != nil {
		a.fail(w, r, err)
		return
	}
	code := chi.URLParam(r, "code")
	old, ok, err := a.findOffice(r.Context(), code)
	if err == nil && !ok {
		err = app.ErrNoSuchEntry
	}
	if err == nil && in.Code != nil && *in.Code != code {
		err = app.Invalid{"code": "code.fixed"}
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.saveOffice(w, r, in.onto(old), false, http.StatusOK)
}

func (a *API) saveOffice(w http.ResponseWriter, r *http.Request, o catalog.Office, create bool, status int) {
	if err := a.Offices.Save(r.Context(), o, create); err != nil {
		a.fail(w, r, err)
		return
	}
	saved, ok, err := a.findOffice(r.Context(), o.Code)
	if err == nil && !ok {
		err = app.ErrNoSuchEntry
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpapi.WriteJSON(w, status, officeOf(saved))
}

func (a *API) findOffice(ctx context.Context, code string) (catalog.Office, bool, error) {
	list, err := a.Offices.List(ctx)
	if err != nil {
		return catalog.Office{}, false, err
	}
	for _, o := range list {
		if o.Code == code {
			return o, true, nil
		}
	}
	return catalog.Office{}, false, nil
}

// procedureInput is a procedure as an administrator sends it, with the fields of GET
// /procedures; on a PATCH what is left out stays.
type procedureInput struct {
	Code           *string `json:"code"`
	Name           *string `json:"name"`
	DecidedByKind  *string `json:"decided_by_kind"`
	TimeLimitHours *int    `json:"time_limit_hours"`
	FeeVND         *int64  `json:"fee_vnd"`
	FeeVaries      *bool   `json:"fee_varies"`
}

func (in procedureInput) onto(p catalog.Procedure) catalog.Procedure {
	if in.Code != nil {
		p.Code = *in.Code
	}
	if in.Name != nil {
		p.Name = *in.Name
	}
	if in.DecidedByKind != nil {
		p.DecidedByKind = catalog.OfficeKind(*in.DecidedByKind)
	}
	if in.TimeLimitHours != nil {
		p.TimeLimitHours = *in.TimeLimitHours
	}
	if in.FeeVND != nil {
		p.FeeVND = *in.FeeVND
	}
	if in.FeeVaries != nil {
		p.FeeVaries = *in.FeeVaries
	}
	return p
}

// createProcedure answers POST /procedures (201).
func (a *API) createProcedure(w http.ResponseWriter, r *http.Request) {
	var in procedureInput
	if err := httpapi.DecodeJSON(w, r, &in, 16<<10); err != nil {
		a.fail(w, r, err)
		return
	}
	p := in.onto(catalog.Procedure{})
	p.Code = strings.TrimSpace(p.Code)
	a.saveProcedure(w, r, p, true, http.StatusCreated)
}

// changeProcedure answers PATCH /procedures/{code}.
func (a *API) changeProcedure(w http.ResponseWriter, r *http.Request) {
	var in procedureInput
	if err := httpapi.DecodeJSON(w, r, &in, 16<<10); err != nil {
		a.fail(w, r, err)
		return
	}
	code := chi.URLParam(r, "code")
	old, ok, err := a.findProcedure(r.Context(), code)
	if err == nil && !ok {
		err = app.ErrNoSuchEntry
	}
	if err == nil && in.Code != nil && *in.Code != code {
		err = app.Invalid{"code": "code.fixed"}
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.saveProcedure(w, r, in.onto(old), false, http.StatusOK)
}

func (a *API) saveProcedure(w http.ResponseWriter, r *http.Request, p catalog.Procedure, create bool, status int) {
	if err := a.Procedures.Save(r.Context(), p, create); err != nil {
		a.fail(w, r, err)
		return
	}
	saved, ok, err := a.findProcedure(r.Context(), p.Code)
	if err == nil && !ok {
		err = app.ErrNoSuchEntry
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpapi.WriteJSON(w, status, procedureOf(saved))
}

func (a *API) findProcedure(ctx context.Context, code string) (catalog.Procedure, bool, error) {
	list, err := a.Procedures.List(ctx)
	if err != nil {
		return catalog.Procedure{}, false, err
	}
	for _, p := range list {
		if p.Code == code {
			return p, true, nil
		}
	}
	return catalog.Procedure{}, false, nil
}
