package web

import (
	"net/http"
	"slices"
	"strings"

	"github.com/motcua/motcua/proto/vocabulary"
)

// manifest answers GET /buu-chinh[?office=&date=]: the run sheet of the worker's post
// office (the first of them, or the one picked) for a day, today when none is picked.
func (p *Pages) manifest(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "manifest")
	q := r.URL.Query()
	pg.Office = strings.TrimSpace(q.Get("office"))
	if len(pg.Who.Offices) == 0 {
		pg.Name, pg.Error = "message", pg.T("no.office")
		p.render(w, http.StatusForbidden, pg)
		return
	}
	if !slices.Contains(pg.Who.Offices, pg.Office) {
		pg.Office = pg.Who.Offices[0]
	}
	day, ok := p.Shipments.Day(strings.TrimSpace(q.Get("date")))
	pg.Date = day.String()
	if !ok {
		pg.Errors["date"] = vocabulary.Problem("date", "invalid_date").In(pg.Lang)
		p.render(w, http.StatusUnprocessableEntity, pg)
		return
	}
	m, err := p.Shipments.Manifest(r.Context(), pg.Who, pg.Office, day)
	if err != nil {
		p.fail(w, r, pg, err)
		return
	}
	pg.RunSheet = &m
	for _, v := range append(slices.Clone(m.Pickups), m.Deliveries...) {
		if v.AddressUnreadable {
			p.Log.Error("postal page: a shipment's sealed address does not open", "tracking_number", v.TrackingNumber)
		}
	}
	for _, o := range pg.Who.Offices {
		label := o
		if o == m.PostOffice.Code {
			label = m.PostOffice.Name
		}
		pg.Offices = append(pg.Offices, option{Value: o, Label: label, Selected: o == pg.Office})
	}
	p.render(w, http.StatusOK, pg)
}
