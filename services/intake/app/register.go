package app

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/intake/events"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/lookuppin"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/platform/textnorm"
	"github.com/motcua/motcua/services/worktime"
)

// Notifier is told after a commit that added outbox rows (the relay).
type Notifier interface{ Notify() }

// Registrar registers dossiers at a desk.
type Registrar struct {
	Dossiers DossierStore
	Catalog  *Catalog
	Calendar *worktime.Live
	Sealer   *sealing.Sealer
	// EventSealer seals what only the postal service may read of the events.
	EventSealer *sealing.Sealer
	PINKey      []byte
	Relay       Notifier
	Now         func() time.Time
}

// Receipt is the answer to a registration: what the desk prints on form 01. LookupPIN
// appears here and on the receipt only.
type Receipt struct {
	ID         string `json:"id"`
	Code       string `json:"code"`
	LookupPIN  string `json:"lookup_pin"`
	Status     string `json:"status"`
	StatusCode int    `json:"status_code"`
	// ReceivedAt and DueAt are null for a dossier a post office took: the clock starts
	// when the post delivers it at the desk.
	ReceivedAt *time.Time `json:"received_at"`
	DueAt      *time.Time `json:"due_at"`
	ReceiptURL string     `json:"receipt_url"`
	// Shipment is the pickup that carries a dossier a post office took to the desk.
	Shipment *ShipmentRef `json:"shipment,omitempty"`
}

// ShipmentRef names a shipment by its tracking number.
type ShipmentRef struct {
	TrackingNumber string `json:"tracking_number"`
}

// Idempotency carries a request's Idempotency-Key and a hash of what it asks.
type Idempotency struct {
	Key         string
	RequestHash []byte
}

// scoped is the key within the scope of the member of staff who sent it: two desks may
// choose the same key for different dossiers.
func (i Idempotency) scoped(who *auth.Principal) IdempotencyKey {
	return IdempotencyKey{Scope: who.Username, Key: i.Key, RequestHash: i.RequestHash}
}

// pinField names the sealed lookup PIN, kept so the desk can reprint the receipt.
const pinField = "lookup_pin"

// pickupAddress is where the post collects a dossier sent by post: the applicant's
// address, and only for that channel.
func pickupAddress(reg dossier.Registration) string {
	if reg.Channel == dossier.ChannelPost {
		return reg.Applicant.Address
	}
	return ""
}

// ErrKeyReused is returned when an Idempotency-Key comes back with a different body.
var ErrKeyReused = dossier.Invalid("Idempotency-Key", "idempotency_key_reused")

// Register validates reg, registers the dossier and commits its Received event with it.
// With an idempotency key seen before it returns the first receipt again (replayed) and
// registers nothing.
func (a *Registrar) Register(ctx context.Context, who *auth.Principal, reg dossier.Registration, idem Idempotency) (receipt Receipt, replayed bool, err error) {
	reg.Normalize()
	if fe := reg.Validate(); fe != nil {
		return receipt, false, fe
	}
	refs, err := a.reference(ctx, reg)
	if err != nil {
		return receipt, false, err
	}
	if who.Role == auth.RolePostal || reg.AtPostOffice() {
		return a.registerAtCounter(ctx, who, reg, refs, idem)
	}
	proc, recv := refs.proc, refs.recv
	if !who.InOffice(recv.Code) {
		return receipt, false, fmt.Errorf("register at %s: %w", recv.Code, ErrForbidden)
	}
	now := a.Now()
	cal := a.Calendar.Calendar()
	local := now.In(cal.Location())
	// Appointments are kept to the second, as the receipt prints them.
	due := cal.AddWorkingHours(now, proc.TimeLimitHours).In(cal.Location()).Truncate(time.Second)
	replayed, err = a.Dossiers.Register(ctx, recv.Code, local, idem.scoped(who), &receipt, func(sequence int) (NewDossier, error) {
		b := a.bear(recv.Code, local, sequence)
		r := a.registered(b, reg, refs, who.Username)
		r.Status, r.ReceivedAt, r.DueAt, r.FeePaidVND = dossier.StatusReceived, now, due, reg.FeePaidVND
		msg, err := events.Received(r, now)
		if err != nil {
			return NewDossier{}, err
		}
		received := local.Truncate(time.Second)
		receipt = Receipt{
			ID: b.id.String(), Code: b.code, LookupPIN: b.pin,
			Status: string(dossier.StatusReceived), StatusCode: dossier.StatusReceived.NationalCode(),
			ReceivedAt: &received, DueAt: &due,
			ReceiptURL: "/api/v1/dossiers/" + b.code + "/forms/receipt",
		}
		d := a.newDossier(b, reg, refs, now, due, who.Username)
		d.Events = []outbox.Message{msg}
		return d, nil
	})
	if err != nil {
		return receipt, false, fmt.Errorf("register dossier: %w", err)
	}
	if !replayed {
		a.Relay.Notify()
	}
	return receipt, replayed, nil
}

// references are the reference data a registration names, resolved and checked: its
// procedure, the desk receiving it, the office deciding it and, for a result collected
// at a post office, that post office.
type references struct {
	proc                   catalog.Procedure
	recv, handling, result catalog.Office
}

