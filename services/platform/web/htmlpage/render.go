package htmlpage

import (
	"bytes"
	"html/template"
	"log/slog"
	"net/http"
)

// Render executes the template name of t with data and writes it with status. Pages
// hold personal data or a PIN, so none is stored. A template that fails is logged and
// answered with a plain 500, never with half a page.
func Render(w http.ResponseWriter, log *slog.Logger, t *template.Template, name string, data any, lang Lang, status int) {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		log.Error("render page", "template", name, "err", err)
		http.Error(w, "Internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Language", string(lang))
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
