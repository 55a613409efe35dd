package app

import (
	"context"
	"time"

	"github.com/motcua/motcua/services/postal/adapters/store"
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
}

// officeRef names the office with code from the post's copy ("" gives nil), read
// through q (a transaction must read through itself: its connection is already taken).
func officeRef(ctx context.Context, q store.Querier, code string) *OfficeRef {
	if code == "" {
		return nil
	}
	o, ok, err := store.OfficeOf(ctx, q, code)
	if err != nil || !ok {
		return &OfficeRef{Code: code, Name: code}
	}
	return &OfficeRef{Code: o.Code, Name: o.Name, Address: o.Address}
}

// view builds the answer for s, reading through q; withAddress opens the citizen's
// address.
func (a *Shipments) view(ctx context.Context, q store.Querier, s store.Shipment, withAddress bool) (View, error) {
	vi, _ := shipment.Status(s.Status).Labels()
	loc := a.Calendar.Calendar().Location()
	v := View{TrackingNumber: s.TrackingNumber, Kind: s.Kind, Status: s.Status, StatusLabel: vi, DossierCode: s.DossierCode,
		From: officeRef(ctx, q, s.FromOffice), To: officeRef(ctx, q, s.ToOffice),
		OriginPostOffice: *officeRef(ctx, q, s.OriginPostOffice), DestinationPostOffice: *officeRef(ctx, q, s.DestinationPostOffice),
		FailedAttempts: s.FailedAttempts, SealNumber: s.SealNumber, PostageVND: s.PostageVND, PaidBy: s.PaidBy,
		ReturnsTrackingNumber: s.ReturnsTrackingNumber, CreatedAt: s.CreatedAt.In(loc), UpdatedAt: s.LastEventAt.In(loc),
		Version: s.Version}
	if withAddress && len(s.AddressSealed) > 0 {
		addr, err := a.Sealer.Open(addressField(s.Kind), s.AddressSealed)
		if err != nil {
			return v, err
		}
		v.Address = addr
	}
	return v, nil
}

// addressField is the sealed field a shipment's address was sealed as.
func addressField(kind string) string {
	if kind == "pickup" {
		return "pickup_address"
	}
	return "delivery_address"
}

// withEvents adds the steps of s to v, opening the proofs of deliveries.
func (a *Shipments) withEvents(ctx context.Context, v *View, s store.Shipment) error {
	evs, err := a.Store.EventsOf(ctx, s.ID)
	if err != nil {
		return err
	}
	loc := a.Calendar.Calendar().Location()
	for _, e := range evs {
		vi, _ := shipment.Status(e.Type).Labels()
		if e.Type == "created" {
			vi = "Mở bưu gửi"
		}
		ev := EventView{EventID: e.EventID.String(), Type: e.Type, Label: vi, OccurredAt: e.OccurredAt.In(loc),
			RecordedAt: e.RecordedAt.In(loc), By: e.Username, PostOffice: officeRef(ctx, a.Store.Pool(), e.PostOffice),
			Automatic: e.Automatic, SealNumber: e.SealNumber, ReasonCode: e.ReasonCode, ActionCode: e.ActionCode}
		if len(e.RecipientNameSealed) > 0 {
			p := &ProofView{Relation: e.Relation}
			if p.RecipientName, err = a.Sealer.Open(recipientField, e.RecipientNameSealed); err != nil {
				return err
			}
			if p.IDLast4, err = a.Sealer.Open(idLast4Field, e.IDLast4Sealed); err != nil {
				return err
			}
			ev.Proof = p
		}
		v.Events = append(v.Events, ev)
	}
	return nil
}

// Sealed fields of a delivery's proof.
const (
	recipientField = "recipient_name"
	idLast4Field   = "recipient_id_last4"
)
