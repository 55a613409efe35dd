package rest

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/dossier"
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

// procedureInput is a procedure as an administrator sends it, with the fields of GET
// /procedures; on a PATCH what is left out stays, and documents, when sent, replace the
// list. A new procedure is offered online unless "online" says false.
type procedureInput struct {
	Code           *string         `json:"code"`
	Name           *string         `json:"name"`
	DecidedByKind  *string         `json:"decided_by_kind"`
	TimeLimitHours *int            `json:"time_limit_hours"`
	FeeVND         *int64          `json:"fee_vnd"`
	FeeVaries      *bool           `json:"fee_varies"`
	Documents      *[]documentJSON `json:"documents"`
	Online         *bool           `json:"online"`
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
	if in.Documents != nil {
		p.Documents = make([]catalog.Document, len(*in.Documents))
		for i, d := range *in.Documents {
			p.Documents[i] = catalog.Document{Name: d.Name, Kind: dossier.DocumentKind(d.Kind), Copies: d.Copies, Required: d.Required}
		}
	}
	if in.Online != nil {
		p.Online = *in.Online
	}
	return p
}

// entries are an administrator's reference data of one kind (offices, procedures) as
// the API adds and changes them: In is what a request sends, E the entry kept.
type entries[E any, In interface{ onto(E) E }] struct {
	// blank is what a new entry starts from, before the request's fields.
	blank  E
	list   func(context.Context) ([]E, error)
	save   func(ctx context.Context, e E, create bool) error
	code   func(E) string
	fixed  func(In) *string // the code a request names, if any
	answer func(E) any
}

// officeEntries and procedureEntries are the two kinds.
func (a *API) officeEntries() entries[catalog.Office, officeInput] {
	return entries[catalog.Office, officeInput]{list: a.Offices.List, save: a.Offices.Save,
		code:   func(o catalog.Office) string { return o.Code },
		fixed:  func(in officeInput) *string { return in.Code },
		answer: func(o catalog.Office) any { return officeOf(o) }}
}

func (a *API) procedureEntries() entries[catalog.Procedure, procedureInput] {
	return entries[catalog.Procedure, procedureInput]{blank: catalog.Procedure{Online: true},
		list: a.Procedures.List, save: a.Procedures.Save,
		code:   func(p catalog.Procedure) string { return p.Code },
		fixed:  func(in procedureInput) *string { return in.Code },
		answer: func(p catalog.Procedure) any { return procedureOf(p) }}
}

// create answers POST: a new entry (201).
func (h entries[E, In]) create(a *API) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var in In
		if err := httpapi.DecodeJSON(w, r, &in, 16<<10); err != nil {
			a.fail(w, r, err)
			return
		}
		h.saveAndAnswer(a, w, r, in.onto(h.blank), true, http.StatusCreated)
	}
}

// change answers PATCH /…/{code}: what the request names changes, the rest stays; the
// code itself cannot change.
func (h entries[E, In]) change(a *API) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var in In
		if err := httpapi.DecodeJSON(w, r, &in, 16<<10); err != nil {
			a.fail(w, r, err)
			return
		}
		code := chi.URLParam(r, "code")
		old, ok, err := h.find(r.Context(), code)
		if err == nil && !ok {
			err = app.ErrNoSuchEntry
		}
		if c := h.fixed(in); err == nil && c != nil && *c != code {
			err = app.Invalid{"code": "code.fixed"}
		}
		if err != nil {
			a.fail(w, r, err)
			return
		}
		h.saveAndAnswer(a, w, r, in.onto(old), false, http.StatusOK)
	}
}

// saveAndAnswer saves e and answers with it as kept.
func (h entries[E, In]) saveAndAnswer(a *API, w http.ResponseWriter, r *http.Request, e E, create bool, status int) {
	if err := h.save(r.Context(), e, create); err != nil {
		a.fail(w, r, err)
		return
	}
	saved, ok, err := h.find(r.Context(), strings.TrimSpace(h.code(e)))
	if err == nil && !ok {
		err = app.ErrNoSuchEntry
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpapi.WriteJSON(w, status, h.answer(saved))
}

// find is the entry with code.
func (h entries[E, In]) find(ctx context.Context, code string) (E, bool, error) {
	var zero E
	list, err := h.list(ctx)
	if err != nil {
		return zero, false, err
	}
	for _, e := range list {
		if h.code(e) == code {
			return e, true, nil
		}
	}
	return zero, false, nil
}
