package httpapi

import (
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var requestSeconds = promauto.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "motcua_http_request_duration_seconds",
	Help:    "HTTP requests by service, method, route pattern and status.",
	Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
}, []string{"service", "method", "route", "status"})

// Observe records metrics and a log line for every request. It logs the route pattern,
// never the raw path or query (which may carry a dossier's PIN) and never a body.
func Observe(service string, log *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
			next.ServeHTTP(ww, r)
			route := "unmatched"
			if rc := chi.RouteContext(r.Context()); rc != nil && rc.RoutePattern() != "" {
				route = rc.RoutePattern()
			}
			status := ww.Status()
			if status == 0 {
				status = http.StatusOK
			}
			d := time.Since(start)
			requestSeconds.WithLabelValues(service, r.Method, route, strconv.Itoa(status)).Observe(d.Seconds())
			if status >= 500 {
				log.Error("request", "method", r.Method, "route", route, "status", status, "ms", d.Milliseconds())
			} else {
				log.Debug("request", "method", r.Method, "route", route, "status", status, "ms", d.Milliseconds())
			}
		})
	}
}

// Recover turns a panic in a handler into a logged 500 with the JSON error envelope.
func Recover(log *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer func() {
				if v := recover(); v != nil {
					if v == http.ErrAbortHandler {
						panic(v)
					}
					log.Error("panic in handler", "method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
					WriteError(w, r, log, Problem(http.StatusInternalServerError, "", "internal"))
				}
			}()
			next.ServeHTTP(w, r)
		})
	}
}

// NotFoundHandler and MethodNotAllowedHandler answer with the JSON error envelope.
func NotFoundHandler(w http.ResponseWriter, r *http.Request) {
	WriteError(w, r, nil, Problem(http.StatusNotFound, "", "not_found"))
}

// MethodNotAllowedHandler answers a known path asked with the wrong method.
func MethodNotAllowedHandler(w http.ResponseWriter, r *http.Request) {
	WriteError(w, r, nil, Problem(http.StatusMethodNotAllowed, "", "method_not_allowed", r.Method))
}

// NewRouter returns a chi router with the product's base middleware and JSON 404/405s.
func NewRouter(service string, log *slog.Logger) chi.Router {
	r := chi.NewRouter()
	r.Use(Observe(service, log), Recover(log)) // Observe outside, so panics count as 500s
	r.NotFound(NotFoundHandler)
	r.MethodNotAllowed(MethodNotAllowedHandler)
	return r
}
