package dashboard

import (
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/status/app/indicators"
	"github.com/motcua/motcua/services/worktime"
)

// maxCodeLength bounds an office or procedure code in the address.
const maxCodeLength = 64

// filter is what the supervisor asked to see: the period and, when chosen, one office
// and one procedure. The raw values fill the form again.
type filter struct {
	Period               indicators.Period
	From, To             string
	Office, Procedure    string
	periodOK, selectedOK bool
}

// query is the filter in an address's query, for links that keep it.
func (f filter) query() url.Values {
	q := url.Values{"from": {f.Period.From.String()}, "to": {f.Period.To.String()}}
	if f.Office != "" {
		q.Set("office", f.Office)
	}
	if f.Procedure != "" {
		q.Set("procedure", f.Procedure)
	}
	return q
}

// readPeriod reads from and to (days in the offices' time zone, both included) into f,
// or tells in errs what is wrong with them. Neither means this month up to today.
func readPeriod(q url.Values, today worktime.Date, lang htmlpage.Lang, f *filter, errs map[string]string) {
	f.From, f.To = strings.TrimSpace(q.Get("from")), strings.TrimSpace(q.Get("to"))
	if f.From == "" && f.To == "" {
		f.Period = indicators.ThisMonth(today)
		f.From, f.To = f.Period.From.String(), f.Period.To.String()
		f.periodOK = true
		return
	}
	var from, to worktime.Date
	for _, d := range []struct {
		field, typed string
		day          *worktime.Date
	}{{"from", f.From, &from}, {"to", f.To, &to}} {
		var err error
		switch {
		case d.typed == "":
			errs[d.field] = problem(lang, d.field, "required")
		case !utf8.ValidString(d.typed):
			errs[d.field] = problem(lang, d.field, "not_a_date", "")
		default:
			if *d.day, err = worktime.ParseDate(d.typed); err != nil {
				errs[d.field] = problem(lang, d.field, "not_a_date", shorten(d.typed, 20))
			}
		}
	}
	if errs["from"] != "" || errs["to"] != "" {
		return
	}
	p := indicators.Period{From: from, To: to}
	switch {
	case from.After(to):
		errs["to"] = problem(lang, "to", "before_from", day(lang, to), day(lang, from))
	case p.Days() > indicators.MaxDays:
		errs["to"] = problem(lang, "to", "period_too_long", p.Days(), indicators.MaxDays)
	default:
		f.Period, f.periodOK = p, true
	}
}

// readScope reads the office and the procedure into f: an office must be one of
// offices (the supervisor's), a procedure one of procedures (those status has seen).
func readScope(q url.Values, offices, procedures []indicators.Named, lang htmlpage.Lang, f *filter, errs map[string]string) {
	f.Office, f.Procedure = strings.TrimSpace(q.Get("office")), strings.TrimSpace(q.Get("procedure"))
	known := func(list []indicators.Named, code string) bool {
		return slices.ContainsFunc(list, func(n indicators.Named) bool { return n.Code == code })
	}
	for _, c := range []struct {
		field, value, unknown string
		list                  []indicators.Named
	}{{"office", f.Office, "not_supervised", offices}, {"procedure", f.Procedure, "no_dossiers", procedures}} {
		switch {
		case c.value == "":
		case !utf8.ValidString(c.value) || len(c.value) > maxCodeLength || strings.ContainsFunc(c.value, isControl):
			errs[c.field] = problem(lang, c.field, "invalid_code")
		case !known(c.list, c.value):
			errs[c.field] = problem(lang, c.field, c.unknown, c.value)
		}
	}
	f.selectedOK = errs["office"] == "" && errs["procedure"] == ""
	if errs["office"] != "" || !utf8.ValidString(f.Office) {
		f.Office = ""
	}
	if errs["procedure"] != "" || !utf8.ValidString(f.Procedure) {
		f.Procedure = ""
	}
}

// problem is the catalogue's words for the problem of field and code, in lang.
func problem(lang htmlpage.Lang, field, code string, args ...any) string {
	return vocabulary.Problem(field, code, args...).In(lang)
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

// day shows a date as the page's language writes it: 31/03/2026 or 31 Mar 2026.
func day(lang htmlpage.Lang, d worktime.Date) string {
	return htmlpage.Day(lang, time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, htmlpage.Zone))
}
