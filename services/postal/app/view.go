package app

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// OfficeRef names an office in an answer.
type OfficeRef struct {
	Code    string `json:"code"`
	Name    string `json:"name"`
	Address string `json:"address,omitempty"`
}

// EventView is a step of a shipment in an answer.
type EventView struct {
	EventID    string     `json:"event_id"`
	Type       string     `json:"type"`
	Label      string     `json:"label"`
	OccurredAt time.Time  `json:"occurred_at"`
	RecordedAt time.Time  `json:"recorded_at"`
	By         string     `json:"by"`
	PostOffice *OfficeRef `json:"post_office,omitempty"`
	Automatic  bool       `json:"automatic,omitempty"`
	SealNumber string     `json:"seal_number,omitempty"`
	ReasonCode string     `json:"reason_code,omitempty"`
	ActionCode string     `json:"action_code,omitempty"`
	Proof      *ProofView `json:"proof,omitempty"`
	// HandoverID is the hand-over record whose confirmation delivered the item.
	HandoverID string `json:"handover_id,omitempty"`
}

// ProofView is a delivery's proof in an answer; the signature image stays stored.
type ProofView struct {
	RecipientName string `json:"recipient_name"`
	Relation      string `json:"relation"`
	IDLast4       string `json:"id_last4"`
}

// View is a shipment in an answer.
type View struct {
	TrackingNumber string     `json:"tracking_number"`
	Kind           string     `json:"kind"`
	Status         string     `json:"status"`
	StatusLabel    string     `json:"status_label"`
	DossierCode    string     `json:"dossier_code"`
	From           *OfficeRef `json:"from"`
	To             *OfficeRef `json:"to"`
	Address        string     `json:"address,omitempty"`
	// AddressUnreadable says the address is sealed but does not open with the service's
	// key (a run sheet lists the shipment rather than failing as a whole).
	AddressUnreadable     bool        `json:"address_unreadable,omitempty"`
	OriginPostOffice      OfficeRef   `json:"origin_post_office"`
	DestinationPostOffice OfficeRef   `json:"destination_post_office"`
	FailedAttempts        int         `json:"failed_attempts"`
	SealNumber            string      `json:"seal_number,omitempty"`
	PostageVND            int64       `json:"postage_vnd"`
	PaidBy                string      `json:"paid_by,omitempty"`
	ReturnsTrackingNumber string      `json:"returns_tracking_number,omitempty"`
	CreatedAt             time.Time   `json:"created_at"`
	UpdatedAt             time.Time   `json:"updated_at"`
	Version               int         `json:"version"`
	Events                []EventView `json:"events,omitempty"`
	// For a pickup at home asked online, listed on the run sheet before the worker
	// takes the dossier: the day and half-day asked and the procedure.
	PickupDate    string `json:"pickup_date,omitempty"`
	PickupSlot    string `json:"pickup_slot,omitempty"`
	ProcedureCode string `json:"procedure_code,omitempty"`
}

// officeRef names the office with code from the post's copy ("" gives nil), read
// through offices (inside a transaction, the transaction itself). An office the post
// cannot read is named by its code: an answer is not refused for want of a name.
func officeRef(ctx context.Context, offices Offices, code string) *OfficeRef {
	if code == "" {
		return nil
	}
	o, ok, err := offices.Office(ctx, code)
	if err != nil || !ok {
		return &OfficeRef{Code: code, Name: code}
	}
	return &OfficeRef{Code: o.Code, Name: o.Name, Address: o.Address}
}

// view builds the answer for s, naming its offices through offices; withAddress opens
// the citizen's address.
func (a *Shipments) view(ctx context.Context, offices Offices, s ShipmentRecord, withAddress bool) (View, error) {
	statusLabel := s.Status.Words().VI
	loc := a.Calendar.Calendar().Location()
	v := View{
		TrackingNumber: s.TrackingNumber, Kind: string(s.Kind), Status: string(s.Status), StatusLabel: statusLabel,
		DossierCode: s.DossierCode, From: officeRef(ctx, offices, s.FromOffice), To: officeRef(ctx, offices, s.ToOffice),
		OriginPostOffice:      *officeRef(ctx, offices, s.OriginPostOffice),
		DestinationPostOffice: *officeRef(ctx, offices, s.DestinationPostOffice),
		FailedAttempts:        s.FailedAttempts, SealNumber: s.SealNumber, PostageVND: s.PostageVND, PaidBy: string(s.PaidBy),
		ReturnsTrackingNumber: s.ReturnsTrackingNumber, CreatedAt: s.CreatedAt.In(loc), UpdatedAt: s.LastEventAt.In(loc),
		Version: s.Version,
	}
	if withAddress && len(s.AddressSealed) > 0 {
		address, err := a.Sealer.Open(AddressField(s.Kind), s.AddressSealed)
		if err != nil {
			return v, err
		}
		v.Address = address
	}
	return v, nil
}

// AddressField is the sealed field a citizen's address on a shipment of kind is sealed
// as: where a pickup starts, or where a result is delivered. The dossier's copy keeps
// them under the same names.
func AddressField(kind shipment.Kind) string {
	if kind == shipment.KindPickup {
		return "pickup_address"
	}
	return "delivery_address"
}

// withEvents adds the steps of s to v, opening the proofs of deliveries.
func (a *Shipments) withEvents(ctx context.Context, v *View, s ShipmentRecord) error {
	steps, err := a.Store.Events(ctx, s.ID)
	if err != nil {
		return err
	}
	loc := a.Calendar.Calendar().Location()
	for _, e := range steps {
		label := e.Type.StepWords().VI
		ev := EventView{EventID: e.EventID.String(), Type: string(e.Type), Label: label, OccurredAt: e.OccurredAt.In(loc),
			RecordedAt: e.RecordedAt.In(loc), By: e.Username, PostOffice: officeRef(ctx, a.Store, e.PostOffice),
			Automatic: e.Automatic, SealNumber: e.SealNumber, ReasonCode: e.ReasonCode, ActionCode: e.ActionCode}
		if e.Handover != uuid.Nil {
			ev.HandoverID = e.Handover.String()
		}
		if len(e.RecipientNameSealed) > 0 {
			if ev.Proof, err = a.openProof(e); err != nil {
				return err
			}
		}
		v.Events = append(v.Events, ev)
	}
	return nil
}

// openProof opens the proof of the delivery e.
func (a *Shipments) openProof(e EventRecord) (*ProofView, error) {
	name, err := a.Sealer.Open(recipientField, e.RecipientNameSealed)
	if err != nil {
		return nil, err
	}
	p := &ProofView{RecipientName: name, Relation: e.Relation}
	if len(e.IDLast4Sealed) > 0 { // none on an item handed over with a record
		if p.IDLast4, err = a.Sealer.Open(idLast4Field, e.IDLast4Sealed); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// Sealed fields of a delivery's proof.
const (
	recipientField = "recipient_name"
	idLast4Field   = "recipient_id_last4"
	signatureField = "recipient_signature"
)
