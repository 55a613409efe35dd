package messaging

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var (
	consumed = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "motcua_events_consumed_total",
		Help: "Events handled by a consumer, by outcome: applied, duplicate, retried, dead_lettered.",
	}, []string{"consumer", "outcome"})
	applySeconds = promauto.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "motcua_event_batch_apply_seconds",
		Help:    "Time to apply one batch of events in one transaction.",
		Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, 1},
	}, []string{"consumer"})
)
