package admin

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/web/csrf"
)

// readForm reads a POSTed form of at most maxForm bytes and checks its CSRF token;
// when either fails it answers with a page saying so and returns false.
func (p *Pages) readForm(w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		pg := p.newPage(w, r, "message")
		status := http.StatusBadRequest
		if _, big := errors.AsType[*http.MaxBytesError](err); big {
			status = http.StatusRequestEntityTooLarge
		}
		pg.Error = pg.T("bad.form")
		p.render(w, status, pg)
		return false
	}
	if !csrf.Valid(r) {
		pg := p.newPage(w, r, "message")
		pg.Error = pg.T("csrf")
		p.render(w, http.StatusForbidden, pg)
		return false
	}
	return true
}

// done sends the administrator on to path, announcing the success ok.
func done(w http.ResponseWriter, r *http.Request, path, ok string) {
	u := url.URL{Path: path, RawQuery: url.Values{"ok": {ok}}.Encode()}
	http.Redirect(w, r, u.String(), http.StatusSeeOther)
}

// fail answers pg after err: a refused entry with the messages beside its fields
// (422), a missing entry (404), anything else as the service being unavailable,
// logged.
func (p *Pages) fail(w http.ResponseWriter, pg *page, err error) {
	var bad app.Invalid
	switch {
	case errors.As(err, &bad):
		pg.invalid(bad)
		p.render(w, http.StatusUnprocessableEntity, pg)
	case errors.Is(err, app.ErrNoSuchEntry), errors.Is(err, app.ErrNoAccount), errors.Is(err, app.ErrNoWebhook),
		errors.Is(err, app.ErrNoDelivery), errors.Is(err, app.ErrNoSyncRecord):
		pg.Name = "message"
		pg.Error = pg.T("not.found")
		p.render(w, http.StatusNotFound, pg)
	default:
		p.Log.Error("admin page", "page", pg.Name, "err", err)
		pg.Name = "message"
		pg.Error = pg.T("unavailable")
		p.render(w, http.StatusServiceUnavailable, pg)
	}
}

// clip cuts s, as typed, to at most n bytes to show it back, between letters rather
// than inside one.
func clip(s string, n int) string {
	if len(s) > n {
		s = s[:n]
	}
	return strings.ToValidUTF8(s, "")
}
