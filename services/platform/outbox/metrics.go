package outbox

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var (
	publishedTotal = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "motcua_outbox_published_total",
		Help: "Events the relay published and JetStream acknowledged.",
	}, []string{"schema"})
	publishErrors = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "motcua_outbox_publish_errors_total",
		Help: "Relay passes that failed to publish or mark events; they are retried.",
	}, []string{"schema"})
	relayLag = promauto.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "motcua_outbox_relay_lag_seconds",
		Help:    "Time from an event's insertion in the outbox to its acknowledgement by JetStream.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 5, 30},
	}, []string{"schema"})
)
