package admin

import (
	"context"
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/google/uuid"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/eventtype"
)

// hooksView is what the webhooks' pages show.
type hooksView struct {
	List []app.Webhook
	// Hook is the endpoint of its own page; Deliveries its log, newest first.
	Hook       app.Webhook
	Deliveries []app.WebhookDelivery
	// Secret is a secret just made, shown this once.
	Secret string
	// URL and Events are the add form's, as typed.
	URL    string
	Events []option
}

// Event names an event type or pattern in the page's language.
func (pg *page) Event(typ string) string { return vocabulary.WebhookEvent(typ).In(pg.Lang) }

// webhooks answers GET /quan-tri/webhook: the endpoints and the form to add one.
func (p *Pages) webhooks(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "webhooks")
	p.showWebhooks(w, r.Context(), pg, http.StatusOK)
}

// showWebhooks fills the endpoints and the form's choices into pg and renders it.
func (p *Pages) showWebhooks(w http.ResponseWriter, ctx context.Context, pg *page, status int) {
	list, err := p.Webhooks.List(ctx)
	if err != nil {
		p.fail(w, pg, err)
		return
	}
	pg.Hooks.List = list
	pg.Hooks.Events = choices(eventtype.Patterns(), pg.Event, pg.Hooks.chosen()...)
	p.render(w, status, pg)
}

// chosen is the patterns ticked in the add form.
func (v hooksView) chosen() []string {
	var out []string
	for _, o := range v.Events {
		if o.Selected {
			out = append(out, o.Value)
		}
	}
	return out
}

// createWebhook answers POST /quan-tri/webhook: the endpoint is added and its secret
// shown on the list, this once (no redirect: nothing could show it again).
func (p *Pages) createWebhook(w http.ResponseWriter, r *http.Request) {
	if !p.readForm(w, r) {
		return
	}
	pg := p.newPage(w, r, "webhooks")
	url, events := r.PostFormValue("url"), r.PostForm["events"]
	hook, secret, err := p.Webhooks.Create(r.Context(), pg.Who.Username, url, events)
	if err != nil {
		if bad, ok := errors.AsType[app.Invalid](err); ok {
			pg.invalid(bad)
			pg.Hooks.URL = clip(url, app.MaxURLBytes)
			pg.Hooks.Events = choices(eventtype.Patterns(), pg.Event, events...)
			p.showWebhooks(w, r.Context(), pg, http.StatusUnprocessableEntity)
			return
		}
		p.fail(w, pg, err)
		return
	}
	pg.Notice = pg.T("ok.hook.created")
	pg.Hooks.Hook, pg.Hooks.Secret = hook, secret
	p.showWebhooks(w, r.Context(), pg, http.StatusOK)
}

// webhook answers GET /quan-tri/webhook/{webhook_id}: the endpoint, its log, and what
// can be done with it.
func (p *Pages) webhook(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "webhook")
	if !p.loadWebhook(w, r, pg) {
		return
	}
	p.showWebhook(w, r.Context(), pg, http.StatusOK)
}

// loadWebhook puts the endpoint of the path in pg, or answers 404.
func (p *Pages) loadWebhook(w http.ResponseWriter, r *http.Request, pg *page) bool {
	id, err := uuid.Parse(chi.URLParam(r, "webhook_id"))
	var hook app.Webhook
	if err == nil {
		hook, err = p.Webhooks.Get(r.Context(), id)
	} else {
		err = app.ErrNoWebhook
	}
	if err != nil {
		p.fail(w, pg, err)
		return false
	}
	pg.Hooks.Hook = hook
	return true
}

// showWebhook fills the endpoint's log into pg and renders it.
func (p *Pages) showWebhook(w http.ResponseWriter, ctx context.Context, pg *page, status int) {
	log, err := p.Webhooks.Deliveries(ctx, pg.Hooks.Hook.ID)
	if err != nil {
		p.fail(w, pg, err)
		return
	}
	pg.Hooks.Deliveries = log
	p.render(w, status, pg)
}

// testWebhook answers POST /quan-tri/webhook/{webhook_id}/thu: a test call is sent.
func (p *Pages) testWebhook(w http.ResponseWriter, r *http.Request) {
	p.onWebhook(w, r, func(pg *page) (string, error) {
		_, err := p.Webhooks.Test(r.Context(), pg.Hooks.Hook.ID)
		return "hook.tested", err
	})
}

// resendDelivery answers POST /quan-tri/webhook/{webhook_id}/gui-lai: the call named
// delivery_id is sent again.
func (p *Pages) resendDelivery(w http.ResponseWriter, r *http.Request) {
	p.onWebhook(w, r, func(pg *page) (string, error) {
		id, err := uuid.Parse(r.PostFormValue("delivery_id"))
		if err != nil {
			return "", app.ErrNoDelivery
		}
		return "hook.resent", p.Webhooks.Retry(r.Context(), pg.Hooks.Hook.ID, id)
	})
}

// rotateSecret answers POST /quan-tri/webhook/{webhook_id}/bi-mat: a new secret, shown
// this once, the old one signing beside it for a day.
func (p *Pages) rotateSecret(w http.ResponseWriter, r *http.Request) {
	if !p.readForm(w, r) {
		return
	}
	pg := p.newPage(w, r, "webhook")
	if !p.loadWebhook(w, r, pg) {
		return
	}
	secret, err := p.Webhooks.Rotate(r.Context(), pg.Hooks.Hook.ID)
	if err == nil {
		pg.Hooks.Hook, err = p.Webhooks.Get(r.Context(), pg.Hooks.Hook.ID)
	}
	if err != nil {
		p.fail(w, pg, err)
		return
	}
	pg.Notice, pg.Hooks.Secret = pg.T("ok.hook.rotated"), secret
	p.showWebhook(w, r.Context(), pg, http.StatusOK)
}

// deleteWebhook answers POST /quan-tri/webhook/{webhook_id}/xoa: the endpoint is
// removed, and the list says so.
func (p *Pages) deleteWebhook(w http.ResponseWriter, r *http.Request) {
	if !p.readForm(w, r) {
		return
	}
	pg := p.newPage(w, r, "webhook")
	if !p.loadWebhook(w, r, pg) {
		return
	}
	if err := p.Webhooks.Delete(r.Context(), pg.Hooks.Hook.ID); err != nil {
		p.fail(w, pg, err)
		return
	}
	done(w, r, WebhooksPath, "hook.deleted")
}

// onWebhook reads the form, loads the endpoint of the path and makes change; on
// success it comes back to the endpoint announcing the success change names, else
// shows why not.
func (p *Pages) onWebhook(w http.ResponseWriter, r *http.Request, change func(*page) (string, error)) {
	if !p.readForm(w, r) {
		return
	}
	pg := p.newPage(w, r, "webhook")
	if !p.loadWebhook(w, r, pg) {
		return
	}
	ok, err := change(pg)
	switch {
	case errors.Is(err, app.ErrWebhookDisabled):
		pg.Error = pg.T("hook.disabled.refused")
		p.showWebhook(w, r.Context(), pg, http.StatusConflict)
	case err != nil:
		p.fail(w, pg, err)
	default:
		done(w, r, WebhooksPath+"/"+pg.Hooks.Hook.ID.String(), ok)
	}
}
