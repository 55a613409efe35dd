package rest

import (
	"context"
	"errors"
	"net/http"

	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/postal/app"
	"github.com/motcua/motcua/services/postal/domain/s10"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// fail maps an error of the app or domain to its HTTP answer.
func (a *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	var he *httpapi.Error
	var fe *shipment.FieldError
	var oe *shipment.OrderError
	var se *s10.Error
	switch {
	case errors.As(err, &he):
	case errors.Is(err, shipment.ErrSignatureTooLarge):
		he = &httpapi.Error{Status: http.StatusRequestEntityTooLarge, Code: "signature_too_large", Field: "proof.signature_png",
			Message: shipment.ErrSignatureTooLarge.Message}
	case errors.As(err, &fe):
		he = httpapi.Invalid(fe.Field, fe.Code, fe.Message)
	case errors.As(err, &oe):
		he = httpapi.Conflict("event_out_of_order", oe.Error())
	case errors.As(err, &se):
		he = httpapi.Invalid("tracking_number", "invalid_tracking_number", "This is not a valid tracking number: "+se.Detail+".")
	case errors.Is(err, app.ErrForbidden):
		he = httpapi.Forbidden("This shipment is not one of your offices' or post offices'.")
	case errors.Is(err, app.ErrNotFound):
		he = httpapi.NotFound("not_found", "The post knows no shipment (or post office, or dossier) with this code.")
	case errors.Is(err, app.ErrEventReused):
		he = httpapi.Invalid("event_id", "event_id_reused", "This event_id was sent for another shipment or with other content; make a new id for a new event.")
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		return // the client went away
	default:
		httpapi.WriteError(w, r, a.Log, err)
		return
	}
	httpapi.WriteError(w, r, a.Log, he)
}
