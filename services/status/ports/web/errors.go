package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/status/app/citizen"
)

// fail renders pg with err in the catalogue's words (the API's) and the status code it
// calls for: the one place the pages turn an error of the app into an answer. The
// refusals of a rating keep the dossier shown; a failure of ours (the database, most
// likely) is logged.
func (p *Pages) fail(w http.ResponseWriter, r *http.Request, pg *page, err error) {
	var limited *citizen.LimitedError
	switch {
	case errors.As(err, &limited):
		w.Header().Set("Retry-After", strconv.Itoa(httpapi.RetryAfter(limited.Wait)))
		pg.Error = pg.Problem("", "too_many_lookups.wait", wait(pg.Lang, limited.Wait))
		p.render(w, http.StatusTooManyRequests, pg)
	case errors.Is(err, citizen.ErrPINRequired):
		pg.Error, pg.ErrorField = pg.Problem("pin", "required"), "pin"
		p.render(w, http.StatusUnprocessableEntity, pg)
	case errors.Is(err, citizen.ErrNotFound):
		pg.Error = pg.Problem("", "wrong_code_or_pin")
		p.render(w, http.StatusNotFound, pg)
	case errors.Is(err, citizen.ErrAlreadyRated):
		pg.Rating.Done, pg.Rating.Message = true, pg.Problem("", "already_rated")
		p.show(w, r, http.StatusConflict, pg)
	case errors.Is(err, citizen.ErrNotReturnedYet):
		pg.Rating.Done, pg.Rating.Message = true, pg.Problem("", "not_returned_yet")
		p.show(w, r, http.StatusConflict, pg)
	default:
		status, problem := http.StatusInternalServerError, "internal"
		if database.Unavailable(err) {
			status, problem = http.StatusServiceUnavailable, "temporarily_unavailable"
			w.Header().Set("Retry-After", "5")
		}
		p.Log.Error("citizen page", "path", r.URL.Path, "err", err)
		pg.Error = pg.Problem("", problem)
		p.render(w, status, pg)
	}
}
