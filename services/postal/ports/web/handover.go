package web

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/platform/web/session"
	"github.com/motcua/motcua/services/postal/app"
	"github.com/motcua/motcua/services/postal/domain/handover"
	"github.com/motcua/motcua/services/postal/domain/shipment"
	"github.com/motcua/motcua/services/postal/forms"
)

// The hand-over pages' addresses: the postal worker draws a record up under the post's
// pages; both sides read it, and the receiving side confirms it, at HandoversPath.
const (
	GivePath      = "/buu-chinh/ban-giao"
	HandoversPath = "/ban-giao"
)

// handoverPath is the page of the record with id.
func handoverPath(id string) string { return HandoversPath + "/" + id }

// maxGiveBody bounds a record's form: handover.MaxItems numbers as typed, and the rest.
const maxGiveBody = 64 << 10

// give answers GET /buu-chinh/ban-giao[?office=]: the form of a new record, for the
// worker's post office (the first of theirs, or the one picked), with the offices it
// has items for.
func (p *Pages) give(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "give")
	if !p.giveForm(w, r, pg, r.URL.Query().Get("office")) {
		return
	}
	p.render(w, http.StatusOK, pg)
}

// giveForm fills pg with the form of a new record from the worker's post office office
// (their first when it is not theirs); when it cannot, it renders why and reports false.
func (p *Pages) giveForm(w http.ResponseWriter, r *http.Request, pg *page, office string) bool {
	if len(pg.Who.Offices) == 0 {
		pg.Name, pg.Error = "message", pg.T("no.office")
		p.render(w, http.StatusForbidden, pg)
		return false
	}
	if !slices.Contains(pg.Who.Offices, office) {
		office = pg.Who.Offices[0]
	}
	pg.Office = office
	waiting, err := p.Handovers.Waiting(r.Context(), pg.Who, office)
	if err != nil {
		p.fail(w, r, pg, err)
		return false
	}
	for _, o := range waiting {
		name := p.officeName(r, o.Office)
		pg.Offices = append(pg.Offices, option{Value: o.Office, Label: pg.T("handover.waiting", name, o.Count),
			Selected: o.Office == pg.Values["to_office"]})
	}
	if pg.Values["key"] == "" {
		pg.Values["key"] = uuid.NewString()
	}
	return true
}

// officeName is the name of the office with code, from the post's copy (its code when
// it has none).
func (p *Pages) officeName(r *http.Request, code string) string {
	o, ok, err := p.Shipments.Store.Office(r.Context(), code)
	if err != nil || !ok {
		return code
	}
	return o.Name
}

// giveSubmit answers POST /buu-chinh/ban-giao: the worker's record, its numbers typed or
// scanned in one box, drawn up by the same use case as the API's; the key made with the
// form makes the same form sent twice one record. It leads to the record's page, or
// shows the form again with the problem beside its field.
func (p *Pages) giveSubmit(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "give")
	r.Body = http.MaxBytesReader(w, r.Body, maxGiveBody)
	if err := r.ParseForm(); err != nil {
		pg.Name, pg.Error = "message", pg.T("bad.form")
		p.render(w, http.StatusBadRequest, pg)
		return
	}
	if !csrf.Valid(r) {
		pg.Name, pg.Error = "message", pg.T("csrf")
		p.render(w, http.StatusForbidden, pg)
		return
	}
	for _, k := range []string{"to_office", "tracking_numbers", "key"} {
		pg.Values[k] = r.PostFormValue(k)
	}
	in := app.GiveInput{FromOffice: r.PostFormValue("from_office"), ToOffice: r.PostFormValue("to_office"),
		TrackingNumbers: handover.Numbers(r.PostFormValue("tracking_numbers"))}
	in.Normalize()
	request, _ := json.Marshal(in) // strings only: it cannot fail
	key := app.IdempotencyKey{Key: strings.TrimSpace(r.PostFormValue("key")),
		RequestHash: httpapi.RequestHash([]byte("web"), request)}
	if _, err := uuid.Parse(key.Key); err != nil {
		key = app.IdempotencyKey{} // a form that lost its key still draws one record up
	}
	v, _, err := p.Handovers.Give(r.Context(), pg.Who, in, key)
	if err == nil {
		http.Redirect(w, r, handoverPath(v.ID)+"?done=given", http.StatusSeeOther)
		return
	}
	var fe *shipment.FieldError
	if !errors.As(err, &fe) {
		p.fail(w, r, pg, err)
		return
	}
	if !p.giveForm(w, r, pg, in.FromOffice) {
		return
	}
	field := fe.Field
	if strings.HasPrefix(field, handover.Field) {
		field = handover.Field
	}
	if field != "to_office" && field != handover.Field {
		field = "" // the key reused with other numbers: the whole form's
	}
	if field == "" {
		pg.Error = fe.Words().In(pg.Lang)
	} else {
		pg.Errors[field] = fe.Words().In(pg.Lang)
	}
	p.render(w, http.StatusUnprocessableEntity, pg)
}

