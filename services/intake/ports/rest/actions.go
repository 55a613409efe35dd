package rest

import (
	"errors"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
)

// act answers POST /dossiers/{code}/actions/{action}: a step of the dossier's life, its
// command in JSON; a complete may come as multipart/form-data with its result's file
// (completeWithResult).
func (a *API) act(w http.ResponseWriter, r *http.Request) {
	action, ok := dossier.ParseAction(chi.URLParam(r, "action"))
	if !ok {
		a.fail(w, r, noneOf("unknown_action", dossier.Actions))
		return
	}
	key, err := httpapi.IdempotencyKey(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if isMultipart(r) {
		if action != dossier.ActComplete {
			a.fail(w, r, httpapi.Problem(http.StatusUnsupportedMediaType, "", "multipart_only_complete"))
			return
		}
		a.completeWithResult(w, r, key)
		return
	}
	// An action without fields (accept, return) may come without a body: it reads as {}.
	body := []byte("{}")
	if r.ContentLength != 0 {
		read, err := httpapi.ReadBody(w, r, httpapi.DefaultBodyLimit)
		var he *httpapi.Error
		switch {
		case errors.As(err, &he) && he.Code == "empty_body":
		case err != nil:
			a.fail(w, r, err)
			return
		default:
			body = read
		}
	}
	var c dossier.Command
	if err := httpapi.UnmarshalJSON(body, &c); err != nil {
		a.fail(w, r, err)
		return
	}
	// The key answers for this request only: the same key on another dossier or action
	// is a different request.
	state, replayed, err := a.Processor.Act(r.Context(), auth.FromContext(r.Context()), chi.URLParam(r, "code"),
		action, c, app.Idempotency{Key: key, RequestHash: httpapi.RequestHash([]byte(r.URL.Path), body)})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpapi.WriteAnswer(w, http.StatusOK, state, replayed)
}

// dossier answers GET /dossiers/{code}: the whole dossier, for the staff of its offices.
func (a *API) dossier(w http.ResponseWriter, r *http.Request) {
	d, err := a.Reader.Dossier(r.Context(), auth.FromContext(r.Context()), chi.URLParam(r, "code"))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteJSON(w, http.StatusOK, d)
}

// search answers GET /dossiers/search?name=&id_number=&phone=: the dossiers of the
// caller's offices whose applicant matches, for a citizen without the receipt.
func (a *API) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for _, k := range []string{"name", "id_number", "phone"} {
		if len(q.Get(k)) > 1000 {
			a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, k, "too_long"))
			return
		}
	}
	hits, err := a.Reader.Search(r.Context(), auth.FromContext(r.Context()), app.SearchInput{
		Name: q.Get("name"), IDNumber: strings.TrimSpace(q.Get("id_number")), Phone: q.Get("phone")})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteJSON(w, http.StatusOK, map[string]any{"items": hits})
}
