package rest

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
)

// accountJSON is a staff account as the API shows it: never its password; its e-mail
// address null when it has none.
type accountJSON struct {
	Username string   `json:"username"`
	Role     string   `json:"role"`
	Offices  []string `json:"offices"`
	Disabled bool     `json:"disabled"`
	Email    *string  `json:"email"`
}

func accountOf(a app.Account) accountJSON {
	offices := a.Offices
	if offices == nil {
		offices = []string{}
	}
	out := accountJSON{Username: a.Username, Role: a.Role, Offices: offices, Disabled: a.Disabled}
	if a.Email != "" {
		out.Email = &a.Email
	}
	return out
}

// accounts answers GET /accounts: every staff account.
func (a *API) accounts(w http.ResponseWriter, r *http.Request) {
	list, err := a.Accounts.List(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := make([]accountJSON, 0, len(list))
	for _, acc := range list {
		out = append(out, accountOf(acc))
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteJSON(w, http.StatusOK, out)
}

// createAccount answers POST /accounts: a new account with a role, offices and a first
// password (201).
func (a *API) createAccount(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Username string   `json:"username"`
		Role     string   `json:"role"`
		Offices  []string `json:"offices"`
		Password string   `json:"password"`
		Email    string   `json:"email"`
	}
	if err := httpapi.DecodeJSON(w, r, &in, 16<<10); err != nil {
		a.fail(w, r, err)
		return
	}
	err := a.Accounts.Create(r.Context(), app.AccountInput{Username: in.Username, Role: in.Role, Offices: in.Offices,
		Password: in.Password, Email: in.Email})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.answerAccount(w, r, http.StatusCreated, app.NormalUsername(in.Username))
}

// changeAccount answers PATCH /accounts/{username}: a new role, new offices, a new
// e-mail address ("" takes it away), or the account disabled or enabled again; what the
// body leaves out stays. Every change but the address's ends the account's sessions.
func (a *API) changeAccount(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Role     *string   `json:"role"`
		Offices  *[]string `json:"offices"`
		Disabled *bool     `json:"disabled"`
		Email    *string   `json:"email"`
	}
	if err := httpapi.DecodeJSON(w, r, &in, 16<<10); err != nil {
		a.fail(w, r, err)
		return
	}
	ctx, who, username := r.Context(), auth.FromContext(r.Context()), chi.URLParam(r, "username")
	acc, ok, err := a.Accounts.Get(ctx, username)
	switch {
	case err != nil:
		a.fail(w, r, err)
		return
	case !ok:
		a.fail(w, r, app.ErrNoAccount)
		return
	}
	if in.Email != nil {
		if err := a.Accounts.SetEmail(ctx, username, *in.Email); err != nil {
			a.fail(w, r, err)
			return
		}
	}
	if in.Role != nil || in.Offices != nil {
		role, offices := acc.Role, acc.Offices
		if in.Role != nil {
			role = *in.Role
		}
		if in.Offices != nil {
			offices = *in.Offices
		}
		if err := a.Accounts.Change(ctx, who, username, role, offices); err != nil {
			a.fail(w, r, err)
			return
		}
	}
	if in.Disabled != nil && *in.Disabled != acc.Disabled {
		if err := a.Accounts.SetDisabled(ctx, who, username, *in.Disabled); err != nil {
			a.fail(w, r, err)
			return
		}
	}
	a.answerAccount(w, r, http.StatusOK, username)
}

// resetPassword answers POST /accounts/{username}/password: a new password, which ends
// the account's sessions (204).
func (a *API) resetPassword(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Password string `json:"password"`
	}
	if err := httpapi.DecodeJSON(w, r, &in, 4<<10); err != nil {
		a.fail(w, r, err)
		return
	}
	if err := a.Accounts.ResetPassword(r.Context(), chi.URLParam(r, "username"), in.Password); err != nil {
		a.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// answerAccount answers with the account username as it is now.
func (a *API) answerAccount(w http.ResponseWriter, r *http.Request, status int, username string) {
	acc, ok, err := a.Accounts.Get(r.Context(), username)
	switch {
	case err != nil:
		a.fail(w, r, err)
	case !ok:
		a.fail(w, r, app.ErrNoAccount)
	default:
		w.Header().Set("Cache-Control", "no-store")
		httpapi.WriteJSON(w, status, accountOf(acc))
	}
}
