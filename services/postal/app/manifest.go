package app

import (
	"context"
	"errors"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/worktime"
)

// ManifestView is a post office's run sheet for a day.
type ManifestView struct {
	PostOffice OfficeRef `json:"post_office"`
	Date       string    `json:"date"`
	Pickups    []View    `json:"pickups"`
	Deliveries []View    `json:"deliveries"`
}

// Manifest returns the run sheet of postOffice for day, for one of its postal workers:
// what to pick up and what to deliver, with the addresses. A shipment whose address
// cannot be opened is listed with AddressUnreadable. Anyone else is told the post office
// has no run sheet, as for an office that is not a post office.
func (a *Shipments) Manifest(ctx context.Context, who *auth.Principal, postOffice string, day worktime.Date) (ManifestView, error) {
	o, ok, err := a.Store.Office(ctx, postOffice)
	if err != nil {
		return ManifestView{}, err
	}
	if !ok || o.Kind != kindPostOffice || who.Role != auth.RolePostal || !who.InOffice(postOffice) {
		return ManifestView{}, ErrNotFound
	}
	from := time.Date(day.Year, day.Month, day.Day, 0, 0, 0, 0, a.Calendar.Calendar().Location())
	sheet, err := a.Store.RunSheet(ctx, postOffice, from, from.AddDate(0, 0, 1))
	if err != nil {
		return ManifestView{}, err
	}
	out := ManifestView{PostOffice: *officeRef(ctx, a.Store, postOffice), Date: day.String()}
	var read []uuid.UUID
	if out.Pickups, err = a.runSheetViews(ctx, sheet.Pickups, &read); err != nil {
		return ManifestView{}, err
	}
	asked, err := a.askedViews(ctx, postOffice, day, &read)
	if err != nil {
		return ManifestView{}, err
	}
	out.Pickups = append(out.Pickups, asked...)
	if out.Deliveries, err = a.runSheetViews(ctx, sheet.Deliveries, &read); err != nil {
		return ManifestView{}, err
	}
	return out, a.Store.RecordReads(ctx, read, who.Username, "manifest")
}

// Day reads the day of a run sheet, written YYYY-MM-DD; nothing written is today in the
// calendar's zone. A date it cannot read, or one outside the calendar's years, is not
// ok, and comes back as today (for the form to show again).
func (a *Shipments) Day(written string) (day worktime.Date, ok bool) {
	today := worktime.DateOf(a.Now().In(a.Calendar.Calendar().Location()))
	if written == "" {
		return today, true
	}
	d, err := worktime.ParseDate(written)
	if err != nil || d.Year < worktime.FirstYear || d.Year > worktime.LastYear {
		return today, false
	}
	return d, true
}

// runSheetViews are the answers for the shipments of a run sheet, with their addresses;
// it adds to read the shipments whose address it opened.
func (a *Shipments) runSheetViews(ctx context.Context, list []ShipmentRecord, read *[]uuid.UUID) ([]View, error) {
	out := []View{}
	for _, s := range list {
		v, err := a.view(ctx, a.Store, s, true)
		switch {
		case errors.Is(err, sealing.ErrTampered):
			// One address that does not open (a key changed without re-sealing, a
			// damaged row) must not hide the whole day's work: the shipment is
			// listed, said to be unreadable, and nothing personal was read.
			v.AddressUnreadable = true
		case err != nil:
			return nil, err
		default:
			*read = append(*read, s.ID)
		}
		out = append(out, v)
	}
	return out, nil
}
