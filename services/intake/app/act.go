package app

import (
	"context"
	"errors"
	"fmt"
	"time"

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
	Dossiers DossierStore
	Catalog  *Catalog
	// Calendar is the working-time calendar in force.
	Calendar *worktime.Live
	Sealer   *sealing.Sealer
	// EventSealer seals what only the postal service may read of the events.
	EventSealer *sealing.Sealer
	Relay       Notifier
	Now         func() time.Time
	// PublicURL is the address citizens reach the product at, for the receipt's QR code.
	PublicURL string
	// Reader renders the receipt that the mail telling the citizen of the receipt
	// carries (Receipt).
	Reader *Reader
}

// actorOf is the domain's view of the member of staff behind a request.
func actorOf(p *auth.Principal) dossier.Actor {
	return dossier.Actor{Username: p.Username, Offices: p.Offices}
}

// Act takes action on the dossier with code for who, with command c. With an
// idempotency key seen before it returns the first answer again (replayed) and does
// nothing. It fails with ErrNotFound (also for a dossier who
// may not see), a *dossier.FieldError, a *dossier.OfficeError or a *dossier.NotAllowedError.
func (p *Processor) Act(ctx context.Context, who *auth.Principal, code string, action dossier.Action,
	c dossier.Command, idem Idempotency) (view State, replayed bool, err error) {
	return p.act(ctx, who, code, action, c, idem, nil)
}

// act is Act. kept is the result's file a complete brought with it, already kept and
// named by c; without it, a complete's result_file_id names a file posted to the
// dossier before (results.go).
func (p *Processor) act(ctx context.Context, who *auth.Principal, code string, action dossier.Action,
	c dossier.Command, idem Idempotency, kept *StoredFile) (view State, replayed bool, err error) {
	c.Normalize(action)
	if fe := c.Validate(action); fe != nil {
		return view, false, fe
	}
	if action == dossier.ActTransfer {
		if err := p.checkDestination(ctx, c.ToOffice); err != nil {
			return view, false, err
		}
	}
	result := kept
	if action == dossier.ActComplete && kept == nil && c.ResultFileID != "" {
		if result, err = p.postedResult(ctx, code, c.ResultFileID); err != nil {
			return view, false, err
		}
	}
	actor := actorOf(who)
	cal := p.Calendar.Calendar()
	name := p.Catalog.officeNamer(ctx)
	replayed, err = p.Dossiers.Update(ctx, code, idem.scoped(who), &view, func(d StoredDossier) (Change, error) {
		now := p.Now()
		next, step, err := dossier.Apply(d.State, action, c, actor, now, cal)
		if err != nil {
			return Change{}, err
		}
		acted := events.Acted{DossierID: d.ID, State: next, Step: step, OfficeName: name,
			ProcessingTime: next.ProcessingTime(cal)}
		if since := dossier.AwaitsCheckSince(d.State, d.SubmittedAt, time.Time{}); dossier.ChecksFirst(d.State, action) &&
			!since.IsZero() {
			waited := cal.WorkingDuration(since, now)
			acted.CheckTime = &waited
		}
		change := Change{State: next, Step: step}
		if action == dossier.ActComplete {
			if c.ResultFileID != "" && result == nil {
				return Change{}, errUnknownResultFile
			}
			if result != nil {
				acted.ResultFile = &fileEvents([]StoredFile{*result})[0]
			}
			if kept != nil {
				change.Files = []StoredFile{*kept}
			}
		}
		if action == dossier.ActComplete && next.ResultDelivery == dossier.DeliverByPost && len(d.ResultAddressSealed) > 0 {
			address, err := p.Sealer.Open("result_address", d.ResultAddressSealed)
			if err != nil {
				return Change{}, fmt.Errorf("result address: %w", err)
			}
			acted.DeliveryAddressSealed = p.EventSealer.Seal(sealing.EventDeliveryAddress, address)
		}
		msg, err := events.Action(acted)
		if err != nil {
			return Change{}, err
		}
		loc := cal.Location()
		view = stateView(d.ID.String(), d.Code, next, actor, now, loc, name)
		last := stepView(step, loc, name)
		view.LastStep = &last
		change.Events = []outbox.Message{msg}
		return change, nil
	})
	var oe *dossier.OfficeError
	if errors.As(err, &oe) && !p.involved(ctx, who, code) {
		err = ErrNotFound
	}
	if err != nil {
		return view, false, fmt.Errorf("%s dossier: %w", action, err)
	}
	if !replayed {
		p.Relay.Notify()
	}
	return view, replayed, nil
}

// involved reports whether who belongs to an office the dossier with code has been at
// or is going to: one who does not is told it does not exist, as for a wrong code. It is
// asked only of a refused action, so a read of the steps costs the common path nothing.
func (p *Processor) involved(ctx context.Context, who *auth.Principal, code string) bool {
	rec, ok, err := p.Dossiers.Dossier(ctx, code)
	return err != nil || (ok && involves(rec, who))
}

// checkDestination checks that a transfer names an office that can hold a dossier.
func (p *Processor) checkDestination(ctx context.Context, code string) error {
	o, ok, err := p.Catalog.Office(ctx, code)
	if err != nil {
		return err
	}
	if !ok {
		return dossier.Invalid("to_office", "unknown_office")
	}
	if o.Kind == catalog.PostOffice {
		return dossier.Invalid("to_office", "not_a_deciding_office")
	}
	return nil
}
