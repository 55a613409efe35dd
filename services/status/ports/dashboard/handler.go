package dashboard

import (
	"context"
	"fmt"
	"net/http"

	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/status/app/indicators"
	"github.com/motcua/motcua/services/worktime"
)

// dashboard answers GET /giam-sat: the board of the filter in the query, or the form
// with what to correct (422), never a failure for bad input.
func (p *Pages) dashboard(w http.ResponseWriter, r *http.Request) {
	pg, ok := p.prepare(w, r)
	if !ok {
		return
	}
	var b board
	var err error
	b.Board, err = p.Indicators.Board(r.Context(), scope(pg.Who, pg.Form), pg.Now)
	if err == nil {
		b.Overdue, b.OverdueTotal, err = p.Indicators.Overdue(r.Context(), scope(pg.Who, pg.Form), pg.Now, overduePageLimit)
	}
	if err == nil {
		b.AtRisk, err = p.Indicators.AtRisk(r.Context(), scope(pg.Who, pg.Form), pg.Now)
	}
	if err != nil {
		p.unavailable(w, r.Context(), pg, err)
		return
	}
	pg.Board = &b
	pg.Trend = newTrendChart(trendInputs(pg, b.Board))
	pg.Mix = newMixChart(map[string]int64{"desk": b.Total.Desk, "post": b.Total.Post, "online": b.Total.Online})
	pg.Late = newBarChart(lateByOffice(b.ByOffice))
	p.render(w, http.StatusOK, pg)
}

// prepare starts the page of r and reads its filter; when the page is already answered
// (the filter is wrong, the account has no office, the store failed), ok is false.
func (p *Pages) prepare(w http.ResponseWriter, r *http.Request) (pg *page, ok bool) {
	pg = p.newPage(w, r)
	pg.Now = p.Now()
	today := worktime.DateOf(pg.Now.In(p.Location))
	q := r.URL.Query()
	readPeriod(q, today, pg.Lang, &pg.Form, pg.Errors)
	if len(pg.Who.Offices) == 0 {
		pg.Error = problem(pg.Lang, "", "no_offices")
		p.render(w, http.StatusOK, pg)
		return pg, false
	}
	offices, procedures, err := p.Indicators.Choices(r.Context(), pg.Who.Offices)
	if err != nil {
		p.unavailable(w, r.Context(), pg, err)
		return pg, false
	}
	readScope(q, offices, procedures, pg.Lang, &pg.Form, pg.Errors)
	for _, o := range offices {
		pg.Offices = append(pg.Offices, option{Value: o.Code, Label: o.Name, Selected: o.Code == pg.Form.Office})
	}
	for _, o := range procedures {
		pg.Procedures = append(pg.Procedures, option{Value: o.Code, Label: o.Name + " (" + o.Code + ")",
			Selected: o.Code == pg.Form.Procedure})
	}
	pg.Quick = quickLinks(pg.Lang, today, pg.Form)
	if len(pg.Errors) > 0 {
		pg.Error = pg.T("fix.errors")
		p.render(w, http.StatusUnprocessableEntity, pg)
		return pg, false
	}
	pg.IndicatorsCSV, pg.OverdueCSV = csvURL(IndicatorsCSVPath, pg.Form), csvURL(OverdueCSVPath, pg.Form)
	return pg, true
}

// unavailable answers that the figures could not be read now (503), and logs why.
func (p *Pages) unavailable(w http.ResponseWriter, ctx context.Context, pg *page, err error) {
	if ctx.Err() == nil {
		p.Log.Error("supervisor dashboard", "err", err)
	}
	pg.Error = problem(pg.Lang, "", "figures_unavailable")
	pg.Board = nil
	w.Header().Set("Retry-After", "30")
	p.render(w, http.StatusServiceUnavailable, pg)
}

// trendInputs are the board's buckets for the trend chart.
func trendInputs(pg *page, b indicators.Board) []trendInput {
	out := make([]trendInput, len(b.Buckets))
	for i, bk := range b.Buckets {
		f := b.Series[i]
		label := fmt.Sprintf("%02d/%02d", bk.From.Day, int(bk.From.Month))
		if b.Unit == "month" {
			label = fmt.Sprintf("%02d/%d", int(bk.From.Month), bk.From.Year)
			if pg.Lang == htmlpage.English {
				label = fmt.Sprintf("%s %d", bk.From.Month.String()[:3], bk.From.Year)
			}
		} else if pg.Lang == htmlpage.English {
			label = fmt.Sprintf("%d %s", bk.From.Day, bk.From.Month.String()[:3])
		}
		out[i] = trendInput{Label: label, Title: pg.BucketDates(bk), OnTime: f.InTime(),
			Scored: f.Scored}
	}
	return out
}
