package rest

import (
	"errors"
	"net/http"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/httpapi"
)

// fail answers with err: an error of the app or the domain as the contract's status
// code and body, worded by the catalogue in the request's language; anything else as
// httpapi.WriteError says.
func (a *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	var fe *dossier.FieldError
	var na *dossier.NotAllowedError
	var oe *dossier.OfficeError
	switch {
	case errors.As(err, &na):
		err = &httpapi.Error{Status: http.StatusConflict, Code: "action_not_allowed", Words: na.Words(dossier.ByCode)}
	case errors.As(err, &oe):
		err = &httpapi.Error{Status: http.StatusForbidden, Code: "forbidden", Words: oe.Words(oe.Office)}
	case errors.Is(err, app.ErrNotFound):
		err = httpapi.Problem(http.StatusNotFound, "", "dossier_not_found")
	case errors.As(err, &fe):
		err = &httpapi.Error{Status: http.StatusUnprocessableEntity, Code: fe.Code, Field: fe.Field, Words: fe.Words()}
	case errors.Is(err, app.ErrForbidden):
		err = httpapi.Forbidden("not_your_office")
	case errors.Is(err, app.ErrOutcomeUnknown):
		a.Log.WarnContext(r.Context(), "write outcome unknown", "path", r.URL.Path, "err", err.Error())
		e := httpapi.Problem(http.StatusServiceUnavailable, "", "outcome_unknown")
		e.RetryAfter = 5
		err = e
	case errors.Is(err, app.ErrBadCredentials):
		err = httpapi.Unauthorized("bad_credentials")
	}
	httpapi.WriteError(w, r, a.Log, err)
}
