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

// measure sends warm-up requests (not counted), then the figure's requests from the
// bench's clients at once, each timed from its sending to the end of its answer.
func (b *bench) measure(ctx context.Context, what string, warm, req request) (figure, error) {
	step(what)
	if err := benchkit.Parallel(ctx, b.s.warmup, b.s.clients, warm); err != nil {
		return figure{}, fmt.Errorf("%s, warming up: %w", what, err)
	}
	ms := make([]float64, b.s.requests)
	err := benchkit.Parallel(ctx, b.s.requests, b.s.clients, func(ctx context.Context, i int) error {
		start := time.Now()
		if err := req(ctx, i); err != nil {
			return err
		}
		ms[i] = float64(time.Since(start).Microseconds()) / 1000
		return nil
	})
	if err != nil {
		return figure{}, fmt.Errorf("%s: %w", what, err)
	}
	slices.Sort(ms)
	return figure{P50: benchkit.Percentile(ms, 0.50), P99: benchkit.Percentile(ms, 0.99), Max: ms[len(ms)-1],
		Requests: len(ms)}, nil
}

// same is a figure's request that is the same GET every time.
func (b *bench) same(url string, header http.Header) request {
	return func(ctx context.Context, _ int) error { return benchkit.Get(ctx, b.client.HTTP, url, header) }
}
