// Package logging builds the JSON logger every process writes to standard output.
package logging

import (
	"io"
	"log/slog"
	"os"
	"strings"
)

// New returns a JSON logger tagged with the service name. The level comes from
// MOTCUA_LOG_LEVEL (debug, info, warn, error; info by default). Log lines must never
// carry request bodies or personal data: callers log codes, ids and outcomes only.
func New(service string) *slog.Logger {
	return NewTo(os.Stdout, service, os.Getenv("MOTCUA_LOG_LEVEL"))
}

// NewTo is New writing to w at the named level.
func NewTo(w io.Writer, service, level string) *slog.Logger {
	h := slog.NewJSONHandler(w, &slog.HandlerOptions{Level: parseLevel(level)})
	return slog.New(h).With("service", service)
}

func parseLevel(s string) slog.Level {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "debug":
		return slog.LevelDebug
	case "warn", "warning":
		return slog.LevelWarn
	case "error":
		return slog.LevelError
	default:
		return slog.LevelInfo
	}
}
