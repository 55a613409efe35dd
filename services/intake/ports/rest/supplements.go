package rest

import (
	"errors"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/ratelimit"
)

// notePart names the part of a supplement that carries the citizen's note.
const notePart = "note"

// NewPINLimit is the limit per client on wrong codes and PINs of citizens' own actions
// (20, then one every 30 seconds), as the lookup keeps.
func NewPINLimit() *ratelimit.Limiter { return ratelimit.New(20, 30*time.Second, 100_000) }

// supplement answers POST /public/dossiers/{code}/supplements?pin= (multipart: a note
// and files): the citizen sends what the office asked for (201). A code and PIN that do
// not match are 404, as at the lookup, and count against the client.
func (a *API) supplement(w http.ResponseWriter, r *http.Request) {
	key, err := httpapi.IdempotencyKey(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	now, client := time.Now(), httpapi.Client(r)
	if blocked, wait := a.WrongPINs.Blocked(client, now); blocked {
		a.fail(w, r, httpapi.TooMany("too_many_lookups", httpapi.RetryAfter(wait)))
		return
	}
	note, uploads, done, err := a.readMultipart(w, r, notePart)
	defer done()
	if err != nil {
		a.fail(w, r, err)
		return
	}
	pin := r.URL.Query().Get("pin")
	hashed := [][]byte{[]byte(pin), note} // a PIN that differs is another request
	for _, u := range uploads {
		hashed = append(hashed, []byte(u.Part), u.SHA256)
	}
	code := chi.URLParam(r, "code")
	answer, replayed, err := a.Online.Supplement(r.Context(), code, pin, string(note), uploads,
		app.Idempotency{Key: key, RequestHash: httpapi.RequestHash(hashed...)})
	if errors.Is(err, app.ErrWrongPIN) {
		a.WrongPINs.Fail(client, now)
		a.fail(w, r, httpapi.Problem(http.StatusNotFound, "", "wrong_code_or_pin"))
		return
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteAnswer(w, http.StatusCreated, answer, replayed)
}
