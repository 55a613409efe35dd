package web

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/postal/app"
	"github.com/motcua/motcua/services/postal/domain/s10"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// problem is an error as the worker reads it: the HTTP status, the form's field it is
// about (none for the whole form), the words' key (or the words themselves), and
// whether sending again later may succeed.
type problem struct {
	status int
	field  string
	key    string
	words  string
	retry  bool
}

// message is the problem in the page's language. A key with a code falls back to the
// field's general words ("f.seal_number.too_long" to "f.seal_number").
func (pe *problem) message(pg *page) string {
	if pe.words != "" {
		return pe.words
	}
	if _, ok := texts[pe.key]; !ok {
		if i := strings.LastIndexByte(pe.key, '.'); i > 0 {
			if _, ok := texts[pe.key[:i]]; ok {
				return pg.T(pe.key[:i])
			}
		}
	}
	return pg.T(pe.key)
}

// formFields names the form's input for each field of the API's event; the others
// (event_id, type, occurred_at, proof) concern the whole form.
var formFields = map[string]string{
	"seal_number":          "seal_number",
	"reason_code":          "reason_code",
	"action_code":          "action_code",
	"proof.recipient_name": "recipient_name",
	"proof.relation":       "relation",
	"proof.id_last4":       "id_last4",
	"proof.signature_png":  "signature",
}

// problemOf is the problem of an error of the use cases; nil when the client went away.
// An unexpected error is logged (never with the form's personal data).
func (p *Pages) problemOf(w http.ResponseWriter, r *http.Request, pg *page, err error) *problem {
	var fe *shipment.FieldError
	var oe *shipment.OrderError
	var se *s10.Error
	switch {
	case errors.Is(err, shipment.ErrSignatureTooLarge):
		return &problem{status: http.StatusRequestEntityTooLarge, field: "signature", key: "f.signature.too_large"}
	case errors.As(err, &fe):
		field := formFields[fe.Field]
		name := field
		if name == "" {
			name = fe.Field
		}
		return &problem{status: http.StatusUnprocessableEntity, field: field, key: "f." + name + "." + fe.Code}
	case errors.As(err, &oe):
		return &problem{status: http.StatusConflict, words: orderWords(pg, oe)}
	case errors.As(err, &se):
		return &problem{status: http.StatusNotFound, key: "bad.tracking"}
	case errors.Is(err, app.ErrForbidden):
		return &problem{status: http.StatusForbidden, key: "forbidden"}
	case errors.Is(err, app.ErrNotFound):
		return &problem{status: http.StatusNotFound, key: "not.found"}
	case errors.Is(err, app.ErrEventReused):
		return &problem{status: http.StatusUnprocessableEntity, key: "f.event_id.event_id_reused"}
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		return nil
	case errors.Is(err, sealing.ErrTampered):
		// Not a busy server: waiting will not help, an administrator must look.
		p.Log.Error("postal page: sealed personal data does not open", "path", r.URL.Path)
		return &problem{status: http.StatusInternalServerError, key: "sealed"}
	}
	p.Log.Error("postal page", "path", r.URL.Path, "err", err)
	if database.Unavailable(err) {
		w.Header().Set("Retry-After", "5")
		return &problem{status: http.StatusServiceUnavailable, key: "unavailable", retry: true}
	}
	return &problem{status: http.StatusInternalServerError, key: "unavailable", retry: true}
}

// orderWords says why a step cannot be recorded now and which may come next.
func orderWords(pg *page, oe *shipment.OrderError) string {
	now := pg.StatusNow(string(oe.Status))
	if oe.Status.Terminal() {
		return pg.T("order.ended", pg.Status(string(oe.Type)), now)
	}
	if len(oe.Allowed) == 0 {
		return pg.T("order.none", pg.Status(string(oe.Type)), now)
	}
	next := make([]string, len(oe.Allowed))
	for i, t := range oe.Allowed {
		next[i] = "“" + pg.Status(string(t)) + "”"
	}
	return pg.T("order", pg.Status(string(oe.Type)), now, strings.Join(next, ", "))
}

// fail renders the page of an error reading a run sheet or a shipment.
func (p *Pages) fail(w http.ResponseWriter, r *http.Request, pg *page, err error) {
	pe := p.problemOf(w, r, pg, err)
	if pe == nil {
		return
	}
	pg.Name, pg.Error = "message", pe.message(pg)
	p.render(w, pe.status, pg)
}
