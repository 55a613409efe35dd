package admin

import (
	"net/http"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/app"
)

// syncView is what the national sync's page shows: whether a portal is set up, the
// backlog, and the records the portal never took.
type syncView struct {
	On      bool
	Backlog app.SyncBacklog
	Failed  []app.SyncRecord
}

// nationalSync answers GET /quan-tri/dong-bo: the backlog and the failed records.
func (p *Pages) nationalSync(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "sync")
	b, err := p.NationalSync.Backlog(r.Context())
	var failed []app.SyncRecord
	if err == nil {
		failed, err = p.NationalSync.Failed(r.Context())
	}
	if err != nil {
		p.fail(w, pg, err)
		return
	}
	pg.Sync = syncView{On: p.SyncOn, Backlog: b, Failed: failed}
	p.render(w, http.StatusOK, pg)
}

// resendRecord answers POST /quan-tri/dong-bo/gui-lai: the record named id is sent
// again, and the records of its dossier held behind it follow.
func (p *Pages) resendRecord(w http.ResponseWriter, r *http.Request) {
	if !p.readForm(w, r) {
		return
	}
	pg := p.newPage(w, r, "sync")
	id, err := uuid.Parse(r.PostFormValue("id"))
	if err != nil {
		pg.Error = pg.T("bad.form")
		p.render(w, http.StatusBadRequest, pg)
		return
	}
	if err := p.NationalSync.Resend(r.Context(), id); err != nil {
		p.fail(w, pg, err)
		return
	}
	done(w, r, SyncPath, "sync.resent")
}
