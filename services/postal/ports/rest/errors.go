package rest

import (
	"context"
	"errors"
	"net/http"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/postal/app"
	"github.com/motcua/motcua/services/postal/domain/s10"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// fail maps an error of the app or domain to its HTTP answer, worded by the catalogue
// in the request's language.
func (a *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	var he *httpapi.Error
	var fe *shipment.FieldError
	var oe *shipment.OrderError
	var se *s10.Error
	switch {
	case errors.As(err, &he):
	case errors.Is(err, shipment.ErrSignatureTooLarge):
		he = &httpapi.Error{Status: http.StatusRequestEntityTooLarge, Code: "signature_too_large", Field: shipment.ErrSignatureTooLarge.Field,
			Words: shipment.ErrSignatureTooLarge.Words()}
	case errors.As(err, &fe):
		he = &httpapi.Error{Status: http.StatusUnprocessableEntity, Code: fe.Code, Field: fe.Field, Words: fe.Words()}
	case errors.As(err, &oe):
		he = &httpapi.Error{Status: http.StatusConflict, Code: "event_out_of_order", Words: oe.Words(shipment.ByCode)}
	case errors.As(err, &se):
		he = httpapi.Problem(http.StatusUnprocessableEntity, "tracking_number", "invalid_tracking_number", se.Words())
	case errors.Is(err, app.ErrForbidden):
		he = httpapi.Forbidden("shipment_forbidden")
	case errors.Is(err, app.ErrNotFound):
		he = &httpapi.Error{Status: http.StatusNotFound, Code: "not_found", Words: vocabulary.Problem("", "shipment_not_found")}
	case errors.Is(err, app.ErrEventReused):
		he = httpapi.Problem(http.StatusUnprocessableEntity, "event_id", "event_id_reused")
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		return // the client went away
	default:
		httpapi.WriteError(w, r, a.Log, err)
		return
	}
	httpapi.WriteError(w, r, a.Log, he)
}
