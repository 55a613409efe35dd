package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"
)

type rate struct {
	Count   int     `json:"count"`
	Seconds float64 `json:"seconds"`
	PerSec  float64 `json:"per_second"`
}

func newRate(n int, d time.Duration) rate {
	return rate{Count: n, Seconds: d.Seconds(), PerSec: float64(n) / d.Seconds()}
}

type latencyResult struct {
	Rate  int     `json:"rate_per_second"`
	Count int     `json:"count"`
	P50ms float64 `json:"p50_ms"`
	P99ms float64 `json:"p99_ms"`
	MaxMs float64 `json:"max_ms"`
}

type memory struct {
	Process string  `json:"process"`
	MiB     float64 `json:"peak_rss_mib"`
}

type results struct {
	Machine          string        `json:"machine"`
	Registrations    rate          `json:"registrations"`
	InsertBaseline   rate          `json:"insert_baseline"`
	RegistrationRat  float64       `json:"registration_ratio"`
	Lookups          rate          `json:"lookups"`
	ConstantBaseline rate          `json:"constant_baseline"`
	LookupRatio      float64       `json:"lookup_ratio"`
	ColdLookups      rate          `json:"cold_lookups"`
	ColdLookupRatio  float64       `json:"cold_lookup_ratio"`
	CacheHitRate     float64       `json:"cache_hit_rate"`
	Latency          latencyResult `json:"commit_to_visible"`
	PeakMemoryMiB    []memory      `json:"peak_memory"`
	Online           onlineResult  `json:"online_submissions"`
	Notices          noticeResult  `json:"notices"`
	MeasuredAt       time.Time     `json:"measured_at"`
}

func (r *results) compute() {
	r.RegistrationRat = r.Registrations.PerSec / r.InsertBaseline.PerSec
	r.LookupRatio = r.Lookups.PerSec / r.ConstantBaseline.PerSec
	r.ColdLookupRatio = r.ColdLookups.PerSec / r.ConstantBaseline.PerSec
	r.MeasuredAt = time.Now().UTC()
}

func verdict(ok bool) string {
	if ok {
		return "meets target"
	}
	return "MISSES target"
}

func (r *results) print(w io.Writer) {
	fmt.Fprintf(w, "\nmotcua bench — %s\n\n", r.Machine)
	fmt.Fprintf(w, "(a) registrations, each folded by status  %8.0f /s  (%d in %.2fs)\n", r.Registrations.PerSec, r.Registrations.Count, r.Registrations.Seconds)
	fmt.Fprintf(w, "    baseline: single-row INSERT txns      %8.0f /s  (%d in %.2fs)\n", r.InsertBaseline.PerSec, r.InsertBaseline.Count, r.InsertBaseline.Seconds)
	fmt.Fprintf(w, "    ratio                                 %8.2f     target ≥ 0.20: %s\n\n", r.RegistrationRat, verdict(r.RegistrationRat >= 0.20))
	fmt.Fprintf(w, "(b) citizen lookups                       %8.0f /s  (%d in %.2fs)\n", r.Lookups.PerSec, r.Lookups.Count, r.Lookups.Seconds)
	fmt.Fprintf(w, "    baseline: bare chi constant handler   %8.0f /s  (%d in %.2fs)\n", r.ConstantBaseline.PerSec, r.ConstantBaseline.Count, r.ConstantBaseline.Seconds)
	fmt.Fprintf(w, "    ratio                                 %8.2f     target ≥ 0.40: %s\n", r.LookupRatio, verdict(r.LookupRatio >= 0.40))
	fmt.Fprintf(w, "(b') first lookups, none in memory        %8.0f /s  (%d in %.2fs), ratio %.2f\n", r.ColdLookups.PerSec, r.ColdLookups.Count, r.ColdLookups.Seconds, r.ColdLookupRatio)
	fmt.Fprintf(w, "    views served from memory over the run %7.0f %%\n\n", 100*r.CacheHitRate)
	fmt.Fprintf(w, "(c) intake commit → status commit at %d/s (%d dossiers)\n", r.Latency.Rate, r.Latency.Count)
	fmt.Fprintf(w, "    p50 %.1f ms   p99 %.1f ms   max %.1f ms     target p99 < 50 ms: %s\n\n", r.Latency.P50ms, r.Latency.P99ms, r.Latency.MaxMs, verdict(r.Latency.P99ms < 50))
	fmt.Fprintf(w, "(d) peak memory (VmHWM)\n")
	for _, m := range r.PeakMemoryMiB {
		fmt.Fprintf(w, "    %-8s %6.1f MiB     target < 100 MB: %s\n", m.Process, m.MiB, verdict(m.MiB*1.048576 < 100))
	}
	o := r.Online
	fmt.Fprintf(w, "\n(e) submissions online, %d KiB file each  %8.1f /s  (%d in %.2fs)\n", o.FileBytes>>10, o.Submissions.PerSec, o.Submissions.Count, o.Submissions.Seconds)
	fmt.Fprintf(w, "    baseline: the same files written durably %5.1f /s  (%d in %.2fs)\n", o.DiskWrites.PerSec, o.DiskWrites.Count, o.DiskWrites.Seconds)
	fmt.Fprintf(w, "    ratio                                 %8.2f\n", o.Ratio)
	for _, m := range o.Memory {
		fmt.Fprintf(w, "    intake's peak with %d uploads of %5d KiB at once  %6.1f MiB\n", m.AtOnce, m.FileBytes>>10, m.IntakeMiB)
	}
	n := r.Notices
	fmt.Fprintf(w, "\n(f) notices mailed by the notifier         %8.1f /s  (%d in %.2fs)\n", n.Notices.PerSec, n.Notices.Count, n.Notices.Seconds)
	fmt.Fprintf(w, "    baseline: mails straight to the server %7.1f /s  (%d in %.2fs, %d at once)\n", n.SMTPBaseline.PerSec, n.SMTPBaseline.Count, n.SMTPBaseline.Seconds, queueWorkers)
	fmt.Fprintf(w, "    ratio                                 %8.2f\n", n.Ratio)
	fmt.Fprintf(w, "    event → SMTP acceptance at %d/s: p50 %.1f ms   p99 %.1f ms\n", n.LagRate, n.LagP50, n.LagP99)
	fmt.Fprintln(w)
}

func (r *results) write(path string) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Printf("figures written to %s\n", path)
	return nil
}
