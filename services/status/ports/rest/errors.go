package rest

import (
	"errors"
	"net/http"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/status/app/citizen"
)

// fail answers with err: an error of the app as the contract's status code and error
// body, an *httpapi.Error (a request this port refused itself) as it says, anything
// else as the failure of ours it is.
func (a *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	var limited *citizen.LimitedError
	switch {
	case errors.As(err, &limited):
		err = httpapi.TooMany("too_many_lookups", httpapi.RetryAfter(limited.Wait))
	case errors.Is(err, citizen.ErrPINRequired):
		err = invalid("pin", "required")
	case errors.Is(err, citizen.ErrNotFound):
		// An unknown code and a wrong PIN are one answer, which names no field. It is
		// said in the request's language but, as the lookup's tests hold it, without a
		// Content-Language header (which words of the catalogue would add).
		err = &httpapi.Error{Status: http.StatusNotFound, Code: "dossier_not_found",
			Message: vocabulary.Problem("", "wrong_code_or_pin").In(httpapi.Language(r))}
	case errors.Is(err, citizen.ErrNotReturnedYet):
		err = httpapi.Problem(http.StatusConflict, "", "not_returned_yet")
	case errors.Is(err, citizen.ErrAlreadyRated):
		err = httpapi.Problem(http.StatusConflict, "", "already_rated")
	}
	httpapi.WriteError(w, r, a.Log, err)
}

// invalid is a 422 naming field, worded by the catalogue for field and code.
func invalid(field, code string, args ...any) error {
	return httpapi.Problem(http.StatusUnprocessableEntity, field, code, args...)
}
