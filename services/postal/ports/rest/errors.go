package rest

import (
	"errors"
	"net/http"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/s10"
	"github.com/motcua/motcua/services/postal/app"
	"github.com/motcua/motcua/services/postal/domain/handover"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// fail answers with err: an error of the app or the domain as the contract's status
// code and body, worded by the catalogue in the request's language; anything else as
// httpapi.WriteError says.
func (a *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	var fe *shipment.FieldError
	var oe *shipment.OrderError
	var se *s10.Error
	var nr *app.NotReceiverError
	var gone *app.ItemGoneError
	switch {
	case errors.Is(err, shipment.ErrSignatureTooLarge):
		err = &httpapi.Error{Status: http.StatusRequestEntityTooLarge, Code: "signature_too_large", Field: shipment.ErrSignatureTooLarge.Field,
			Words: shipment.ErrSignatureTooLarge.Words()}
	case errors.Is(err, handover.ErrSignatureTooLarge):
		err = &httpapi.Error{Status: http.StatusRequestEntityTooLarge, Code: "signature_too_large", Field: handover.ErrSignatureTooLarge.Field,
			Words: handover.ErrSignatureTooLarge.Words()}
	case errors.As(err, &fe):
		err = &httpapi.Error{Status: http.StatusUnprocessableEntity, Code: fe.Code, Field: fe.Field, Words: fe.Words()}
	case errors.As(err, &oe):
		err = &httpapi.Error{Status: http.StatusConflict, Code: "event_out_of_order", Words: oe.Words(shipment.ByCode)}
	case errors.As(err, &se):
		err = httpapi.Problem(http.StatusUnprocessableEntity, "tracking_number", "invalid_tracking_number", se.Words())
	case errors.Is(err, app.ErrNotHeld):
		err = httpapi.Problem(http.StatusForbidden, "", "dossier_not_held")
	case errors.Is(err, app.ErrNotFound):
		err = &httpapi.Error{Status: http.StatusNotFound, Code: "not_found", Words: vocabulary.Problem("", "shipment_not_found")}
	case errors.Is(err, app.ErrHandoverNotFound):
		err = &httpapi.Error{Status: http.StatusNotFound, Code: "not_found", Words: vocabulary.Problem("", "handover_not_found")}
	case errors.Is(err, app.ErrNotYourPostOffice):
		err = httpapi.Problem(http.StatusForbidden, "from_office", "not_your_post_office")
	case errors.As(err, &nr):
		err = &httpapi.Error{Status: http.StatusForbidden, Code: "handover_not_receiver", Words: nr.Words()}
	case errors.As(err, &gone):
		err = &httpapi.Error{Status: http.StatusConflict, Code: "handover_item_gone", Words: gone.Words()}
	case errors.Is(err, app.ErrEventReused):
		err = httpapi.Problem(http.StatusUnprocessableEntity, "event_id", "event_id_reused")
	}
	httpapi.WriteError(w, r, a.Log, err)
}
