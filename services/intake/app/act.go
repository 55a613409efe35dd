package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/intake/events"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/worktime"
)

// Processor takes the actions of the one-stop rules on dossiers: hand-overs, supplement
// requests, extensions, results, returns.
type Processor struct {
	Store   *store.Store
	Catalog *Catalog
	// Calendar is the working-time calendar in force.
	Calendar *worktime.Live
	Sealer   *sealing.Sealer
	Relay    Notifier
	Now      func() time.Time
}

// actorOf is the domain's view of the member of staff behind a request.
func actorOf(p *auth.Principal) dossier.Actor {
	return dossier.Actor{Username: p.Username, Offices: p.Offices}
}

// Act takes action on the dossier with code for who, with command c. With an
// idempotency key seen before it returns the first answer (as *Replayed) and does
// nothing. It fails with ErrNotFound, a *dossier.FieldError, a *dossier.OfficeError or a
// *dossier.NotAllowedError.
func (p *Processor) Act(ctx context.Context, who *auth.Principal, code string, action dossier.Action,
	c dossier.Command, idem Idempotency) (*State, *Replayed, error) {
	c.Normalize(action)
	if fe := c.Validate(action); fe != nil {
		return nil, nil, fe
	}
	if action == dossier.ActTransfer {
		if err := p.checkDestination(ctx, c.ToOffice); err != nil {
			return nil, nil, err
		}
	}
	key := store.Idem{Scope: who.Username, Key: idem.Key, RequestHash: idem.RequestHash}
	tx, d, prior, err := p.Store.BeginAction(ctx, code, key)
	switch {
	case err != nil:
		return nil, nil, fmt.Errorf("%s dossier: %w", action, err)
	case prior != nil:
		if !bytes.Equal(prior.RequestHash, idem.RequestHash) {
			return nil, nil, ErrKeyReused
		}
		return nil, &Replayed{Status: prior.Status, Body: prior.Body}, nil
	case d == nil:
		return nil, nil, ErrNotFound
	}
	defer tx.Rollback(ctx)

	now := p.Now()
	actor := actorOf(who)
	cal := p.Calendar.Calendar()
	next, step, err := dossier.Apply(d.State, action, c, actor, now, cal)
	if err != nil {
		return nil, nil, err
	}
	name := p.Catalog.officeNamer(ctx)
	acted := events.Acted{DossierID: d.ID, State: next, Step: step, OfficeName: name,
		ProcessingTime: next.ProcessingTime(cal)}
	if action == dossier.ActComplete && next.ResultDelivery == dossier.DeliverByPost && len(d.ResultAddressSealed) > 0 {
		if acted.DeliveryAddress, err = p.Sealer.Open("result_address", d.ResultAddressSealed); err != nil {
			return nil, nil, fmt.Errorf("%s dossier: result address: %w", action, err)
		}
	}
	msg, err := events.Action(acted)
	if err != nil {
		return nil, nil, fmt.Errorf("%s dossier: %w", action, err)
	}
	loc := cal.Location()
	view := stateView(d.ID.String(), d.Code, next, actor, now, loc, name)
	last := stepView(step, loc, name)
	view.LastStep = &last
	answer, err := json.Marshal(view)
	if err != nil {
		return nil, nil, fmt.Errorf("%s dossier: %w", action, err)
	}
	if err := tx.Commit(ctx, d.ID, next, step, []outbox.Message{msg}, key, http.StatusOK, answer); err != nil {
		return nil, nil, fmt.Errorf("%s dossier: %w", action, err)
	}
	p.Relay.Notify()
	return &view, nil, nil
}

// checkDestination checks that a transfer names an office that can hold a dossier.
func (p *Processor) checkDestination(ctx context.Context, code string) error {
	o, ok, err := p.Catalog.Office(ctx, code)
	if err != nil {
		return err
	}
	if !ok {
		return &dossier.FieldError{Field: "to_office", Code: "unknown_office",
			Message: "There is no office with this code; pick one from GET /api/v1/offices."}
	}
	if o.Kind == catalog.PostOffice {
		return &dossier.FieldError{Field: "to_office", Code: "not_a_deciding_office",
			Message: "Name the office the dossier goes to; with \"via\": \"post\" the post carries it there."}
	}
	return nil
}
