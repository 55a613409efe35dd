package dashboard

import (
	"net/http"
	"net/url"
	"time"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/platform/web/layout"
	"github.com/motcua/motcua/services/status/app/indicators"
	"github.com/motcua/motcua/services/worktime"
)

// page is what the template shows: what every page has (layout.Page; the filter's
// errors are by field: from, to, office, procedure), the filter form and, when the
// filter is valid and the figures could be read, the board.
type page struct {
	layout.Page
	// Home, on a refusal, is the pages of the visitor's role.
	Home       string
	Form       filter
	Offices    []option
	Procedures []option
	Quick      []link
	// Board is nil until the filter is valid and the figures are read.
	Board *board
	Now   time.Time
	// Trend, Mix and Late are the charts of the board.
	Trend trendChart
	Mix   mixChart
	Late  barChart
	// IndicatorsCSV and OverdueCSV download the board for the same filter.
	IndicatorsCSV string
	OverdueCSV    string
}

// option is a choice of a select.
type option struct {
	Value, Label string
	Selected     bool
}

// link is a quick choice of period.
type link struct {
	Label, URL string
	Current    bool
}

// newPage starts the page answering r, with its language, CSRF token (for the sign-out
// form) and language switch.
func (p *Pages) newPage(w http.ResponseWriter, r *http.Request) *page {
	return &page{Page: layout.NewPage(w, r, "")}
}

// Chrome is the page's frame: on a refusal, a way to the pages of the visitor's role.
func (pg *page) Chrome() layout.Chrome {
	c := pg.Frame(pg.T, HomePath, styles...)
	if pg.Home != "" {
		c.ErrorLink = layout.Link{Href: pg.Home, Text: pg.T("go.home")}
	}
	return c
}

// quickLinks are the usual periods, each keeping the office and procedure of f.
func quickLinks(lang htmlpage.Lang, today worktime.Date, f filter) []link {
	var out []link
	for _, q := range []struct {
		key    string
		period indicators.Period
	}{
		{"q.month", indicators.ThisMonth(today)}, {"q.last", indicators.LastMonth(today)},
		{"q.quarter", indicators.ThisQuarter(today)}, {"q.year", indicators.ThisYear(today)},
	} {
		g := f
		g.Period = q.period
		out = append(out, link{Label: texts.T(lang, q.key), URL: HomePath + "?" + g.query().Encode(),
			Current: f.periodOK && f.Period == q.period})
	}
	return out
}

// csvURL is the address of a CSV file for f.
func csvURL(path string, f filter) string {
	q := f.query()
	if path == OverdueCSVPath {
		q = url.Values{}
		for _, k := range []string{"office", "procedure"} {
			if v := f.query().Get(k); v != "" {
				q.Set(k, v)
			}
		}
		if len(q) == 0 {
			return path
		}
	}
	return path + "?" + q.Encode()
}

// T is the page's words for key.
func (pg *page) T(key string, args ...any) string { return texts.T(pg.Lang, key, args...) }

// Day shows a date.
func (pg *page) Day(d worktime.Date) string { return day(pg.Lang, d) }

// Period says the period of the board.
func (pg *page) Period() string {
	return pg.T("period", pg.Day(pg.Form.Period.From), pg.Day(pg.Form.Period.To), pg.Form.Period.Days())
}

// Rate shows a rate in percent, or that there is none.
func (pg *page) Rate(r *float64) string {
	if r == nil {
		return pg.T("no.data")
	}
	return htmlpage.Decimal(pg.Lang, *r, 1) + " %"
}

// Hours shows hours with one decimal, or that there are none.
func (pg *page) Hours(h *float64) string {
	if h == nil {
		return pg.T("no.data")
	}
	return pg.T("hours", htmlpage.Decimal(pg.Lang, *h, 1))
}

// Decimal shows x with one decimal.
func (pg *page) Decimal(x float64) string { return htmlpage.Decimal(pg.Lang, x, 1) }

// Met says whether rate reaches target: "met", "not-met" or "" without a rate.
func (pg *page) Met(rate *float64, target float64) string {
	switch {
	case rate == nil:
		return ""
	case *rate >= target:
		return "met"
	default:
		return "not-met"
	}
}

// Target says a target.
func (pg *page) Target(target float64) string {
	return pg.T("target", htmlpage.Decimal(pg.Lang, target, 1))
}

// SatisfactionTarget and OnlineShareTarget are §6's targets.
func (pg *page) SatisfactionTarget() float64 { return indicators.SatisfactionTarget }

// OnlineShareTarget is the target of the online share.
func (pg *page) OnlineShareTarget() float64 { return indicators.OnlineShareTarget }

// Timing names a timing.
func (pg *page) Timing(t string) string {
	return vocabulary.Timing(t).In(pg.Lang)
}

// Status names a dossier's status.
func (pg *page) Status(s string) string { return vocabulary.Status(s).In(pg.Lang) }

// Channel names a channel.
func (pg *page) Channel(c string) string { return pg.T("ch." + c) }

// BucketDates says a bucket's days.
func (pg *page) BucketDates(b indicators.Bucket) string {
	if b.From == b.To {
		return pg.Day(b.From)
	}
	return pg.Day(b.From) + " – " + pg.Day(b.To)
}

// TrendTitle is the trend chart's title.
func (pg *page) TrendTitle() string {
	if pg.Board != nil && pg.Board.Unit == indicators.Month {
		return pg.T("trend.month")
	}
	return pg.T("trend.week")
}

// Shown is how many overdue dossiers the page lists.
func (pg *page) Shown() int { return len(pg.Board.Overdue) }
