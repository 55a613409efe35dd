package app

import (
	"bytes"
	"context"
	"errors"
	"slices"

	"github.com/google/uuid"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/textnorm"
	"github.com/motcua/motcua/services/postal/domain/handover"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// Handovers is the post's hand-over records: a post office gives an authority many
// items at once, and the authority's staff confirm them with a signature, which
// delivers each item there as a postal worker's delivered step does.
type Handovers struct {
	// Shipments records the delivered steps and names the offices.
	Shipments *Shipments
	Store     HandoverStore
}

// ErrNotYourPostOffice is a record drawn up for a post office the postal worker does
// not work at (a 403).
var ErrNotYourPostOffice = errors.New("not a post office of yours")

// GiveInput is a record the giving side draws up (POST /api/v1/handovers): the office
// the items go to, and their tracking numbers as typed or scanned. FromOffice, the post
// office that gives them, may be left out by a worker of one post office.
type GiveInput struct {
	FromOffice      string   `json:"from_office,omitempty"`
	ToOffice        string   `json:"to_office"`
	TrackingNumbers []string `json:"tracking_numbers"`
}

// Normalize cleans the office codes, so that the same request sent again with other
// spacing is the same request (its hash is taken after it). The numbers are read by the
// domain's rules, which accept them as a person types them. It is idempotent.
func (in *GiveInput) Normalize() {
	in.FromOffice, in.ToOffice = textnorm.Clean(in.FromOffice), textnorm.Clean(in.ToOffice)
}

// Give draws up the record in asks for, for a postal worker of the post office that
// holds the items. Every item must be one that post office carries to the office named,
// in a status from which it may be delivered; the whole record is refused otherwise,
// naming the first bad item. With an idempotency key seen before from the same worker
// it returns that record and created false.
func (a *Handovers) Give(ctx context.Context, who *auth.Principal, in GiveInput, key IdempotencyKey) (HandoverView, bool, error) {
	in.Normalize()
	from, err := a.givingOffice(ctx, who, in.FromOffice)
	if err != nil {
		return HandoverView{}, false, err
	}
	to, err := a.receivingOffice(ctx, in.ToOffice)
	if err != nil {
		return HandoverView{}, false, err
	}
	list, fe := handover.List(in.TrackingNumbers)
	if fe != nil {
		return HandoverView{}, false, fe
	}
	giver := giverOf(who.Username, from)
	h := HandoverRecord{ID: uuid.New(), FromOffice: from, ToOffice: to.Code, GivenBy: who.Username,
		CreatedAt: a.Shipments.Now(), Source: "handover:" + uuid.NewString()}
	if key.Key != "" {
		h.Source, h.RequestHash = "handover:"+who.Username+":"+key.Key, key.RequestHash
		// A request sent again is answered first: its items may have been delivered by
		// now, through the record itself.
		prior, ok, err := a.Store.HandoverFrom(ctx, h.Source)
		switch {
		case err != nil:
			return HandoverView{}, false, err
		case ok && !bytes.Equal(prior.RequestHash, key.RequestHash):
			return HandoverView{}, false, shipment.Invalid("Idempotency-Key", "idempotency_key_reused")
		case ok:
			v, err := a.view(ctx, prior)
			return v, false, err
		}
	}
	for i, tn := range list {
		s, ok, err := a.Shipments.Store.Shipment(ctx, tn)
		if err != nil {
			return HandoverView{}, false, err
		}
		if !ok || !mayWork(giver, s) {
			// Another post office's item is answered as one that does not exist.
			return HandoverView{}, false, shipment.Invalid(handover.ItemField(i), "unknown_shipment", i+1, tn)
		}
		if fe := handover.Check(i, s.Shipment, to.Code, a.officeWords(ctx)); fe != nil {
			return HandoverView{}, false, fe
		}
		h.Items = append(h.Items, HandoverItem{ShipmentID: s.ID, TrackingNumber: s.TrackingNumber,
			DossierCode: s.DossierCode, Kind: s.Kind, SealNumber: s.SealNumber, Status: s.Status})
	}
	kept, created, err := a.Store.Give(ctx, h)
	if err != nil {
		return HandoverView{}, false, err
	}
	if !created && key.RequestHash != nil && !bytes.Equal(kept.RequestHash, key.RequestHash) {
		return HandoverView{}, false, shipment.Invalid("Idempotency-Key", "idempotency_key_reused")
	}
	v, err := a.view(ctx, kept)
	return v, created, err
}

// givingOffice is the post office who gives items from: the one named, which must be
// theirs, or the only one they work at.
func (a *Handovers) givingOffice(ctx context.Context, who *auth.Principal, named string) (string, error) {
	if named == "" && len(who.Offices) == 1 {
		named = who.Offices[0]
	}
	if named == "" || !who.InOffice(named) || who.Role != auth.RolePostal {
		return "", ErrNotYourPostOffice
	}
	o, ok, err := a.Shipments.Store.Office(ctx, named)
	if err != nil {
		return "", err
	}
	if !ok || o.Kind != kindPostOffice {
		return "", ErrNotYourPostOffice
	}
	return o.Code, nil
}

// receivingOffice is the office named to receive the items: an authority the post
// knows, not a post office (between post offices items move by their own steps).
func (a *Handovers) receivingOffice(ctx context.Context, code string) (Office, error) {
	if code == "" {
		return Office{}, shipment.Invalid("to_office", "required")
	}
	o, ok, err := a.Shipments.Store.Office(ctx, code)
	switch {
	case err != nil:
		return Office{}, err
	case !ok:
		return Office{}, shipment.Invalid("to_office", "unknown_office")
	case o.Kind == kindPostOffice:
		return Office{}, shipment.Invalid("to_office", "not_an_authority")
	}
	return o, nil
}

// giverOf is the postal worker username of the post office from, as the steps of a
// record are recorded: the worker who handed the items over, at that post office.
func giverOf(username, from string) *auth.Principal {
	return &auth.Principal{Username: username, Role: auth.RolePostal, Offices: []string{from}}
}

// mayRead reports whether who may read the record h: the staff of its two sides.
func mayRead(who *auth.Principal, h HandoverRecord) bool {
	return who.InOffice(h.FromOffice) || who.InOffice(h.ToOffice)
}

// mayReceive reports whether who may confirm h: the desk's or the office's staff of the
// office that receives the items.
func mayReceive(who *auth.Principal, h HandoverRecord) bool {
	return slices.Contains([]string{auth.RoleDesk, auth.RoleOfficer}, who.Role) && who.InOffice(h.ToOffice)
}

// officeWords names an office by its code, in words, from the post's copy.
func (a *Handovers) officeWords(ctx context.Context) func(code string) vocabulary.Words {
	return func(code string) vocabulary.Words {
		name := officeRef(ctx, a.Shipments.Store, code).Name
		return vocabulary.Words{VI: name, EN: name}
	}
}
