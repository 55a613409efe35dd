package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"net/netip"
	"sort"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Check is one readiness probe, such as "database reachable".
type Check func(ctx context.Context) error

// MountOps adds /healthz (the process answers), /readyz (every check passes within two
// seconds) and /metrics (Prometheus) to r. A failing check is logged with its cause and
// shown only as "unavailable": the cause may name hosts and users. /metrics answers only
// the loopback address and metricsFrom (OpsOnly): the figures describe the service's
// traffic, which is no visitor's business.
func MountOps(r chi.Router, checks map[string]Check, log *slog.Logger, metricsFrom ...netip.Prefix) {
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		WriteJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	r.Get("/readyz", func(w http.ResponseWriter, req *http.Request) {
		ctx, cancel := context.WithTimeout(req.Context(), 2*time.Second)
		defer cancel()
		names := make([]string, 0, len(checks))
		for n := range checks {
			names = append(names, n)
		}
		sort.Strings(names)
		result := map[string]string{}
		status := http.StatusOK
		for _, n := range names {
			if err := checks[n](ctx); err != nil {
				log.Warn("not ready", "check", n, "err", err.Error())
				result[n] = "unavailable"
				status = http.StatusServiceUnavailable
			} else {
				result[n] = "ok"
			}
		}
		WriteJSON(w, status, map[string]any{"ready": status == http.StatusOK, "checks": result})
	})
	r.With(OpsOnly(metricsFrom)).Handle("/metrics", promhttp.Handler())
}
