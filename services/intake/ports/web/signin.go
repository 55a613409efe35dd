package web

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/ports/rest"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/platform/web/session"
)

// signInForm answers GET /dang-nhap; a member of staff already signed in goes on, to
// the page asked for or to the home of their role.
func (p *Pages) signInForm(w http.ResponseWriter, r *http.Request) {
	next := session.Next(r.URL.Query().Get("next"), "")
	if who := session.Principal(p.Verifier, r); who != nil {
		http.Redirect(w, r, session.Next(next, session.Home(who.Role)), http.StatusSeeOther)
		return
	}
	pg := p.newPage(w, r, "signin")
	pg.Next = next
	switch {
	case r.URL.Query().Get("out") == "1":
		pg.Notice = pg.T("signed.out")
	case r.URL.Query().Get(session.EndedParam) == "1":
		pg.Notice = pg.T("account.changed")
	}
	p.render(w, http.StatusOK, pg)
}

// signIn answers POST /dang-nhap: the password checked as the API checks it, under the
// same limits of failed sign-ins; the token becomes the session.
func (p *Pages) signIn(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 8<<10)
	if err := r.ParseForm(); err != nil {
		pg := p.newPage(w, r, "signin")
		pg.Error = pg.T("bad.form")
		p.render(w, http.StatusBadRequest, pg)
		return
	}
	pg := p.newPage(w, r, "signin")
	pg.Next = session.Next(r.PostFormValue("next"), "")
	username, password := strings.TrimSpace(r.PostFormValue("username")), r.PostFormValue("password")
	pg.Username = username
	if len(pg.Username) > 64 {
		pg.Username = pg.Username[:64]
	}
	if !csrf.Valid(r) {
		pg.Error = pg.T("csrf")
		p.render(w, http.StatusForbidden, pg)
		return
	}
	switch {
	case username == "":
		pg.Errors["username"] = pg.T("need.username")
		p.render(w, http.StatusUnprocessableEntity, pg)
		return
	case password == "":
		pg.Errors["password"] = pg.T("need.password")
		p.render(w, http.StatusUnprocessableEntity, pg)
		return
	case len(username) > 64 || len(password) > 1024:
		pg.Error = pg.T("bad.password")
		p.render(w, http.StatusUnauthorized, pg)
		return
	}
	now := time.Now()
	if wait := rest.SignInWait(p.SignInGuard, r, username, now); wait > 0 {
		w.Header().Set("Retry-After", itoa(wait))
		pg.Error = pg.T("too.many", wait)
		p.render(w, http.StatusTooManyRequests, pg)
		return
	}
	tok, err := p.SignIn.Token(r.Context(), username, password)
	if errors.Is(err, app.ErrBadCredentials) {
		rest.SignInFailed(p.SignInGuard, r, username, now)
		pg.Error = pg.T("bad.password")
		p.render(w, http.StatusUnauthorized, pg)
		return
	}
	if err != nil {
		p.Log.Error("desk sign-in", "err", err)
		pg.Error = pg.T("unavailable")
		p.render(w, http.StatusServiceUnavailable, pg)
		return
	}
	session.Set(w, r, tok.AccessToken, time.Duration(tok.ExpiresIn)*time.Second)
	w.Header().Set("Cache-Control", "no-store")
	home := HomePath
	if who, err := p.Verifier.Verify(tok.AccessToken); err == nil {
		home = session.Home(who.Role)
	}
	http.Redirect(w, r, session.Next(pg.Next, home), http.StatusSeeOther)
}

// signOut answers POST /dang-xuat: the session's token ends in every service and its
// cookie is cleared.
func (p *Pages) signOut(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 8<<10)
	_ = r.ParseForm()
	if !csrf.Valid(r) {
		pg := p.newPage(w, r, "message")
		pg.Error = pg.T("csrf")
		p.render(w, http.StatusForbidden, pg)
		return
	}
	if who := session.Principal(p.Verifier, r); who != nil {
		if err := p.SignIn.SignOut(r.Context(), who); err != nil {
			p.Log.Error("desk sign-out", "err", err)
			pg := p.newPage(w, r, "message")
			pg.Error = pg.T("unavailable")
			p.render(w, http.StatusServiceUnavailable, pg)
			return
		}
	}
	session.Clear(w, r)
	http.Redirect(w, r, SignInPath+"?out=1", http.StatusSeeOther)
}
