package lifecycle

import (
	"log/slog"
	"net/http"
	"net/http/pprof"
	"os"
	"time"
)

// startProfiler serves Go's profiling endpoints on MOTCUA_PPROF_ADDR when it is set
// (off by default; bind it to loopback), for finding where time goes under load.
func startProfiler(log *slog.Logger) {
	addr := os.Getenv("MOTCUA_PPROF_ADDR")
	if addr == "" {
		return
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		log.Info("profiler listening", "addr", addr)
		if err := srv.ListenAndServe(); err != nil {
			log.Warn("profiler stopped", "err", err.Error())
		}
	}()
}
