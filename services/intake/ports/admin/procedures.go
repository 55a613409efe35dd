package admin

import (
	"context"
	"errors"
	"maps"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// decidingKinds are the kinds of office that decide procedures (a post office
// carries dossiers but does not decide them).
var decidingKinds = officeKinds[:len(officeKinds)-1]

// procedureForm is a procedure as the form shows it: the time limit in working days
// when it is whole days, else in working hours, and the fee as typed.
type procedureForm struct {
	Code, Name, Kind string
	Limit, Unit, Fee string
	FeeVaries        bool
	// Online is whether citizens may submit the procedure online.
	Online bool
	Exists bool
}

// formOf is the stored procedure pr as its change form shows it.
func formOf(pr catalog.Procedure) procedureForm {
	f := procedureForm{Code: pr.Code, Name: pr.Name, Kind: string(pr.DecidedByKind), Unit: "day",
		Limit: strconv.Itoa(pr.TimeLimitHours / 8), Fee: strconv.FormatInt(pr.FeeVND, 10), FeeVaries: pr.FeeVaries, Online: pr.Online, Exists: true}
	if pr.TimeLimitHours%8 != 0 {
		f.Unit, f.Limit = "hour", strconv.Itoa(pr.TimeLimitHours)
	}
	return f
}

// Limit is a procedure's time limit in words.
func (pg *page) Limit(hours int) string {
	switch {
	case hours == 0:
		return pg.T("limit.same.day")
	case hours%8 == 0:
		return pg.T("limit.days", hours/8)
	}
	return pg.T("limit.hours", hours)
}

// procedures answers GET /quan-tri/thu-tuc?q=: the procedures matching q, accents
// aside, and the form to add one.
func (p *Pages) procedures(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "procedures")
	pg.Query = clip(strings.TrimSpace(r.URL.Query().Get("q")), 200)
	pg.Procedure = procedureForm{Kind: string(catalog.CommuneCentre), Unit: "day", Limit: "0", Fee: "0", Online: true}
	p.showProcedures(w, r.Context(), pg, http.StatusOK)
}

// procedure answers GET /quan-tri/thu-tuc/{code}: the form to change the procedure.
func (p *Pages) procedure(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "procedure")
	code := chi.URLParam(r, "code")
	list, err := p.Procedures.List(r.Context())
	if err != nil {
		p.fail(w, pg, err)
		return
	}
	for _, pr := range list {
		if pr.Code == code {
			pg.Procedure = formOf(pr)
		}
	}
	if !pg.Procedure.Exists {
		p.fail(w, pg, app.ErrNoSuchEntry)
		return
	}
	p.showProcedures(w, r.Context(), pg, http.StatusOK)
}

// showProcedures fills the procedures matching pg.Query and the form's choices into pg
// and renders it.
func (p *Pages) showProcedures(w http.ResponseWriter, ctx context.Context, pg *page, status int) {
	list, err := p.Procedures.List(ctx)
	if err != nil {
		p.fail(w, pg, err)
		return
	}
	pg.ProcedureList = app.MatchProcedures(list, pg.Query)
	pg.Kinds = choices(decidingKinds, func(k string) string { return pg.Kind(catalog.OfficeKind(k)) }, pg.Procedure.Kind)
	p.render(w, status, pg)
}

// saveProcedure answers POST /quan-tri/thu-tuc (a new procedure) and POST
// /quan-tri/thu-tuc/{code} (a change). Dossiers already registered keep their time
// limit, appointment and fee; a change keeps the procedure's documents, which the API
// sets.
func (p *Pages) saveProcedure(w http.ResponseWriter, r *http.Request) {
	if !p.readForm(w, r) {
		return
	}
	code, create, name := chi.URLParam(r, "code"), false, "procedure"
	if code == "" {
		code, create, name = r.PostFormValue("code"), true, "procedures"
	}
	pg := p.newPage(w, r, name)
	f := procedureForm{Code: code, Name: r.PostFormValue("name"), Kind: r.PostFormValue("decided_by_kind"),
		Limit: strings.TrimSpace(r.PostFormValue("time_limit")), Unit: r.PostFormValue("time_unit"),
		Fee: strings.TrimSpace(r.PostFormValue("fee_vnd")), FeeVaries: r.PostFormValue("fee_varies") == "1",
		Online: r.PostFormValue("online") == "1", Exists: !create}
	pg.Procedure = f
	pr, unread := f.procedure()
	err := p.keepDocuments(r.Context(), &pr, create)
	if err == nil {
		err = p.Procedures.Save(r.Context(), pr, create)
	}
	if bad, ok := errors.AsType[app.Invalid](err); ok {
		maps.Copy(bad, unread)
		pg.invalid(bad)
		p.showProcedures(w, r.Context(), pg, http.StatusUnprocessableEntity)
		return
	}
	if err != nil {
		p.fail(w, pg, err)
		return
	}
	if create {
		done(w, r, ProceduresPath, "created")
		return
	}
	done(w, r, ProceduresPath+"/"+code, "saved")
}

// procedure reads the form's numbers: the time limit in working days or hours, the
// fee with or without dots between thousands. A number it cannot read is noted in
// unread and given a value the use case refuses, so nothing is saved and every
// field's error shows at once.
func (f procedureForm) procedure() (pr catalog.Procedure, unread app.Invalid) {
	unread = app.Invalid{}
	pr = catalog.Procedure{Code: f.Code, Name: f.Name, DecidedByKind: catalog.OfficeKind(f.Kind), FeeVaries: f.FeeVaries,
		Online: f.Online}
	n, err := strconv.Atoi(f.Limit)
	switch {
	case err != nil:
		unread["time_limit"] = "limit.number"
		pr.TimeLimitHours = -1
	case f.Unit == "hour" || n < 0:
		pr.TimeLimitHours = n
	default:
		pr.TimeLimitHours = min(n, app.MaxTimeLimitHours) * 8 // above the limit, and no overflow
	}
	if pr.FeeVND, err = htmlpage.ParseDong(f.Fee); err != nil {
		unread["fee_vnd"] = "fee.number"
		pr.FeeVND = -1
	}
	return pr, unread
}

// keepDocuments gives pr, a change of a procedure the form does not list the documents
// of, the documents the procedure has now.
func (p *Pages) keepDocuments(ctx context.Context, pr *catalog.Procedure, create bool) error {
	if create {
		return nil
	}
	list, err := p.Procedures.List(ctx)
	if err != nil {
		return err
	}
	for _, old := range list {
		if old.Code == pr.Code {
			pr.Documents = old.Documents
		}
	}
	return nil
}
