package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// sizeResult is every figure at one size. The first fields are the summary:
// each the worse of its figures (by p99) and the largest process's peak memory.
type sizeResult struct {
	Dossiers            int                `json:"dossiers"`
	LookupP50           float64            `json:"lookup_p50_ms"`
	LookupP99           float64            `json:"lookup_p99_ms"`
	WorklistP50         float64            `json:"worklist_p50_ms"`
	WorklistP99         float64            `json:"worklist_p99_ms"`
	SearchP50           float64            `json:"search_p50_ms"`
	SearchP99           float64            `json:"search_p99_ms"`
	DashboardYearP50    float64            `json:"dashboard_year_p50_ms"`
	DashboardYearP99    float64            `json:"dashboard_year_p99_ms"`
	PeakRSSMiB          float64            `json:"peak_rss_mib"`
	Lookup              figure             `json:"lookup_cold"`
	WorklistFirst       figure             `json:"worklist_first_page"`
	WorklistDeep        figure             `json:"worklist_deep_page"`
	WorklistPages       int                `json:"worklist_deep_page_number"`
	IntakeWorklistFirst figure             `json:"intake_worklist_first_page"`
	IntakeWorklistDeep  figure             `json:"intake_worklist_deep_page"`
	IntakeWorklistPages int                `json:"intake_worklist_deep_page_number"`
	SearchCommon        figure             `json:"search_common_name"`
	SearchRare          figure             `json:"search_rare_name"`
	DashboardOffice     figure             `json:"dashboard_year_one_office"`
	DashboardAll        figure             `json:"dashboard_year_all_offices"`
	StatsCSV            figure             `json:"stats_csv_year"`
	StatsAPI            figure             `json:"stats_api_year"`
	PeakRSSByProcess    map[string]float64 `json:"peak_rss_mib_by_process"`
	// ResidentAtStartByProcess is each process's resident memory when its peak was reset,
	// before the size's measurements: the peak cannot be lower.
	ResidentAtStartByProcess map[string]float64 `json:"resident_mib_before_measuring_by_process"`
	LoadSeconds              float64            `json:"load_seconds"`
	SettleSeconds            float64            `json:"vacuum_analyze_seconds"`
	DatabaseMiB              float64            `json:"database_mib"`
	Rows                     map[string]int     `json:"rows_added"`
}

// summarize fills the summary fields from the figures.
func (r *sizeResult) summarize() {
	worse := func(fs ...figure) figure {
		w := fs[0]
		for _, f := range fs[1:] {
			if f.P99 > w.P99 {
				w = f
			}
		}
		return w
	}
	f := r.Lookup
	r.LookupP50, r.LookupP99 = f.P50, f.P99
	f = worse(r.WorklistFirst, r.WorklistDeep)
	r.WorklistP50, r.WorklistP99 = f.P50, f.P99
	f = worse(r.SearchCommon, r.SearchRare)
	r.SearchP50, r.SearchP99 = f.P50, f.P99
	f = worse(r.DashboardOffice, r.DashboardAll)
	r.DashboardYearP50, r.DashboardYearP99 = f.P50, f.P99
}

type results struct {
	Machine    string       `json:"machine"`
	Requests   int          `json:"requests_per_figure"`
	Clients    int          `json:"clients"`
	Sizes      []sizeResult `json:"sizes"`
	MeasuredAt time.Time    `json:"measured_at"`
}

func (r *results) write(path string) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// row is a line of the table: a figure at every size, and its target.
type row struct {
	name string
	// latency, when set, reads the row's figure of a size; value a plain number.
	latency func(sizeResult) figure
	value   func(sizeResult) float64
	// limit is the p99 (or value) the largest size must stay under, 0 for none;
	// growth whether the p99 at the largest size must stay within twice the smallest's.
	limit  float64
	unit   string
	growth bool
}

func latencyRow(name string, limit float64, f func(sizeResult) figure) row {
	return row{name: name, latency: f, limit: limit, unit: "ms", growth: true}
}

func memoryRow(process string) row {
	return row{name: "peak memory, " + process + " (MiB)", limit: 64, unit: "MiB",
		value: func(s sizeResult) float64 { return s.PeakRSSByProcess[process] }}
}

func residentRow(process string) row {
	return row{name: "  resident before measuring (MiB)",
		value: func(s sizeResult) float64 { return s.ResidentAtStartByProcess[process] }}
}

