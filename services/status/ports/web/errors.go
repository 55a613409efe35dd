package web

import (
	"errors"
	"math"
	"net/http"
	"strconv"

	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/status/app/citizen"
)

// fail renders pg with err in words and the status code it calls for: the one place the
// pages turn an error of the app into an answer. The refusals of a rating keep the
// dossier shown; a failure of ours (the database, most likely) is logged.
func (p *Pages) fail(w http.ResponseWriter, r *http.Request, pg *page, err error) {
	var limited *citizen.LimitedError
	switch {
	case errors.As(err, &limited):
		w.Header().Set("Retry-After", strconv.Itoa(max(1, int(math.Ceil(limited.Wait.Seconds())))))
		pg.Error = pg.T("too.many", wait(pg.Lang, limited.Wait))
		p.render(w, http.StatusTooManyRequests, pg)
	case errors.Is(err, citizen.ErrPINRequired):
		pg.Error, pg.ErrorField = pg.T("need.pin"), "pin"
		p.render(w, http.StatusUnprocessableEntity, pg)
	case errors.Is(err, citizen.ErrNotFound):
		pg.Error = pg.T("not.found")
		p.render(w, http.StatusNotFound, pg)
	case errors.Is(err, citizen.ErrAlreadyRated):
		pg.Rating.Done, pg.Rating.Message = true, pg.T("rate.already")
		p.show(w, r, http.StatusConflict, pg)
	case errors.Is(err, citizen.ErrNotReturnedYet):
		pg.Rating.Done, pg.Rating.Message = true, pg.T("rate.not.yet")
		p.show(w, r, http.StatusConflict, pg)
	default:
		status := http.StatusInternalServerError
		if database.Unavailable(err) {
			status = http.StatusServiceUnavailable
			w.Header().Set("Retry-After", "5")
		}
		p.Log.Error("citizen page", "path", r.URL.Path, "err", err)
		pg.Error = pg.T("unavailable")
		p.render(w, status, pg)
	}
}
