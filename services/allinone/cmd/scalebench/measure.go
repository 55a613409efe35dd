package main

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/motcua/motcua/services/allinone/benchkit"
)

// figure is the latency of one kind of request at one size, over the requests measured.
type figure struct {
	P50      float64 `json:"p50_ms"`
	P99      float64 `json:"p99_ms"`
	Max      float64 `json:"max_ms"`
	Requests int     `json:"requests"`
}

// request is one request of a figure, the i-th.
type request func(ctx context.Context, i int) error

// minRequests is the fewest requests a figure is measured over, however slow they are.
const minRequests = 20

// measure sends warm-up requests (not counted), then the figure's requests from the
// bench's clients at once, each timed from its sending to the end of its answer. A slow
// figure stops early: no request is sent once the figure's time is spent and
// minRequests are measured (a quarter of it, and one request per client, for the
// warm-up), so that a path taking seconds does not hold the run for an hour; the figure
// says over how many requests it was measured.
func (b *bench) measure(ctx context.Context, what string, warm, req request) (figure, error) {
	step(what)
	_, err := b.timed(ctx, b.s.warmup, b.s.clients, b.s.figureTime/4, warm)
	if err != nil {
		return figure{}, fmt.Errorf("%s, warming up: %w", what, err)
	}
	ms, err := b.timed(ctx, b.s.requests, minRequests, b.s.figureTime, req)
	if err != nil {
		return figure{}, fmt.Errorf("%s: %w", what, err)
	}
	slices.Sort(ms)
	return figure{P50: benchkit.Percentile(ms, 0.50), P99: benchkit.Percentile(ms, 0.99), Max: ms[len(ms)-1],
		Requests: len(ms)}, nil
}

// timed sends up to n requests from the bench's clients, the first least of them
// whatever the time, the others only until spent has passed, and returns the
// milliseconds each took.
func (b *bench) timed(ctx context.Context, n, least int, spent time.Duration, req request) ([]float64, error) {
	deadline := time.Now().Add(spent)
	ms := make([]float64, n)
	done := make([]bool, n)
	err := benchkit.Parallel(ctx, n, b.s.clients, func(ctx context.Context, i int) error {
		if i >= least && time.Now().After(deadline) {
			return nil
		}
		start := time.Now()
		if err := req(ctx, i); err != nil {
			return err
		}
		ms[i], done[i] = float64(time.Since(start).Microseconds())/1000, true
		return nil
	})
	out := ms[:0]
	for i, ok := range done {
		if ok {
			out = append(out, ms[i])
		}
	}
	return out, err
}

// same is a figure's request that is the same GET every time.
func (b *bench) same(url string, header http.Header) request {
	return func(ctx context.Context, _ int) error { return benchkit.Get(ctx, b.client.HTTP, url, header) }
}