// handoverList answers GET /ban-giao: the latest records the member of staff's offices
// gave or received, those still to confirm first among them as they come.
func (p *Pages) handoverList(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "handovers")
	list, err := p.Handovers.Of(r.Context(), pg.Who)
	if err != nil {
		p.fail(w, r, pg, err)
		return
	}
	pg.Handovers = list
	p.render(w, http.StatusOK, pg)
}

// handoverPage answers GET /ban-giao/{id}[?done=given|confirmed]: the record, its items
// and, for the receiving side while it is open, the form that confirms it.
func (p *Pages) handoverPage(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "handover")
	if !p.loadHandover(w, r, pg) {
		return
	}
	switch r.URL.Query().Get("done") {
	case "given":
		pg.Notice = pg.T("handover.given", pg.Handover.Number)
	case "confirmed":
		pg.Notice = pg.T("handover.confirmed.notice", pg.Handover.ItemCount)
	}
	p.render(w, http.StatusOK, pg)
}

// loadHandover reads the record of the path into pg; when it cannot, it renders the
// reason and reports false.
func (p *Pages) loadHandover(w http.ResponseWriter, r *http.Request, pg *page) bool {
	id, err := uuid.Parse(chi.URLParam(r, "id"))
	if err != nil {
		err = app.ErrHandoverNotFound
	}
	var v app.HandoverView
	if err == nil {
		v, err = p.Handovers.Get(r.Context(), pg.Who, id)
	}
	if err != nil {
		p.fail(w, r, pg, err)
		return false
	}
	pg.Handover, pg.CanConfirm = &v, app.CanConfirm(pg.Who, v)
	return true
}

// maxHandoverConfirmBody bounds a confirmation's form: a signature of up to 256 KiB, as
// a base64 data URL, URL-encoded, and the rest.
const maxHandoverConfirmBody = 1 << 20

// confirmHandover answers POST /ban-giao/{id}: the receiving side's confirmation with
// the signature drawn on the screen, by the same use case as the API's; it leads back to
// the record, or shows it again with the problem.
func (p *Pages) confirmHandover(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "handover")
	r.Body = http.MaxBytesReader(w, r.Body, maxHandoverConfirmBody)
	var pe *problem
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			pe = &problem{status: http.StatusRequestEntityTooLarge, field: "signature", words: handover.ErrSignatureTooLarge.Words()}
		} else {
			pe = &problem{status: http.StatusBadRequest, key: "bad.form"}
		}
	} else if !csrf.Valid(r) {
		pe = &problem{status: http.StatusForbidden, key: "csrf"}
	}
	id, err := uuid.Parse(chi.URLParam(r, "id"))
	if pe == nil && err != nil {
		pe = p.problemOf(w, r, pg, app.ErrHandoverNotFound)
	}
	if pe == nil {
		var in app.ConfirmInput
		in, pe = readSignature(r.PostFormValue("signature_png"))
		if pe == nil {
			if _, _, err := p.Handovers.Confirm(r.Context(), pg.Who, id, in); err != nil {
				pe = p.problemOf(w, r, pg, err)
				if pe == nil {
					return // the client went away
				}
			} else {
				http.Redirect(w, r, handoverPath(id.String())+"?done=confirmed", http.StatusSeeOther)
				return
			}
		}
	}
	msg := pe.message(pg)
	if pe.status == http.StatusNotFound || pe.status == http.StatusForbidden || pe.status >= 500 || pe.status == http.StatusBadRequest {
		pg.Name, pg.Error = "message", msg
		p.render(w, pe.status, pg)
		return
	}
	if !p.loadHandover(w, r, pg) {
		return
	}
	if pe.field != "" {
		pg.Errors[pe.field] = msg
	} else {
		pg.Error = msg
	}
	p.render(w, pe.status, pg)
}

