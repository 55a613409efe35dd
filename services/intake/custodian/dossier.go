package custodian

import (
	"errors"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/custody"
)

// FromDossierEvent is the step a dossier event tells, for the chain. The event is named
// by its kind (received, transferred, accepted, arrived, …; the subject's last token for
// a kind this code does not know yet), but a dossier submitted online or at a post office
// enters as "submitted". The papers go from the citizen to the office that received them
// (or the post office that took them at its counter), between offices on a transfer and
// its acceptance, from the post to the office it delivered them to, and back to the
// citizen with the result; every other step leaves them where they are, with the office
// that holds them. By is the member of staff who acted, "citizen" or "postal".
func FromDossierEvent(ev *dossierv1.Event, subjectKind string) (app.Handover, error) {
	id, err := dossierID(ev.GetDossierId())
	if err != nil {
		return app.Handover{}, err
	}
	if ev.GetOccurredAt() == nil {
		return app.Handover{}, errors.New("dossier event without a time")
	}
	h := app.Handover{DossierID: id, Record: custody.Record{At: ev.GetOccurredAt().AsTime(),
		Event: kindName(ev, subjectKind), By: or(ev.GetActor().GetUsername(), custody.Product)}}
	holder := or(ev.GetState().GetCurrentOffice().GetCode(), ev.GetStep().GetOffice().GetCode())
	h.From, h.To = holder, holder
	switch k := ev.GetKind().(type) {
	case *dossierv1.Event_Received:
		r := k.Received
		h.Code = r.GetCode()
		if r.GetStatus() == "submitted" {
			h.Event = "submitted"
		}
		h.From, h.To = custody.Citizen, r.GetReceivingOffice().GetCode()
		if c := r.GetCounter(); c != nil {
			h.To, h.TrackingNumber = or(c.GetPostOffice().GetCode(), custody.Post), c.GetTrackingNumber()
		}
	case *dossierv1.Event_Transferred:
		h.From, h.To = k.Transferred.GetFromOffice().GetCode(), k.Transferred.GetToOffice().GetCode()
	case *dossierv1.Event_Accepted:
		h.From = or(k.Accepted.GetFromOffice().GetCode(), holder)
	case *dossierv1.Event_Supplemented:
		h.From = custody.Citizen
	case *dossierv1.Event_Arrived:
		h.From, h.To = custody.Post, or(ev.GetState().GetPendingOffice().GetCode(), holder)
		h.TrackingNumber = k.Arrived.GetTrackingNumber()
	case *dossierv1.Event_PapersDelivered:
		h.From, h.TrackingNumber = custody.Post, k.PapersDelivered.GetTrackingNumber()
	case *dossierv1.Event_ResultBack:
		h.From, h.TrackingNumber = custody.Post, k.ResultBack.GetTrackingNumber()
	case *dossierv1.Event_Returned:
		h.To, h.TrackingNumber = custody.Citizen, k.Returned.GetTrackingNumber()
		if h.TrackingNumber != "" {
			h.From = custody.Post
		}
	}
	return h, nil
}

// kindName is the name of ev's kind, or subjectKind for a kind this code does not know.
func kindName(ev *dossierv1.Event, subjectKind string) string {
	m := ev.ProtoReflect()
	if f := m.WhichOneof(m.Descriptor().Oneofs().ByName("kind")); f != nil {
		return string(f.Name())
	}
	return subjectKind
}