var rows = []row{
	latencyRow("lookup, never looked up", 20, func(s sizeResult) figure { return s.Lookup }),
	latencyRow("work list (status API), 1st page", 100, func(s sizeResult) figure { return s.WorklistFirst }),
	latencyRow("work list (status API), deep page", 100, func(s sizeResult) figure { return s.WorklistDeep }),
	latencyRow("work list (intake page), 1st page", 100, func(s sizeResult) figure { return s.IntakeWorklistFirst }),
	latencyRow("work list (intake page), deep page", 100, func(s sizeResult) figure { return s.IntakeWorklistDeep }),
	latencyRow("search, common name", 100, func(s sizeResult) figure { return s.SearchCommon }),
	latencyRow("search, rare name", 100, func(s sizeResult) figure { return s.SearchRare }),
	latencyRow("dashboard, year, one office", 1000, func(s sizeResult) figure { return s.DashboardOffice }),
	latencyRow("dashboard, year, all offices", 1000, func(s sizeResult) figure { return s.DashboardAll }),
	latencyRow("statistics CSV, year", 1000, func(s sizeResult) figure { return s.StatsCSV }),
	latencyRow("statistics API, year", 1000, func(s sizeResult) figure { return s.StatsAPI }),
	memoryRow("intake"),
	residentRow("intake"),
	memoryRow("status"),
	residentRow("status"),
	memoryRow("postal"),
	residentRow("postal"),
	{name: "load (s)", value: func(s sizeResult) float64 { return s.LoadSeconds }},
	{name: "VACUUM ANALYZE (s)", value: func(s sizeResult) float64 { return s.SettleSeconds }},
	{name: "database (MiB)", value: func(s sizeResult) float64 { return s.DatabaseMiB }},
}

// verdict judges a row on the largest size against the smallest.
func (w row) verdict(sizes []sizeResult) string {
	if w.limit == 0 && !w.growth {
		return ""
	}
	first, last := sizes[0], sizes[len(sizes)-1]
	var misses []string
	var at float64
	if w.latency != nil {
		at = w.latency(last).P99
	} else {
		at = w.value(last)
	}
	if w.limit > 0 && at >= w.limit {
		misses = append(misses, fmt.Sprintf("%s %s ≥ %g", number(at), w.unit, w.limit))
	}
	var growth string
	if w.growth && len(sizes) > 1 {
		g := at / w.latency(first).P99
		growth = fmt.Sprintf(" (p99 ×%.2f from %d)", g, first.Dossiers)
		if g > 2 {
			misses = append(misses, fmt.Sprintf("p99 ×%.2f > ×2", g))
		}
	}
	if len(misses) == 0 {
		return "ok" + growth
	}
	return "MISSES: " + strings.Join(misses, ", ")
}

// number shows a measure with a decimal below 100, whole above.
func number(x float64) string {
	if x < 100 {
		return fmt.Sprintf("%.1f", x)
	}
	return fmt.Sprintf("%.0f", x)
}

// read reads the figures a run wrote.
func read(path string) (results, error) {
	var r results
	b, err := os.ReadFile(path)
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return r, fmt.Errorf("%s: %w", path, err)
	}
	if len(r.Sizes) == 0 {
		return r, fmt.Errorf("%s holds no size", path)
	}
	return r, nil
}

func (r *results) print(w io.Writer) {
	fmt.Fprintf(w, "\nmotcua scale bench — %s; %d requests per figure, %d clients; p50 / p99 in ms\n\n",
		r.Machine, r.Requests, r.Clients)
	fmt.Fprintf(w, "%-36s", "dossiers")
	for _, s := range r.Sizes {
		fmt.Fprintf(w, "  %24d", s.Dossiers)
	}
	fmt.Fprintf(w, "   %-10s %s\n", "target", "verdict")
	for _, rw := range rows {
		fmt.Fprintf(w, "%-36s", rw.name)
		for _, s := range r.Sizes {
			if rw.latency != nil {
				f := rw.latency(s)
				cell := fmt.Sprintf("%.1f / %.1f", f.P50, f.P99)
				if f.Requests < r.Requests {
					cell += fmt.Sprintf(" (n=%d)", f.Requests) // stopped early: see -figure-time
				}
				fmt.Fprintf(w, "  %24s", cell)
			} else {
				fmt.Fprintf(w, "  %24.1f", rw.value(s))
			}
		}
		target := ""
		switch {
		case rw.limit > 0 && rw.growth:
			target = fmt.Sprintf("<%g, ×2", rw.limit)
		case rw.limit > 0:
			target = fmt.Sprintf("<%g", rw.limit)
		}
		fmt.Fprintf(w, "   %-10s %s\n", target, rw.verdict(r.Sizes))
	}
	last := r.Sizes[len(r.Sizes)-1]
	fmt.Fprintf(w, "\n(n=…): a figure measured over fewer requests, the time of -figure-time spent\n")
	fmt.Fprintf(w, "deep pages measured at %d: status's list page %d, intake's page %d (page %d asked; fewer when the list ends first)\n",
		last.Dossiers, last.WorklistPages, last.IntakeWorklistPages, listPage)
}
