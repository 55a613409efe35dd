package rest

import (
	"errors"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/contact"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/ratelimit"
)

// NewVerificationLimits are the limits per client of the citizens' verifications:
// codes asked for (20, then one every 3 minutes) and wrong codes (20, then one every
// 30 seconds), on top of the limits per address the use case keeps.
func NewVerificationLimits() (asked, wrong *ratelimit.Limiter) {
	return ratelimit.New(20, 3*time.Minute, 100_000), ratelimit.New(20, 30*time.Second, 100_000)
}

// startVerification answers POST /public/verifications {"email"} or {"phone"}: a code
// is on its way to that address (202).
func (a *API) startVerification(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Email string `json:"email"`
		Phone string `json:"phone"`
	}
	if err := httpapi.DecodeJSON(w, r, &in, 4<<10); err != nil {
		a.fail(w, r, err)
		return
	}
	var address contact.Address
	var ok bool
	switch {
	case in.Email != "" && in.Phone != "":
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "phone", "one_contact"))
		return
	case in.Email != "":
		if address, ok = contact.ParseEmail(in.Email); !ok {
			a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "email", "invalid_email"))
			return
		}
	case in.Phone != "":
		if address, ok = contact.ParsePhone(in.Phone); !ok {
			a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "phone", "invalid_phone"))
			return
		}
	default:
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "email", "required"))
		return
	}
	now, client := time.Now(), httpapi.Client(r)
	if blocked, wait := a.VerificationsAsked.Blocked(client, now); blocked {
		a.fail(w, r, httpapi.TooMany("too_many_verifications", httpapi.RetryAfter(wait)))
		return
	}
	a.VerificationsAsked.Fail(client, now) // every code asked for counts
	started, err := a.Verifications.Start(r.Context(), address, httpapi.Language(r))
	var many *app.TooManyCodesError
	switch {
	case errors.As(err, &many):
		a.fail(w, r, httpapi.TooMany("too_many_codes", httpapi.RetryAfter(many.Wait)))
		return
	case errors.Is(err, app.ErrChannelOff):
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, string(address.Channel), "channel_off"))
		return
	case errors.Is(err, app.ErrNotSent):
		a.Log.WarnContext(r.Context(), "verification code not sent", "channel", address.Channel, "err", err.Error())
		e := httpapi.Problem(http.StatusServiceUnavailable, "", "code_not_sent")
		e.RetryAfter = 30
		a.fail(w, r, e)
		return
	case err != nil:
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteJSON(w, http.StatusAccepted, map[string]any{"verification_id": started.ID, "expires_at": started.ExpiresAt})
}

// confirmVerification answers POST /public/verifications/{id} {"code"}: the right code
// gives a citizen's token for the address (200).
func (a *API) confirmVerification(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Code string `json:"code"`
	}
	if err := httpapi.DecodeJSON(w, r, &in, 4<<10); err != nil {
		a.fail(w, r, err)
		return
	}
	if in.Code == "" {
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "code", "otp_required"))
		return
	}
	now, client := time.Now(), httpapi.Client(r)
	if blocked, wait := a.VerificationsWrong.Blocked(client, now); blocked {
		a.fail(w, r, httpapi.TooMany("too_many_wrong_codes", httpapi.RetryAfter(wait)))
		return
	}
	id, err := uuid.Parse(chi.URLParam(r, "verification_id"))
	if err != nil {
		a.fail(w, r, httpapi.Problem(http.StatusNotFound, "", "verification_not_found"))
		return
	}
	tok, err := a.Verifications.Confirm(r.Context(), id, in.Code)
	switch {
	case errors.Is(err, app.ErrWrongCode):
		a.VerificationsWrong.Fail(client, now)
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "code", "wrong_code"))
		return
	case errors.Is(err, app.ErrVerificationGone):
		a.VerificationsWrong.Fail(client, now)
		a.fail(w, r, httpapi.Problem(http.StatusGone, "", "verification_gone"))
		return
	case errors.Is(err, app.ErrNoVerification):
		a.VerificationsWrong.Fail(client, now)
		a.fail(w, r, httpapi.Problem(http.StatusNotFound, "", "verification_not_found"))
		return
	case err != nil:
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteJSON(w, http.StatusOK, map[string]any{"contact_token": tok.Token, "token_type": "Bearer",
		"expires_in": int(tok.ExpiresIn.Seconds())})
}
