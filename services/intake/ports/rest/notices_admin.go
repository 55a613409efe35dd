package rest

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/notice"
	"github.com/motcua/motcua/services/platform/httpapi"
)

// queuedJSON is a queued notice as an administrator sees it.
type queuedJSON struct {
	ID        uuid.UUID  `json:"id"`
	Channel   string     `json:"channel"`
	Kind      string     `json:"kind"`
	Code      string     `json:"code"`
	State     string     `json:"state"`
	Tries     int        `json:"tries"`
	LastError string     `json:"last_error"`
	CreatedAt time.Time  `json:"created_at"`
	NextAt    *time.Time `json:"next_at"`
	SentAt    *time.Time `json:"sent_at"`
}

// notices answers GET /notices: the queued notices, newest first, by state (dead ones
// are the administrator's to look at), channel and dossier.
func (a *API) notices(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, _ := strconv.Atoi(q.Get("limit"))
	list, err := a.Notices.Queued(r.Context(), app.NoticeFilter{State: q.Get("state"), Channel: notice.Channel(q.Get("channel")),
		Code: q.Get("dossier"), Limit: limit})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := make([]queuedJSON, 0, len(list))
	for _, v := range list {
		j := queuedJSON{ID: v.ID, Channel: string(v.Channel), Kind: string(v.Kind), Code: v.Code, State: v.State,
			Tries: v.Tries, LastError: v.LastError, CreatedAt: v.CreatedAt}
		if !v.NextAt.IsZero() && v.State == "pending" {
			j.NextAt = &v.NextAt
		}
		if !v.SentAt.IsZero() {
			j.SentAt = &v.SentAt
		}
		out = append(out, j)
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteJSON(w, http.StatusOK, map[string]any{"items": out})
}

// sendNoticeAgain answers POST /notices/{id}/retry: the notice goes again now, under
// its id (202).
func (a *API) sendNoticeAgain(w http.ResponseWriter, r *http.Request) {
	id, err := uuid.Parse(chi.URLParam(r, "id"))
	if err == nil {
		err = a.Notices.Again(r.Context(), id)
	} else {
		err = app.ErrNotFound
	}
	if err != nil {
		if errors.Is(err, app.ErrNotFound) {
			err = httpapi.Problem(http.StatusNotFound, "", "notice_not_found")
		}
		a.fail(w, r, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusAccepted, map[string]string{"id": id.String(), "state": "pending"})
}
