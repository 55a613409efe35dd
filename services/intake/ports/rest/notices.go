package rest

import (
	"errors"
	"html/template"
	"net/http"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/httpapi"
)

// unsubscribePage asks the citizen who followed a notice's link to confirm; mail
// programs that unsubscribe in one click POST to the same address (RFC 8058).
var unsubscribePage = template.Must(template.New("unsubscribe").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title></head><body style="font-family:sans-serif;max-width:36em;margin:2em auto;padding:0 1em">
<h1>{{.Title}}</h1>{{if .Done}}<p role="status">{{.Done}}</p>{{else}}<p>{{.Ask}}</p>
<form method="post"><button type="submit">{{.Button}}</button></form>{{end}}</body></html>`))

// unsubscribe stops the notices of a dossier: GET asks, POST does it.
func (a *API) unsubscribe(w http.ResponseWriter, r *http.Request) {
	code, token := r.URL.Query().Get("code"), r.URL.Query().Get("t")
	lang := vocabulary.Vietnamese
	if r.URL.Query().Get("lang") == "en" {
		lang = vocabulary.English
	}
	word := func(key string) string { return vocabulary.Message("unsubscribe."+key, code).In(lang) }
	view := map[string]string{"Lang": string(lang), "Title": word("title"), "Ask": word("ask"),
		"Button": vocabulary.Message("unsubscribe.button").In(lang)}
	if r.Method == http.MethodPost {
		if err := a.Notices.Unsubscribe(r.Context(), code, token); err != nil {
			if errors.Is(err, app.ErrBadUnsubscribe) {
				err = httpapi.Problem(http.StatusUnprocessableEntity, "t", "unsubscribe_link_unknown")
			}
			a.fail(w, r, err)
			return
		}
		view["Done"] = word("done")
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_ = unsubscribePage.Execute(w, view)
}
