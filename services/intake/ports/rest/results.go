package rest

import (
	"errors"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/ratelimit"
)

// The parts of a complete that carries its result's file: the command (JSON, as the
// body of any other action) and the file.
const (
	commandPart = "command"
	resultPart  = "result"
)

// NewResultGuard limits the wrong codes and PINs of the downloads of electronic results,
// as status's guard limits the lookup's: per client with wrongPINs, the limit of the
// citizens' other actions (NewPINLimit), so that a guesser has one budget across them;
// per dossier code 20, then one a minute, for the clients that failed on it only.
func NewResultGuard(wrongPINs *ratelimit.Limiter) *ratelimit.Guard {
	return ratelimit.NewGuard(wrongPINs, ratelimit.New(20, time.Minute, 100_000))
}

// isMultipart reports whether r's body is multipart/form-data.
func isMultipart(r *http.Request) bool {
	media, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && media == "multipart/form-data"
}

// completeWithResult answers POST /dossiers/{code}/actions/complete sent as
// multipart/form-data: the part "command" (JSON, as complete's body) and the part
// "result", the result's file (PDF, JPEG or PNG, judged and kept as a citizen's files
// are). The file is spooled to disk while it is read, never held whole in memory.
func (a *API) completeWithResult(w http.ResponseWriter, r *http.Request, key string) {
	command, uploads, done, err := a.readMultipart(w, r, commandPart)
	defer done()
	if err == nil && (len(uploads) > 1 || len(uploads) == 1 && uploads[0].Part != resultPart) {
		err = httpapi.Problem(http.StatusUnprocessableEntity, resultPart, "one_file")
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if command == nil {
		command = []byte("{}")
	}
	var c dossier.Command
	if err := httpapi.UnmarshalJSON(command, &c); err != nil {
		a.fail(w, r, err)
		return
	}
	who, code := auth.FromContext(r.Context()), chi.URLParam(r, "code")
	hashed := [][]byte{[]byte(r.URL.Path), command}
	for _, u := range uploads {
		hashed = append(hashed, []byte(u.Part), u.SHA256)
	}
	idem := app.Idempotency{Key: key, RequestHash: httpapi.RequestHash(hashed...)}
	var state app.State
	var replayed bool
	if len(uploads) == 0 {
		state, replayed, err = a.Processor.Act(r.Context(), who, code, dossier.ActComplete, c, idem)
	} else {
		state, replayed, err = a.Results.Complete(r.Context(), who, code, c, uploads[0], idem)
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpapi.WriteAnswer(w, http.StatusOK, state, replayed)
}

// attachResult answers POST /dossiers/{code}/files (multipart/form-data, one file): the
// office holding the dossier posts the result's file before it completes it (201), and
// complete names it by the id answered ("result_file_id").
func (a *API) attachResult(w http.ResponseWriter, r *http.Request) {
	_, uploads, done, err := a.readMultipart(w, r, "")
	defer done()
	if err == nil && len(uploads) != 1 {
		err = httpapi.Problem(http.StatusUnprocessableEntity, "file", "one_file")
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	f, err := a.Results.Attach(r.Context(), auth.FromContext(r.Context()), chi.URLParam(r, "code"), uploads[0])
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteJSON(w, http.StatusCreated, f)
}

// downloadResult answers GET /track/{code}/result?pin=: the citizen downloads the
// electronic result, the very bytes the office attached, shown inline as a handed-in
// file is. The first download returns the result. A code and PIN that do not match are
// 404, as at the lookup, and count against the client and the code (ResultGuard); a
// dossier with no electronic result to download is 409.
func (a *API) downloadResult(w http.ResponseWriter, r *http.Request) {
	now, client, code := time.Now(), httpapi.Client(r), strings.TrimSpace(chi.URLParam(r, "code"))
	if wait := a.ResultGuard.Wait(client, code, now); wait > 0 {
		a.fail(w, r, httpapi.TooMany("too_many_lookups", httpapi.RetryAfter(wait)))
		return
	}
	pin := r.URL.Query().Get("pin")
	if strings.TrimSpace(pin) == "" {
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "pin", "required"))
		return
	}
	wrong := func() {
		a.fail(w, r, httpapi.Problem(http.StatusNotFound, "", "wrong_code_or_pin"))
	}
	if !dossier.ValidCode(code) {
		// No dossier has such a code: counted against the client only, so that made-up
		// codes do not fill the per-code memory.
		a.ResultGuard.FailClient(client, now)
		wrong()
		return
	}
	f, err := a.Results.Download(r.Context(), code, pin)
	switch {
	case errors.Is(err, app.ErrWrongPIN):
		a.ResultGuard.Fail(client, code, now)
		wrong()
		return
	case errors.Is(err, dossier.ErrNoResult):
		a.fail(w, r, httpapi.Problem(http.StatusConflict, "", "no_electronic_result"))
		return
	case err != nil:
		a.fail(w, r, err)
		return
	}
	defer f.Body.Close()
	httpapi.ServeInline(r.Context(), w, a.Log, httpapi.InlineFile{ContentType: f.ContentType, Name: f.Name, Size: f.Size, SHA256: f.SHA256}, f.Body)
}
