package rest

import (
	"mime"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/spreadsheet"
	"github.com/motcua/motcua/services/status/app/indicators"
	"github.com/motcua/motcua/services/status/ports/cells"
	"github.com/motcua/motcua/services/worktime"
)

// maxStatsDays bounds the period of one statistics request.
const maxStatsDays = indicators.MaxDays

type finishedJSON struct {
	Early  int64 `json:"early"`
	OnTime int64 `json:"on_time"`
	Late   int64 `json:"late"`
}

type openJSON struct {
	WithinDeadline int64 `json:"within_deadline"`
	Overdue        int64 `json:"overdue"`
}

type channelsJSON struct {
	Desk   int64 `json:"desk"`
	Post   int64 `json:"post"`
	Online int64 `json:"online"`
}

type ratingsJSON struct {
	Count    int64    `json:"count"`
	Average  *float64 `json:"average"`
	Dislikes int64    `json:"dislikes"`
}

// figuresJSON are the figures of a set of dossiers: counters, and rates in percent with
// one decimal (null when their denominator is 0).
type figuresJSON struct {
	Received           int64        `json:"received"`
	Finished           finishedJSON `json:"finished"`
	Open               openJSON     `json:"open"`
	Withdrawn          int64        `json:"withdrawn"`
	OnTimeRate         *float64     `json:"on_time_rate"`
	AvgProcessingHours *float64     `json:"avg_processing_hours"`
	AvgCheckHours      *float64     `json:"avg_check_hours"`
	Channels           channelsJSON `json:"channels"`
	OnlineShare        *float64     `json:"online_share"`
	SatisfactionRate   *float64     `json:"satisfaction_rate"`
	Ratings            ratingsJSON  `json:"ratings"`
}

type groupJSON struct {
	Code string `json:"code"`
	Name string `json:"name"`
	figuresJSON
}

type statsJSON struct {
	From string `json:"from"`
	To   string `json:"to"`
	figuresJSON
	ByProcedure []groupJSON `json:"by_procedure"`
	ByOffice    []groupJSON `json:"by_office"`
	// PostLegs are the post's legs delivered in the period, per post office.
	PostLegs []postLegJSON `json:"post_legs"`
	// AtRisk is how many open dossiers of the offices (the office, the procedure) asked
	// for are at risk now, whatever the period: due within AtRiskHours working hours,
	// by AtRiskUntil. The staff list's at_risk=true lists them.
	AtRisk      int64     `json:"at_risk"`
	AtRiskHours int       `json:"at_risk_hours"`
	AtRiskUntil time.Time `json:"at_risk_until"`
}

// postLegJSON is the legs of the post through one post office: the dossiers it took in
// and the results it delivered or handed over.
type postLegJSON struct {
	PostOffice ref         `json:"post_office"`
	Pickups    legTimeJSON `json:"pickups"`
	Results    legTimeJSON `json:"results"`
}

// legTimeJSON is how many legs and their average duration in hours (one decimal; null
// when there is none).
type legTimeJSON struct {
	Count    int64    `json:"count"`
	AvgHours *float64 `json:"avg_hours"`
}

// stats answers GET /stats: the figures supervisors are judged on (Decision 766/QĐ-TTg)
// over the dossiers received in a period, as JSON or as CSV.
func (a *API) stats(w http.ResponseWriter, r *http.Request) {
	now := a.Now()
	q := r.URL.Query()
	asCSV, err := wantsCSV(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	from, to, err := a.period(q.Get("from"), q.Get("to"), now)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	period := indicators.Period{From: from, To: to}
	who := auth.FromContext(r.Context())
	if len(who.Offices) == 0 {
		a.fail(w, r, httpapi.Forbidden("no_offices"))
		return
	}
	// A supervisor sees the dossiers that passed through their own offices, as on the
	// dashboard.
	scope := indicators.Scope{Period: period, Within: who.Offices}
	for _, p := range []struct {
		name string
		dst  *string
	}{{"office", &scope.Office}, {"procedure", &scope.Procedure}} {
		v := strings.TrimSpace(q.Get(p.name))
		if !utf8.ValidString(v) || len(v) > 64 || strings.ContainsRune(v, 0) {
			a.fail(w, r, invalid(p.name, "invalid_code"))
			return
		}
		*p.dst = v
	}
	table, err := a.Indicators.Table(r.Context(), scope, now)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if asCSV {
		writeStatsCSV(w, period, table)
		return
	}
	risk, err := a.Indicators.AtRisk(r.Context(), scope, now)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, statsJSON{From: period.From.String(), To: period.To.String(),
		figuresJSON: figures(table.Total), ByProcedure: groups(table.ByProcedure), ByOffice: groups(table.ByOffice),
		PostLegs: postLegs(table.PostLegs), AtRisk: risk.Count, AtRiskHours: risk.Hours,
		AtRiskUntil: a.local(risk.Until)})
}

