package outward

import (
	"errors"
	"time"

	"google.golang.org/protobuf/types/known/timestamppb"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/dossier"
)

// FromDossierEvent is the status a dossier event leaves its dossier in, with the times
// it tells: a registration's (or submission's) from what it carries, every later
// event's from the state it carries. ok is false for an event that tells no status
// this code knows (a kind of a later version), which followers pass over.
func FromDossierEvent(ev *dossierv1.Event) (c app.StatusChange, ok bool, err error) {
	c.EventID, c.DossierID, err = ids(ev.GetEventId(), ev.GetDossierId())
	if err != nil {
		return c, false, err
	}
	if ev.GetOccurredAt() == nil {
		return c, false, errors.New("dossier event without a time")
	}
	c.Version, c.At = ev.GetVersion(), ev.GetOccurredAt().AsTime()
	if r := ev.GetReceived(); r != nil {
		c.Code, c.Status, c.StatusCode = r.GetCode(), dossier.Status(r.GetStatus()), int(r.GetStatusCode())
		c.Office = r.GetReceivingOffice().GetCode()
		c.ReceivedAt, c.DueAt = when(r.GetReceivedAt()), when(r.GetDueAt())
	} else {
		st := ev.GetState()
		c.Status, c.StatusCode, c.Office = dossier.Status(st.GetStatus()), int(st.GetStatusCode()), st.GetCurrentOffice().GetCode()
		c.DueAt, c.FinishedAt = when(st.GetDueAt()), when(st.GetFinishedAt())
		if a := ev.GetAdmitted(); a != nil {
			c.ReceivedAt = when(a.GetReceivedAt())
		}
	}
	if !c.Status.Valid() || c.StatusCode < 1 || c.StatusCode > 10 {
		return c, false, nil
	}
	return c, true, nil
}

// when is t, nil when absent.
func when(t *timestamppb.Timestamp) *time.Time {
	if t == nil {
		return nil
	}
	v := t.AsTime()
	return &v
}
