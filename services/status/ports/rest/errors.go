package rest

import (
	"errors"
	"math"
	"net/http"

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
		secs := int(math.Ceil(limited.Wait.Seconds()))
		err = httpapi.TooMany("Too many failed lookups; wait a little and try again.", max(secs, 1))
	case errors.Is(err, citizen.ErrPINRequired):
		err = httpapi.Invalid("pin", "required", "Enter the PIN printed on your receipt.")
	case errors.Is(err, citizen.ErrNotFound):
		err = httpapi.NotFound("dossier_not_found", "No dossier matches this code and PIN; check both against your receipt.")
	case errors.Is(err, citizen.ErrNotReturnedYet):
		err = httpapi.Conflict("not_returned_yet",
			"The service can be rated once the result has been returned to you; try again after you receive it.")
	case errors.Is(err, citizen.ErrAlreadyRated):
		err = httpapi.Conflict("already_rated", "This dossier has already been rated; each dossier can be rated once.")
	}
	httpapi.WriteError(w, r, a.Log, err)
}
