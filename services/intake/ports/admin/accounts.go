package admin

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/auth"
)

// accountForm is an account as the forms show it.
type accountForm struct {
	Username string
	Role     string
	Offices  []string
	Disabled bool
	// Email is where staff mail (the morning digest, the warnings of late dossiers)
	// reaches the holder; "" when nowhere.
	Email string
	// Self is the administrator's own account: its role and state are not theirs to change.
	Self bool
	// Exists is an account already stored (the change page), not a new one.
	Exists bool
}

// accounts answers GET /quan-tri/tai-khoan: every account and the form to add one.
func (p *Pages) accounts(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "accounts")
	pg.Account = accountForm{Role: auth.RoleDesk}
	p.showAccounts(w, r.Context(), pg, http.StatusOK)
}

// showAccounts fills the accounts and the form's choices into pg and renders it.
func (p *Pages) showAccounts(w http.ResponseWriter, ctx context.Context, pg *page, status int) {
	list, err := p.Accounts.List(ctx)
	if err == nil {
		pg.AccountList = list
		err = p.accountChoices(ctx, pg)
	}
	if err != nil {
		p.fail(w, pg, err)
		return
	}
	p.render(w, status, pg)
}

// accountChoices fills the roles and the offices an account may have.
func (p *Pages) accountChoices(ctx context.Context, pg *page) error {
	offices, err := p.Offices.List(ctx)
	if err != nil {
		return err
	}
	pg.Roles = choices(auth.Roles, pg.Role, pg.Account.Role)
	pg.OfficeBoxes = nil
	for _, o := range offices {
		pg.OfficeBoxes = append(pg.OfficeBoxes, choices([]string{o.Code}, func(string) string { return o.Name }, pg.Account.Offices...)...)
	}
	return nil
}

// createAccount answers POST /quan-tri/tai-khoan.
func (p *Pages) createAccount(w http.ResponseWriter, r *http.Request) {
	if !p.readForm(w, r) {
		return
	}
	pg := p.newPage(w, r, "accounts")
	in := app.AccountInput{Username: r.PostFormValue("username"), Role: r.PostFormValue("role"),
		Offices: r.PostForm["offices"], Password: r.PostFormValue("password"), Email: r.PostFormValue("email")}
	pg.Account = accountForm{Username: clip(in.Username, 64), Role: in.Role, Offices: in.Offices, Email: clip(in.Email, 254)}
	if err := p.Accounts.Create(r.Context(), in); err != nil {
		if bad, ok := errors.AsType[app.Invalid](err); ok {
			pg.invalid(bad)
			p.showAccounts(w, r.Context(), pg, http.StatusUnprocessableEntity)
			return
		}
		p.fail(w, pg, err)
		return
	}
	done(w, r, AccountsPath, "created")
}

// account answers GET /quan-tri/tai-khoan/{username}: the account's role, offices,
// password and state.
func (p *Pages) account(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "account")
	if !p.loadAccount(w, r, pg) {
		return
	}
	p.showAccount(w, r.Context(), pg, http.StatusOK)
}

// loadAccount puts the account of the path in pg, or answers 404.
func (p *Pages) loadAccount(w http.ResponseWriter, r *http.Request, pg *page) bool {
	name := chi.URLParam(r, "username")
	acc, ok, err := p.Accounts.Get(r.Context(), name)
	if err == nil && !ok {
		err = app.ErrNoAccount
	}
	if err != nil {
		p.fail(w, pg, err)
		return false
	}
	pg.Account = accountForm{Username: acc.Username, Role: acc.Role, Offices: acc.Offices, Disabled: acc.Disabled,
		Email: acc.Email, Self: acc.Username == pg.Who.Username, Exists: true}
	return true
}

// showAccount fills the form's choices for the account in pg and renders it.
func (p *Pages) showAccount(w http.ResponseWriter, ctx context.Context, pg *page, status int) {
	if err := p.accountChoices(ctx, pg); err != nil {
		p.fail(w, pg, err)
		return
	}
	p.render(w, status, pg)
}

// changeAccount answers POST /quan-tri/tai-khoan/{username}: a new role and offices,
// and a new e-mail address when the form carries one ("" takes it away). Only a change
// of role or offices ends the account's sessions.
func (p *Pages) changeAccount(w http.ResponseWriter, r *http.Request) {
	p.onAccount(w, r, func(pg *page) (string, error) {
		was := pg.Account
		pg.Account.Role, pg.Account.Offices = r.PostFormValue("role"), r.PostForm["offices"]
		if _, sent := r.PostForm["email"]; sent {
			pg.Account.Email = clip(r.PostFormValue("email"), 254)
			if err := p.Accounts.SetEmail(r.Context(), was.Username, pg.Account.Email); err != nil {
				return "", err
			}
		}
		if pg.Account.Role == was.Role && sameOffices(pg.Account.Offices, was.Offices) {
			return "saved", nil
		}
		return "saved", p.Accounts.Change(r.Context(), pg.Who, pg.Account.Username, pg.Account.Role, pg.Account.Offices)
	})
}

// sameOffices reports whether the offices ticked are the account's, in whatever order.
func sameOffices(ticked, had []string) bool {
	set := map[string]bool{}
	for _, o := range ticked {
		if o = strings.TrimSpace(o); o != "" {
			set[o] = true
		}
	}
	if len(set) != len(had) {
		return false
	}
	for _, o := range had {
		if !set[o] {
			return false
		}
	}
	return true
}

// resetPassword answers POST /quan-tri/tai-khoan/{username}/mat-khau.
func (p *Pages) resetPassword(w http.ResponseWriter, r *http.Request) {
	p.onAccount(w, r, func(pg *page) (string, error) {
		return "password", p.Accounts.ResetPassword(r.Context(), pg.Account.Username, r.PostFormValue("password"))
	})
}

// setDisabled answers POST /quan-tri/tai-khoan/{username}/trang-thai: disabled=1
// disables the account, disabled=0 enables it.
func (p *Pages) setDisabled(w http.ResponseWriter, r *http.Request) {
	p.onAccount(w, r, func(pg *page) (string, error) {
		disabled, ok := r.PostFormValue("disabled") == "1", "enabled"
		if disabled {
			ok = "disabled"
		}
		return ok, p.Accounts.SetDisabled(r.Context(), pg.Who, pg.Account.Username, disabled)
	})
}

// onAccount reads the form, loads the account of the path and makes change; on
// success it comes back to the account announcing the success change names, else
// shows why not.
func (p *Pages) onAccount(w http.ResponseWriter, r *http.Request, change func(*page) (string, error)) {
	if !p.readForm(w, r) {
		return
	}
	pg := p.newPage(w, r, "account")
	if !p.loadAccount(w, r, pg) {
		return
	}
	ok, err := change(pg)
	if err != nil {
		if bad, isBad := errors.AsType[app.Invalid](err); isBad {
			pg.invalid(bad)
			p.showAccount(w, r.Context(), pg, http.StatusUnprocessableEntity)
			return
		}
		p.fail(w, pg, err)
		return
	}
	done(w, r, AccountsPath+"/"+pg.Account.Username, ok)
}
