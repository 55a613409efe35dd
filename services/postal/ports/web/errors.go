package web

import (
	"context"
	"errors"
	"net/http"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/s10"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/postal/app"
	"github.com/motcua/motcua/services/postal/domain/handover"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// problem is an error as the worker reads it: the HTTP status, the form's field it is
// about (none for the whole form), its words (the catalogue's, for a problem of the use
// cases) or the key of the page's own words, and whether sending again later may
// succeed.
type problem struct {
	status int
	field  string
	words  vocabulary.Words
	key    string
	retry  bool
}

// message is the problem in the page's language.
func (pe *problem) message(pg *page) string {
	if pe.key != "" {
		return pg.T(pe.key)
	}
	return pe.words.In(pg.Lang)
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
	"signature_png":        "signature",
}

// fieldProblem is the problem of a field of the event, beside the form's input for it.
func fieldProblem(status int, fe *shipment.FieldError) *problem {
	return &problem{status: status, field: formFields[fe.Field], words: fe.Words()}
}

// trackingProblem is the problem of a tracking number that is not one.
func trackingProblem(se *s10.Error) *problem {
	return &problem{status: http.StatusNotFound, words: vocabulary.Problem("", "invalid_tracking_number", se.Words())}
}

// problemOf is the problem of an error of the use cases; nil when the client went away.
// An unexpected error is logged (never with the form's personal data).
func (p *Pages) problemOf(w http.ResponseWriter, r *http.Request, pg *page, err error) *problem {
	var fe *shipment.FieldError
	var oe *shipment.OrderError
	var se *s10.Error
	var nr *app.NotReceiverError
	var gone *app.ItemGoneError
	switch {
	case errors.Is(err, shipment.ErrSignatureTooLarge):
		return fieldProblem(http.StatusRequestEntityTooLarge, shipment.ErrSignatureTooLarge)
	case errors.Is(err, handover.ErrSignatureTooLarge):
		return fieldProblem(http.StatusRequestEntityTooLarge, handover.ErrSignatureTooLarge)
	case errors.As(err, &fe):
		return fieldProblem(http.StatusUnprocessableEntity, fe)
	case errors.As(err, &oe):
		return &problem{status: http.StatusConflict, words: oe.Words(shipment.InWords)}
	case errors.As(err, &se):
		return trackingProblem(se)
	case errors.Is(err, app.ErrNotFound):
		return &problem{status: http.StatusNotFound, words: vocabulary.Problem("", "shipment_not_found")}
	case errors.Is(err, app.ErrHandoverNotFound):
		return &problem{status: http.StatusNotFound, words: vocabulary.Problem("", "handover_not_found")}
	case errors.Is(err, app.ErrNotYourPostOffice):
		return &problem{status: http.StatusForbidden, words: vocabulary.Problem("", "not_your_post_office")}
	case errors.As(err, &nr):
		return &problem{status: http.StatusForbidden, words: nr.Words()}
	case errors.As(err, &gone):
		return &problem{status: http.StatusConflict, words: gone.Words()}
	case errors.Is(err, app.ErrEventReused):
		return &problem{status: http.StatusUnprocessableEntity, words: vocabulary.Problem("event_id", "event_id_reused")}
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

// fail renders the page of an error reading a run sheet or a shipment.
func (p *Pages) fail(w http.ResponseWriter, r *http.Request, pg *page, err error) {
	pe := p.problemOf(w, r, pg, err)
	if pe == nil {
		return
	}
	pg.Name, pg.Error = "message", pe.message(pg)
	p.render(w, pe.status, pg)
}
