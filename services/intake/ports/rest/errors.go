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
		he = &httpapi.Error{Status: http.StatusConflict, Code: "action_not_allowed", Words: na.Words(dossier.ByCode)}
	case errors.As(err, &oe):
		he = &httpapi.Error{Status: http.StatusForbidden, Code: "forbidden", Words: oe.Words(oe.Office)}
	case errors.Is(err, app.ErrNotFound):
		he = httpapi.Problem(http.StatusNotFound, "", "dossier_not_found")
	case errors.As(err, &fe):
		he = &httpapi.Error{Status: http.StatusUnprocessableEntity, Code: fe.Code, Field: fe.Field, Words: fe.Words()}
	case errors.Is(err, app.ErrForbidden):
		he = httpapi.Forbidden("not_your_office")
	case errors.Is(err, app.ErrBadCredentials):
		he = httpapi.Unauthorized("bad_credentials")
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		return // the client went away
	default:
		httpapi.WriteError(w, r, a.Log, err)
		return
	}
	httpapi.WriteError(w, r, a.Log, he)
}
