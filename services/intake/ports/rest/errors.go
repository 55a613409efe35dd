package rest

import (
	"context"
	"errors"
	"net/http"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/httpapi"
)

// fail maps an error of the app or domain to its HTTP answer.
func (a *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	var fe *dossier.FieldError
	var he *httpapi.Error
	var na *dossier.NotAllowedError
	var oe *dossier.OfficeError
	switch {
	case errors.As(err, &he):
	case errors.As(err, &na):
		he = httpapi.Conflict("action_not_allowed", na.Error())
	case errors.As(err, &oe):
		he = httpapi.Forbidden(oe.Error() + " Ask an administrator if you should belong to it.")
	case errors.Is(err, app.ErrNotFound):
		he = httpapi.NotFound("dossier_not_found", "There is no dossier with this code; check the code on the receipt.")
	case errors.As(err, &fe):
		he = httpapi.Invalid(fe.Field, fe.Code, fe.Message)
	case errors.Is(err, app.ErrForbidden):
		he = httpapi.Forbidden("You do not belong to this office; ask an administrator to add you to it.")
	case errors.Is(err, app.ErrBadCredentials):
		he = httpapi.Unauthorized("Wrong username or password.")
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		return // the client went away
	default:
		httpapi.WriteError(w, r, a.Log, err)
		return
	}
	httpapi.WriteError(w, r, a.Log, he)
}