// reference resolves and checks the procedure and offices a registration names.
func (a *Registrar) reference(ctx context.Context, reg dossier.Registration) (references, error) {
	var r references
	var ok bool
	var err error
	if r.proc, ok, err = a.Catalog.Procedure(ctx, reg.ProcedureCode); err != nil {
		return r, err
	}
	if !ok {
		return r, dossier.Invalid("procedure_code", "unknown_procedure")
	}
	if r.recv, err = a.office(ctx, "receiving_office", reg.ReceivingOffice); err != nil {
		return r, err
	}
	if !r.recv.Kind.ReceivesDossiers() {
		return r, dossier.Invalid("receiving_office", "not_a_desk")
	}
	if r.handling, err = a.office(ctx, "handling_office", reg.HandlingOffice); err != nil {
		return r, err
	}
	if r.handling.Kind == catalog.PostOffice {
		return r, dossier.Invalid("handling_office", "not_a_deciding_office")
	}
	if reg.ResultDelivery.Method == dossier.DeliverAtPostOffice {
		r.result, err = a.postOffice(ctx, "result_delivery.post_office", reg.ResultDelivery.PostOffice)
	}
	return r, err
}

// office is the office with code, which the registration names in field; a code the
// catalogue does not know is a problem of that field.
func (a *Registrar) office(ctx context.Context, field, code string) (catalog.Office, error) {
	o, ok, err := a.Catalog.Office(ctx, code)
	if err == nil && !ok {
		err = dossier.Invalid(field, "unknown_office")
	}
	return o, err
}

// postOffice is the post office with code, which the registration names in field.
func (a *Registrar) postOffice(ctx context.Context, field, code string) (catalog.Office, error) {
	o, err := a.office(ctx, field, code)
	if err == nil && o.Kind != catalog.PostOffice {
		err = dossier.Invalid(field, "not_a_post_office")
	}
	return o, err
}

// born is a new dossier's identity: its id, its code and its lookup PIN with the PIN's
// keyed hash.
type born struct {
	id        uuid.UUID
	code, pin string
	pinHash   []byte
}

// bear gives a new dossier of office its identity, with the number sequence of day.
func (a *Registrar) bear(office string, day time.Time, sequence int) born {
	b := born{id: uuid.New(), pin: lookuppin.New(), code: dossier.FormatCode(office, day, sequence)}
	b.pinHash = lookuppin.Hash(a.PINKey, b.code, b.pin)
	return b
}

// registered describes the new dossier b for its first event, as far as a desk's
// registration and an online submission describe it alike; actor brought it in.
func (a *Registrar) registered(b born, reg dossier.Registration, refs references, actor string) events.Registered {
	recv := refs.recv
	return events.Registered{
		DossierID: b.id, Code: b.code, Procedure: refs.proc, ReceivingOffice: recv, HandlingOffice: refs.handling,
		Channel: reg.Channel, MaskedName: dossier.MaskName(reg.Applicant.FullName), PINHash: b.pinHash,
		ResultDelivery: reg.ResultDelivery.Method, ResultPostOffice: refs.result, FeeDueVND: refs.proc.FeeVND,
		PickupAddressSealed: a.EventSealer.Seal(sealing.EventPickupAddress, pickupAddress(reg)),
		Actor:               &dossierv1.Actor{Username: actor, OfficeCode: recv.Code},
	}
}

// newDossier is reg as it is kept: personal data sealed, with keyed hashes for searches.
func (a *Registrar) newDossier(b born, reg dossier.Registration, refs references, now, due time.Time,
	registeredBy string) NewDossier {
	proc, handling := refs.proc, refs.handling
	id, code := b.id, b.code
	s := a.Sealer
	applicant := reg.Applicant
	var resultAddress []byte
	if reg.ResultDelivery.Method == dossier.DeliverByPost {
		resultAddress = s.Seal("result_address", reg.ResultDelivery.Address)
	}
	return NewDossier{
		ID: id, Code: code, ProcedureCode: proc.Code, ReceivingOffice: reg.ReceivingOffice,
		HandlingOffice: handling.Code, Channel: reg.Channel, Status: dossier.StatusReceived,
		ReceivedAt: now, DueAt: due, TimeLimitHours: proc.TimeLimitHours,
		ApplicantName: applicant.FullName, ApplicantNameFolded: textnorm.Fold(applicant.FullName),
		IDSealed:    s.Seal("applicant_id", applicant.IDNumber),
		IDIndex:     s.Index("applicant_id", applicant.IDNumber),
		PhoneSealed: s.Seal("applicant_phone", applicant.Phone),
		PhoneIndex:  s.Index("applicant_phone", applicant.Phone),
		EmailSealed: s.Seal("applicant_email", applicant.Email), AddressSealed: s.Seal("applicant_address", applicant.Address),
		Documents: documentsOrEmpty(reg.Documents), ResultDelivery: reg.ResultDelivery.Method,
		ResultPostOffice:    reg.ResultDelivery.PostOffice,
		ResultAddressSealed: resultAddress, FeeDueVND: proc.FeeVND, FeePaidVND: reg.FeePaidVND,
		FeeReceiptNumber: reg.FeeReceiptNumber, RegisteredBy: registeredBy,
		PINHash: b.pinHash, PINSealed: s.Seal(pinField, b.pin),
	}
}

func documentsOrEmpty(d []dossier.Document) []dossier.Document {
	if d == nil {
		return []dossier.Document{}
	}
	return d
}
