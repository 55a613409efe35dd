package app

import (
	"context"
	"errors"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/postal/adapters/store"
	"github.com/motcua/motcua/services/worktime"
)

// Notifier is told after a commit that added outbox rows (the relay).
type Notifier interface{ Notify() }

// Shipments is the post's work on shipments: opening them at a desk's request, showing
// them, recording their steps, and the run sheets.
type Shipments struct {
	Store    *store.Store
	Sealer   *sealing.Sealer
	Calendar *worktime.Live
	Relay    Notifier
	Now      func() time.Time
}

// Get returns the shipment with tracking number tn and its steps, for who.
func (a *Shipments) Get(ctx context.Context, who *auth.Principal, tn string) (View, error) {
	s, ok, err := a.Store.ShipmentByNumber(ctx, tn)
	if err != nil {
		return View{}, err
	}
	if !ok {
		return View{}, ErrNotFound
	}
	d, _, err := a.Store.DossierByCode(ctx, s.DossierCode)
	if err != nil {
		return View{}, err
	}
	if !maySee(who, s, d.ReceivingOffice) {
		return View{}, ErrForbidden
	}
	v, err := a.view(ctx, a.Store.Pool(), s, true)
	if err != nil {
		return View{}, err
	}
	if err := a.withEvents(ctx, &v, s); err != nil {
		return View{}, err
	}
	return v, a.Store.RecordReads(ctx, []uuid.UUID{s.ID}, who.Username, "view")
}

// OfDossier returns the shipments of the dossier with code that who may see, oldest first.
func (a *Shipments) OfDossier(ctx context.Context, who *auth.Principal, code string) ([]View, error) {
	d, ok, err := a.Store.DossierByCode(ctx, code)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrNotFound
	}
	list, err := a.Store.ShipmentsOfDossier(ctx, code)
	if err != nil {
		return nil, err
	}
	out := []View{}
	var read []uuid.UUID
	for _, s := range list {
		if !maySee(who, s, d.ReceivingOffice) {
			continue
		}
		v, err := a.view(ctx, a.Store.Pool(), s, true)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		read = append(read, s.ID)
	}
	return out, a.Store.RecordReads(ctx, read, who.Username, "list")
}

// ManifestView is a post office's run sheet for a day.
type ManifestView struct {
	PostOffice OfficeRef `json:"post_office"`
	Date       string    `json:"date"`
	Pickups    []View    `json:"pickups"`
	Deliveries []View    `json:"deliveries"`
}

// Manifest returns the run sheet of postOffice for day, for one of its postal workers
// (or a supervisor): what to pick up and what to deliver, with the addresses. A
// shipment whose address cannot be opened is listed with AddressUnreadable.
func (a *Shipments) Manifest(ctx context.Context, who *auth.Principal, postOffice string, day worktime.Date) (ManifestView, error) {
	o, ok, err := a.Store.Office(ctx, postOffice)
	if err != nil {
		return ManifestView{}, err
	}
	if !ok || o.Kind != "post_office" {
		return ManifestView{}, ErrNotFound
	}
	if who.Role == auth.RolePostal && !who.InOffice(postOffice) {
		return ManifestView{}, ErrForbidden
	}
	loc := a.Calendar.Calendar().Location()
	from := time.Date(day.Year, day.Month, day.Day, 0, 0, 0, 0, loc)
	m, err := a.Store.ManifestOf(ctx, postOffice, from, from.AddDate(0, 0, 1))
	if err != nil {
		return ManifestView{}, err
	}
	out := ManifestView{PostOffice: *officeRef(ctx, a.Store.Pool(), postOffice), Date: day.String(), Pickups: []View{}, Deliveries: []View{}}
	var read []uuid.UUID
	for _, part := range []struct {
		from []store.Shipment
		into *[]View
	}{{m.Pickups, &out.Pickups}, {m.Deliveries, &out.Deliveries}} {
		for _, s := range part.from {
			v, err := a.view(ctx, a.Store.Pool(), s, true)
			switch {
			case errors.Is(err, sealing.ErrTampered):
				// One address that does not open (a key changed without re-sealing, a
				// damaged row) must not hide the whole day's work: the shipment is
				// listed, said to be unreadable, and nothing personal was read.
				v.AddressUnreadable = true
			case err != nil:
				return ManifestView{}, err
			default:
				read = append(read, s.ID)
			}
			*part.into = append(*part.into, v)
		}
	}
	return out, a.Store.RecordReads(ctx, read, who.Username, "manifest")
}
