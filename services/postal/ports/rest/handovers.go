package rest

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/postal/app"
	"github.com/motcua/motcua/services/postal/forms"
)

// maxHandoverBody bounds a record's body: MaxItems tracking numbers as a person may type
// them, with room to spare.
const maxHandoverBody = 64 << 10

// give answers POST /handovers: a postal worker draws up a hand-over record.
func (a *API) give(w http.ResponseWriter, r *http.Request) {
	key, err := httpapi.IdempotencyKey(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var in app.GiveInput
	if err := httpapi.DecodeJSON(w, r, &in, maxHandoverBody); err != nil {
		a.fail(w, r, err)
		return
	}
	var hash []byte
	if key != "" {
		in.Normalize()
		request, _ := json.Marshal(in) // strings only: it cannot fail
		hash = httpapi.RequestHash(request)
	}
	v, created, err := a.Handovers.Give(r.Context(), auth.FromContext(r.Context()), in, app.IdempotencyKey{Key: key, RequestHash: hash})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/handovers/"+v.ID)
	status := http.StatusCreated
	if !created {
		status = http.StatusOK
	}
	httpapi.WriteAnswer(w, status, v, !created)
}

// handoverID reads the {id} of the path; one that is not a UUID names no record.
func handoverID(r *http.Request) (uuid.UUID, error) {
	id, err := uuid.Parse(chi.URLParam(r, "id"))
	if err != nil {
		return uuid.Nil, app.ErrHandoverNotFound
	}
	return id, nil
}

// handover answers GET /handovers/{id}: the record and its items.
func (a *API) handover(w http.ResponseWriter, r *http.Request) {
	id, err := handoverID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	v, err := a.Handovers.Get(r.Context(), auth.FromContext(r.Context()), id)
	a.answer(w, r, http.StatusOK, v, err)
}

// maxConfirmBody bounds a confirmation's body: a signature of up to 256 KiB, in base64.
const maxConfirmBody = 512 << 10

// confirm answers POST /handovers/{id}/confirm: the receiving side signs the record,
// which delivers every item; sent again, the same answer.
func (a *API) confirm(w http.ResponseWriter, r *http.Request) {
	id, err := handoverID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var in app.ConfirmInput
	if err := httpapi.DecodeJSON(w, r, &in, maxConfirmBody); err != nil {
		a.fail(w, r, err)
		return
	}
	v, replayed, err := a.Handovers.Confirm(r.Context(), auth.FromContext(r.Context()), id, in)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpapi.WriteAnswer(w, http.StatusOK, v, replayed)
}

// handoverForm answers GET /handovers/{id}/form[?format=pdf]: the printed record, in
// HTML or PDF.
func (a *API) handoverForm(w http.ResponseWriter, r *http.Request) {
	format := r.URL.Query().Get("format")
	if format != "" && format != "html" && format != "pdf" {
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "format", "invalid_format"))
		return
	}
	id, err := handoverID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	h, err := a.Handovers.Printable(r.Context(), auth.FromContext(r.Context()), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out, err := forms.Render(h, format == "pdf", a.Shipments.Calendar.Calendar().Location())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	// The record names the staff of both sides; its style is inline and its signature a
	// data: image; it holds no script or form.
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", out.ContentType)
	w.Header().Set("Content-Security-Policy", htmlpage.Print)
	if out.FileName != "" {
		w.Header().Set("Content-Disposition", `inline; filename="`+out.FileName+`"`)
	}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(out.Body)
}