// postLegs shows the post's legs as the API answers them.
func postLegs(ls []indicators.PostLeg) []postLegJSON {
	out := make([]postLegJSON, 0, len(ls))
	for _, l := range ls {
		out = append(out, postLegJSON{PostOffice: ref(l.PostOffice),
			Pickups: legTimeJSON{Count: l.Pickups.Count, AvgHours: l.Pickups.AvgHours()},
			Results: legTimeJSON{Count: l.Results.Count, AvgHours: l.Results.AvgHours()}})
	}
	return out
}

// wantsCSV reads the format asked for: ?format=csv or json, else Accept: text/csv.
func wantsCSV(r *http.Request) (bool, error) {
	switch f := strings.ToLower(strings.TrimSpace(r.URL.Query().Get("format"))); f {
	case "csv":
		return true, nil
	case "json":
		return false, nil
	case "":
	default:
		return false, invalid("format", "unknown_format")
	}
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		if mt, _, err := mime.ParseMediaType(strings.TrimSpace(part)); err == nil && mt == "text/csv" {
			return true, nil
		}
	}
	return false, nil
}

// period reads from and to (dates in the offices' time zone, both included). Without
// either, the period is the current month, from its first to its last day.
func (a *API) period(fromS, toS string, now time.Time) (from, to worktime.Date, err error) {
	fromS, toS = strings.TrimSpace(fromS), strings.TrimSpace(toS)
	if fromS == "" && toS == "" {
		today := worktime.DateOf(now.In(a.Location))
		from = worktime.Date{Year: today.Year, Month: today.Month, Day: 1}
		first := time.Date(today.Year, today.Month, 1, 0, 0, 0, 0, time.UTC)
		return from, worktime.DateOf(first.AddDate(0, 1, -1)), nil
	}
	if fromS == "" || toS == "" {
		field := "from"
		if fromS != "" {
			field = "to"
		}
		return from, to, invalid(field, "required")
	}
	if from, err = worktime.ParseDate(fromS); err != nil {
		return from, to, invalid("from", "invalid_date")
	}
	if to, err = worktime.ParseDate(toS); err != nil {
		return from, to, invalid("to", "invalid_date")
	}
	if from.After(to) {
		return from, to, invalid("from", "from_after_to")
	}
	if days := (indicators.Period{From: from, To: to}).Days(); days > maxStatsDays {
		return from, to, invalid("to", "period_too_long", days, maxStatsDays)
	}
	return from, to, nil
}

// figures shows the indicators f (app/indicators) as the API answers them.
func figures(f indicators.Figures) figuresJSON {
	return figuresJSON{
		Received:           f.Received,
		Finished:           finishedJSON{Early: f.Early, OnTime: f.OnTime, Late: f.Late},
		Open:               openJSON{WithinDeadline: f.WithinDeadline, Overdue: f.Overdue},
		Withdrawn:          f.Withdrawn,
		OnTimeRate:         f.OnTimeRate,
		AvgProcessingHours: f.AvgProcessingHours,
		AvgCheckHours:      f.AvgCheckHours,
		Channels:           channelsJSON{Desk: f.Desk, Post: f.Post, Online: f.Online},
		OnlineShare:        f.OnlineShare,
		SatisfactionRate:   f.SatisfactionRate,
		Ratings:            ratingsJSON{Count: f.Ratings, Dislikes: f.Dislikes, Average: f.AvgScore},
	}
}

func groups(gs []indicators.GroupFigures) []groupJSON {
	out := make([]groupJSON, 0, len(gs))
	for _, g := range gs {
		out = append(out, groupJSON{Code: g.Code, Name: g.Name, figuresJSON: figures(g.Figures)})
	}
	return out
}

var statsColumns = []string{"scope", "code", "name", "from", "to", "received",
	"finished_early", "finished_on_time", "finished_late", "open_within_deadline", "open_overdue", "withdrawn",
	"on_time_rate", "avg_processing_hours", "channel_desk", "channel_post", "channel_online", "online_share",
	"satisfaction_rate", "ratings_count", "ratings_average", "ratings_dislikes", "avg_check_hours"}

// writeStatsCSV answers with the statistics as a spreadsheet: a header, the total, then a
// row per procedure and per office.
func writeStatsCSV(w http.ResponseWriter, p indicators.Period, t indicators.Table) {
	from, to := p.From.String(), p.To.String()
	var rows [][]string
	row := func(scope, code, name string, f indicators.Figures) {
		rows = append(rows, append([]string{scope, code, name, from, to}, cells.Of(f)...))
	}
	row("total", "", "", t.Total)
	for _, g := range t.ByProcedure {
		row("procedure", g.Code, g.Name, g.Figures)
	}
	for _, g := range t.ByOffice {
		row("office", g.Code, g.Name, g.Figures)
	}
	spreadsheet.Write(w, spreadsheet.File{Name: "thong-ke-" + from + "-" + to + ".csv", Header: statsColumns, Rows: rows})
}
