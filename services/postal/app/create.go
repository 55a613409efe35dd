package app

import (
	"context"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/textnorm"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// CreateInput is a desk's request for a shipment (POST /api/v1/shipments).
type CreateInput struct {
	DossierCode string `json:"dossier_code"`
	Kind        string `json:"kind"`
	From        string `json:"from"`
	To          string `json:"to"`
	Address     string `json:"address"`
	PostageVND  int64  `json:"postage_vnd"`
	PaidBy      string `json:"paid_by"`
}

// Normalize cleans what a person typed, so that the same request sent again with other
// spacing is the same request (its hash is taken after it). It is idempotent.
func (in *CreateInput) Normalize() { in.Address = textnorm.Clean(in.Address) }

// IdempotencyKey names a desk's request by the Idempotency-Key it carries (empty for
// none), with the hash of what it asked, so the same key sent with another request is
// told apart.
type IdempotencyKey struct {
	Key         string
	RequestHash []byte
}

// maxAddressRunes bounds an address.
const maxAddressRunes = 500

// maxPostageVND bounds the postage a desk may charge.
const maxPostageVND = 10_000_000

// Create opens the shipment a desk asks for. With an idempotency key seen before from
// the same member of staff it returns that shipment and created false.
func (a *Shipments) Create(ctx context.Context, who *auth.Principal, in CreateInput, key IdempotencyKey) (View, bool, error) {
	in.Normalize()
	kind, err := in.check()
	if err != nil {
		return View{}, false, err
	}
	d, ok, err := a.Store.DossierByCode(ctx, in.DossierCode)
	if err != nil {
		return View{}, false, err
	}
	if !ok {
		return View{}, false, &shipment.FieldError{Field: "dossier_code", Code: "unknown_dossier",
			Message: "The post knows no dossier with this code; check the code on the receipt (a new dossier takes a moment to reach the post)."}
	}
	o, err := a.opening(kind, in, d)
	if err != nil {
		return View{}, false, err
	}
	if err := a.checkOffices(ctx, o); err != nil {
		return View{}, false, err
	}
	if !who.InOffice(o.From) && !who.InOffice(o.To) && !who.InOffice(d.ReceivingOffice) {
		return View{}, false, ErrForbidden
	}
	o.By, o.At, o.DossierID = who.Username, a.Now(), d.ID
	o.Source = "desk:" + uuid.NewString()
	if key.Key != "" {
		o.Source, o.RequestHash = "desk:"+who.Username+":"+key.Key, key.RequestHash
	}
	s, created, err := Open(ctx, a.Store, o)
	if err != nil {
		return View{}, false, openingError(err)
	}
	if created {
		a.Relay.Notify()
	}
	v, err := a.view(ctx, a.Store, s, true)
	if err != nil {
		return View{}, false, err
	}
	if v.Address != "" {
		err = a.Store.RecordReads(ctx, []uuid.UUID{s.ID}, who.Username, "create")
	}
	return v, created, err
}

// check refuses a request the post cannot read, and returns the kind it asks for.
func (in CreateInput) check() (shipment.Kind, error) {
	kind, ok := shipment.ParseKind(textnorm.Clean(in.Kind))
	if !ok {
		return "", &shipment.FieldError{Field: "kind", Code: "invalid_kind",
			Message: "The kind must be pickup, transfer, delivery or return."}
	}
	switch {
	case in.DossierCode == "":
		return "", &shipment.FieldError{Field: "dossier_code", Code: "required", Message: "Give the code of the dossier the shipment carries."}
	case utf8.RuneCountInString(in.Address) > maxAddressRunes:
		return "", &shipment.FieldError{Field: "address", Code: "too_long", Message: "An address may have at most 500 characters."}
	case in.PostageVND < 0 || in.PostageVND > maxPostageVND:
		return "", &shipment.FieldError{Field: "postage_vnd", Code: "out_of_range", Message: "The postage must be between 0 and 10,000,000 đồng."}
	case in.PaidBy != "" && !shipment.Payer(in.PaidBy).Valid():
		return "", &shipment.FieldError{Field: "paid_by", Code: "invalid_payer", Message: "The postage is paid by the citizen or the authority."}
	}
	return kind, nil
}

// checkOffices refuses an opening that names an office the post does not know.
func (a *Shipments) checkOffices(ctx context.Context, o Opening) error {
	for _, end := range []struct{ field, code string }{{"from", o.From}, {"to", o.To}} {
		if end.code == "" {
			continue
		}
		if _, ok, err := a.Store.Office(ctx, end.code); err != nil {
			return err
		} else if !ok {
			return &shipment.FieldError{Field: end.field, Code: "unknown_office",
				Message: "The post knows no office with this code; pick one from GET /api/v1/offices."}
		}
	}
	return nil
}

// openingError says what a desk can do about an opening the post refused.
func openingError(err error) error {
	switch {
	case errors.Is(err, ErrUnknownOffice):
		return &shipment.FieldError{Field: "to", Code: "unknown_office",
			Message: "The post knows no office the shipment's post offices can be found from; check the offices."}
	case errors.Is(err, ErrKeyReused):
		return &shipment.FieldError{Field: "Idempotency-Key", Code: "idempotency_key_reused",
			Message: "This Idempotency-Key was used for another request; use a new key for a new shipment."}
	case errors.Is(err, ErrNotServed):
		return &shipment.FieldError{Field: "to", Code: "not_served",
			Message: "No post office serves this office; ask an administrator to name the one that does."}
	}
	return fmt.Errorf("create shipment: %w", err)
}

// opening turns a desk's request into the shipment to open, with the dossier's defaults:
// a pickup goes to the desk that received the dossier, from the citizen's address; a
// delivery goes to the address the citizen gave for the result.
func (a *Shipments) opening(kind shipment.Kind, in CreateInput, d DossierCopy) (Opening, error) {
	o := Opening{Kind: kind, From: in.From, To: in.To, PostageVND: in.PostageVND, PaidBy: shipment.Payer(in.PaidBy)}
	if o.PaidBy == "" {
		o.PaidBy = shipment.PaidByCitizen
	}
	address := func(sealed []byte, field string) ([]byte, error) {
		if in.Address != "" {
			return a.Sealer.Seal(field, in.Address), nil
		}
		if len(sealed) == 0 {
			return nil, &shipment.FieldError{Field: "address", Code: "required", Message: "Give the address the post goes to."}
		}
		return sealed, nil
	}
	var err error
	switch kind {
	case shipment.KindPickup:
		if o.To == "" {
			o.To = d.ReceivingOffice
		}
		if o.From == "" {
			o.AddressSealed, err = address(d.PickupAddressSealed, AddressField(kind))
		}
	case shipment.KindTransfer, shipment.KindReturn:
		if o.From == "" && kind == shipment.KindTransfer {
			return o, &shipment.FieldError{Field: "from", Code: "required", Message: "Give the office the leg starts from."}
		}
		if o.To == "" {
			o.To = d.ReceivingOffice
		}
		if o.From == o.To {
			return o, &shipment.FieldError{Field: "to", Code: "same_office", Message: "A leg goes between two different offices."}
		}
	case shipment.KindDelivery:
		if o.From == "" {
			return o, &shipment.FieldError{Field: "from", Code: "required", Message: "Give the office the result leaves from."}
		}
		o.To = ""
		o.AddressSealed, err = address(d.DeliveryAddressSealed, AddressField(kind))
	}
	return o, err
}
