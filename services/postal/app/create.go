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
	if !ok || !d.Involves(who) {
		// A dossier of other offices is answered as one that does not exist.
		return View{}, false, shipment.Invalid("dossier_code", "unknown_dossier")
	}
	if !mayOpen(who, d) {
		return View{}, false, ErrNotHeld
	}
	o, err := a.opening(kind, in, d)
	if err != nil {
		return View{}, false, err
	}
	if err := a.checkOffices(ctx, o); err != nil {
		return View{}, false, err
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
		return "", shipment.Invalid("kind", "invalid_kind")
	}
	switch {
	case in.DossierCode == "":
		return "", shipment.Invalid("dossier_code", "required")
	case utf8.RuneCountInString(in.Address) > maxAddressRunes:
		return "", shipment.Invalid("address", "too_long", maxAddressRunes)
	case in.PostageVND < 0 || in.PostageVND > shipment.MaxPostageVND:
		return "", shipment.Invalid("postage_vnd", "out_of_range", shipment.MaxPostageVND)
	case in.PaidBy != "" && !shipment.Payer(in.PaidBy).Valid():
		return "", shipment.Invalid("paid_by", "invalid_payer")
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
			return shipment.Invalid(end.field, "unknown_office")
		}
	}
	return nil
}

// openingError says what a desk can do about an opening the post refused.
func openingError(err error) error {
	switch {
	case errors.Is(err, ErrUnknownOffice):
		return &shipment.FieldError{Field: "to", Code: "unknown_office", Case: "post_office"}
	case errors.Is(err, ErrKeyReused):
		return shipment.Invalid("Idempotency-Key", "idempotency_key_reused")
	case errors.Is(err, ErrNotServed):
		return shipment.Invalid("to", "not_served")
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
			return nil, shipment.Invalid("address", "required")
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
			return o, &shipment.FieldError{Field: "from", Code: "required", Case: "leg"}
		}
		if o.To == "" {
			o.To = d.ReceivingOffice
		}
		if o.From == o.To {
			return o, shipment.Invalid("to", "same_office")
		}
	case shipment.KindDelivery:
		if o.From == "" {
			return o, &shipment.FieldError{Field: "from", Code: "required", Case: "result"}
		}
		o.To = ""
		o.AddressSealed, err = address(d.DeliveryAddressSealed, AddressField(kind))
	}
	return o, err
}