// readSignature reads the signature pad's data URL into a confirmation.
func readSignature(s string) (app.ConfirmInput, *problem) {
	if s == "" {
		return app.ConfirmInput{}, nil // the use case says it is required, in its words
	}
	if !strings.HasPrefix(s, signaturePrefix) {
		return app.ConfirmInput{}, handoverNotPNG
	}
	b, err := base64.StdEncoding.DecodeString(s[len(signaturePrefix):])
	if err != nil {
		return app.ConfirmInput{}, handoverNotPNG
	}
	return app.ConfirmInput{SignaturePNG: b}, nil
}

// handoverNotPNG is the problem of a signature the pad did not give as a PNG.
var handoverNotPNG = &problem{status: http.StatusUnprocessableEntity, field: "signature",
	words: shipment.Invalid("signature_png", "not_png").Words()}

// printHandover answers GET /ban-giao/{id}/in[?format=pdf]: the printed record, in HTML
// or PDF, as the API prints it.
func (p *Pages) printHandover(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "message")
	id, err := uuid.Parse(chi.URLParam(r, "id"))
	if err != nil {
		err = app.ErrHandoverNotFound
	}
	var h forms.Handover
	if err == nil {
		h, err = p.Handovers.Printable(r.Context(), pg.Who, id)
	}
	var out forms.Printed
	if err == nil {
		out, err = forms.Render(h, r.URL.Query().Get("format") == "pdf", p.Shipments.Calendar.Calendar().Location())
	}
	if err != nil {
		p.fail(w, r, pg, err)
		return
	}
	hd := w.Header()
	hd.Set("Cache-Control", "no-store")
	hd.Set("Content-Type", out.ContentType)
	hd.Set("Content-Security-Policy", htmlpage.Print)
	if out.FileName != "" {
		hd.Set("Content-Disposition", `inline; filename="`+out.FileName+`"`)
	}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(out.Body)
}

// refuseHandover tells a member of staff of a role that takes no part in hand-overs
// (or, on the confirmation, a postal worker) that the page is not theirs.
func (p *Pages) refuseHandover(w http.ResponseWriter, r *http.Request, who *auth.Principal) {
	pg := p.newPage(w, r, "message")
	pg.Error = pg.T("handover.refused", who.Role)
	pg.Home = session.Home(who.Role)
	p.render(w, http.StatusForbidden, pg)
}

// Number writes a record's number as it is printed: "12/BBGN".
func (pg *page) Number(n int64) string { return strconv.FormatInt(n, 10) + "/BBGN" }

// PrintPath is the page's address of the printed record with id, as a PDF when pdf.
func (pg *page) PrintPath(id string, pdf bool) string {
	if pdf {
		return handoverPath(id) + "/in?format=pdf"
	}
	return handoverPath(id) + "/in"
}

// HandoverStatus is a record's status in the page's language.
func (pg *page) HandoverStatus(s string) string { return handover.Status(s).Words().In(pg.Lang) }
