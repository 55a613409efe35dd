package citizenweb

import (
	"errors"
	"net/http"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/database"
)

// fail renders pg with an error of ours (the database, most likely) in words, 503 when
// the database is out of reach for a while or a write's outcome is not known, 500
// otherwise; the error is logged. The
// problems of what the citizen sent are told by each handler, beside their inputs.
func (p *Pages) fail(w http.ResponseWriter, r *http.Request, pg *page, err error) {
	status, problem := http.StatusInternalServerError, "internal"
	switch {
	case errors.Is(err, app.ErrOutcomeUnknown):
		// Sent again, the same form (its key) is answered as it was, or done once.
		status, problem = http.StatusServiceUnavailable, "outcome_unknown"
		w.Header().Set("Retry-After", "5")
	case database.Unavailable(err):
		status, problem = http.StatusServiceUnavailable, "temporarily_unavailable"
		w.Header().Set("Retry-After", "5")
	}
	p.Log.ErrorContext(r.Context(), "citizen's online page", "path", r.URL.Path, "err", err)
	pg.Name, pg.Error = "message", pg.Problem("", problem)
	p.render(w, status, pg)
}
