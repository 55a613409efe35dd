package app

import (
	"context"
	"time"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/worktime"
)

// CashView is a post office's cash statement for a day: the fees it collected for each
// authority with the dossiers it took at its counter, and the postage, per dossier, with
// each authority's sums and the day's; what the post office hands each desk with the
// money.
type CashView struct {
	PostOffice  OfficeRef       `json:"post_office"`
	Date        string          `json:"date"`
	Authorities []CashAuthority `json:"authorities"`
	Dossiers    int             `json:"dossiers"`
	FeeVND      int64           `json:"fee_vnd"`
	PostageVND  int64           `json:"postage_vnd"`
	TotalVND    int64           `json:"total_vnd"`
}

// CashAuthority is what a post office collected in a day for one authority.
type CashAuthority struct {
	Office     OfficeRef     `json:"office"`
	Dossiers   []CashDossier `json:"dossiers"`
	FeeVND     int64         `json:"fee_vnd"`
	PostageVND int64         `json:"postage_vnd"`
	TotalVND   int64         `json:"total_vnd"`
}

// CashDossier is what was collected with one dossier the post office took.
type CashDossier struct {
	DossierCode    string    `json:"dossier_code"`
	TrackingNumber string    `json:"tracking_number"`
	TakenAt        time.Time `json:"taken_at"`
	FeeVND         int64     `json:"fee_vnd"`
	PostageVND     int64     `json:"postage_vnd"`
}

// Cash returns the cash statement of postOffice for day (in the calendar's zone): the
// dossiers it took at its counter that day, by the authority each is for, for one of its
// postal workers. Anyone else is told the post office has none, as for an office that
// is not a post office.
func (a *Shipments) Cash(ctx context.Context, who *auth.Principal, postOffice string, day worktime.Date) (CashView, error) {
	o, ok, err := a.Store.Office(ctx, postOffice)
	if err != nil {
		return CashView{}, err
	}
	if !ok || o.Kind != kindPostOffice || who.Role != auth.RolePostal || !who.InOffice(postOffice) {
		return CashView{}, ErrNotFound
	}
	loc := a.Calendar.Calendar().Location()
	from := time.Date(day.Year, day.Month, day.Day, 0, 0, 0, 0, loc)
	counter, err := a.Store.CounterPickups(ctx, postOffice, from, from.AddDate(0, 0, 1))
	if err != nil {
		return CashView{}, err
	}
	out := CashView{PostOffice: *officeRef(ctx, a.Store, postOffice), Date: day.String(), Authorities: []CashAuthority{}}
	for _, s := range counter { // ordered by the authority
		if n := len(out.Authorities); n == 0 || out.Authorities[n-1].Office.Code != s.ToOffice {
			out.Authorities = append(out.Authorities, CashAuthority{Office: *officeRef(ctx, a.Store, s.ToOffice)})
		}
		g := &out.Authorities[len(out.Authorities)-1]
		g.Dossiers = append(g.Dossiers, CashDossier{DossierCode: s.DossierCode, TrackingNumber: s.TrackingNumber,
			TakenAt: s.CreatedAt.In(loc), FeeVND: s.FeeCollectedVND, PostageVND: s.PostageVND})
		g.FeeVND += s.FeeCollectedVND
		g.PostageVND += s.PostageVND
		g.TotalVND = g.FeeVND + g.PostageVND
		out.Dossiers++
		out.FeeVND += s.FeeCollectedVND
		out.PostageVND += s.PostageVND
	}
	out.TotalVND = out.FeeVND + out.PostageVND
	return out, nil
}
