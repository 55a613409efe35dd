package rest

import (
	"bytes"
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/forms"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// form answers GET /dossiers/{code}/forms/{form}[?format=pdf]: a printable form of the
// dossier, in HTML or PDF.
func (a *API) form(w http.ResponseWriter, r *http.Request) {
	kind, ok := forms.ParseKind(chi.URLParam(r, "form"))
	if !ok {
		a.fail(w, r, noneOf("unknown_form", forms.Kinds()))
		return
	}
	format := r.URL.Query().Get("format")
	if format != "" && format != "html" && format != "pdf" {
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "format", "invalid_format"))
		return
	}
	d, err := a.Reader.Form(r.Context(), auth.FromContext(r.Context()), chi.URLParam(r, "code"), kind, a.PublicURL)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	render, contentType := forms.HTML, "text/html; charset=utf-8"
	if format == "pdf" {
		render, contentType = forms.PDF, "application/pdf"
	}
	if err := render(&buf, kind, d, a.Calendar.Calendar().Location()); err != nil {
		if errors.Is(err, forms.ErrNotAvailable) {
			err = httpapi.Problem(http.StatusNotFound, "", "form_not_available", vocabulary.Form(string(kind)))
		}
		a.fail(w, r, err)
		return
	}
	// The forms carry personal data and the lookup PIN.
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", contentType)
	// Its style is inline and its QR code a data: image; it holds no script or form.
	w.Header().Set("Content-Security-Policy", htmlpage.Print)
	if format == "pdf" {
		w.Header().Set("Content-Disposition", `inline; filename="`+d.Code+"-"+string(kind)+`.pdf"`)
	}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
}
