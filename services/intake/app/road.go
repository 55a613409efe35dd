package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/intake/events"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/worktime"
)

// Leg is the kind of journey the post finished with a dossier.
type Leg int

// The legs that move a dossier on when delivered.
const (
	// LegTransfer carried the dossier between offices: it arrives at the office.
	LegTransfer Leg = iota + 1
	// LegDelivery carried the result to the citizen: the dossier is returned.
	LegDelivery
	// LegReturn brought an undelivered result back: it waits at the desk.
	LegReturn
	// LegPickup brought in the papers of a dossier a post office took: the desk may
	// receive it. (A pickup from a citizen's address, for a dossier a desk registered,
	// moves nothing: the desk had received it already.)
	LegPickup
)

// String names the leg as the post names its kind of shipment.
func (l Leg) String() string {
	switch l {
	case LegTransfer:
		return "transfer"
	case LegDelivery:
		return "delivery"
	case LegReturn:
		return "return"
	case LegPickup:
		return "pickup"
	}
	return fmt.Sprintf("leg(%d)", int(l))
}

// ErrUnreadable is a leg the app cannot apply however often it is tried (an unknown
// kind, an event that cannot be built): the consumer gives it up rather than retrying.
var ErrUnreadable = errors.New("leg cannot be applied")

// errNotThePapers is a pickup that carried no papers a desk awaits: the pickup from a
// citizen's address of a dossier a desk registered and received.
var errNotThePapers = errors.New("the pickup carried no papers the desk awaits")

// Carried is a leg the post reports delivered.
type Carried struct {
	DossierID      uuid.UUID
	Leg            Leg
	ToOffice       string
	TrackingNumber string
	At             time.Time
}

// Road is intake's side of the road: it moves a dossier on when the post has carried it.
type Road struct {
	Calendar *worktime.Live
	// OfficeName names an office by its code, for the events it publishes.
	OfficeName func(ctx context.Context, code string) string
	Log        *slog.Logger
}

// Delivered applies a delivered leg to its dossier in dossiers (the transaction of the
// consumer that heard of it). A step the dossier's state no longer allows (the citizen
// collected the result at the desk meanwhile) is logged and skipped; a dossier intake
// does not know is ErrNotFound.
func (r *Road) Delivered(ctx context.Context, dossiers DossiersInTx, leg Carried) error {
	cal := r.Calendar.Calendar()
	var status dossier.Status
	var code string
	err := dossiers.UpdateByID(ctx, leg.DossierID, func(d StoredDossier) (Change, error) {
		status, code = d.State.Status, d.Code
		var next dossier.State
		var step dossier.Step
		var err error
		switch leg.Leg {
		case LegTransfer:
			next, step, err = dossier.Arrive(d.State, leg.ToOffice, leg.TrackingNumber, leg.At, cal)
		case LegDelivery:
			next, step, err = dossier.Deliver(d.State, leg.TrackingNumber, leg.At, cal)
		case LegReturn:
			next, step, err = dossier.BringBack(d.State, leg.ToOffice, leg.TrackingNumber, leg.At, cal)
		case LegPickup:
			if d.State.PickupTracking != leg.TrackingNumber {
				return Change{}, errNotThePapers // the pickup of a desk's registration
			}
			next, step, err = dossier.BringIn(d.State, leg.TrackingNumber, leg.At, cal)
		default:
			return Change{}, fmt.Errorf("%w: leg %d", ErrUnreadable, leg.Leg)
		}
		if err != nil {
			return Change{}, err
		}
		msg, err := events.Action(events.Acted{DossierID: d.ID, State: next, Step: step,
			OfficeName: func(code string) string { return r.OfficeName(ctx, code) }, ProcessingTime: next.ProcessingTime(cal)})
		if err != nil {
			return Change{}, fmt.Errorf("%w: %w", ErrUnreadable, err)
		}
		return Change{State: next, Step: step, Events: []outbox.Message{msg}}, nil
	})
	if errors.Is(err, errNotThePapers) {
		return nil
	}
	var notAllowed *dossier.NotAllowedError
	if errors.As(err, &notAllowed) {
		r.Log.Info("shipment delivered but the dossier has moved on", "dossier", code, "leg", leg.Leg.String(),
			"status", string(status))
		return nil
	}
	return err
}
