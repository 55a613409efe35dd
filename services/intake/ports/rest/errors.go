package rest

import (
	"cmp"
	"errors"
	"net/http"
	"strings"

	"github.com/motcua/motcua/proto/vocabulary"
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
	var bad app.Invalid
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
	case errors.Is(err, app.ErrNoAccount):
		err = httpapi.Problem(http.StatusNotFound, "", "account_not_found")
	case errors.Is(err, app.ErrNoSuchEntry):
		err = httpapi.Problem(http.StatusNotFound, "", "entry_not_found")
	case errors.Is(err, app.ErrNoWebhook):
		err = httpapi.Problem(http.StatusNotFound, "", "webhook_not_found")
	case errors.Is(err, app.ErrNoDelivery):
		err = httpapi.Problem(http.StatusNotFound, "", "delivery_not_found")
	case errors.Is(err, app.ErrWebhookDisabled):
		err = httpapi.Problem(http.StatusConflict, "", "webhook_disabled")
	case errors.As(err, &bad):
		field := bad.First()
		err = &httpapi.Error{Status: http.StatusUnprocessableEntity, Code: strings.ReplaceAll(bad[field], ".", "_"),
			Field: cmp.Or(jsonField[field], field), Words: vocabulary.Problem("", bad[field])}
	case errors.Is(err, app.ErrBadCredentials):
		err = httpapi.Unauthorized("bad_credentials")
	}
	httpapi.WriteError(w, r, a.Log, err)
}

// jsonField is the API's name of the fields the administrator's use cases name as the
// pages' forms do.
var jsonField = map[string]string{"parent": "parent_code", "post_office": "post_office_code", "time_limit": "time_limit_hours"}
