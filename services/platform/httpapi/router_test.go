package httpapi

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestRouterRecoversAndAnswersJSON(t *testing.T) {
	var logs strings.Builder
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	r := NewRouter("test", log)
	r.Get("/boom", func(http.ResponseWriter, *http.Request) { panic("boom") })
	MountOps(r, map[string]Check{"db": func(context.Context) error { return errors.New("down at db.internal") }}, log)
	srv := httptest.NewServer(r)
	defer srv.Close()
	for _, tc := range []struct {
		path   string
		status int
		want   string
	}{
		{"/boom", http.StatusInternalServerError, `"code":"internal"`},
		{"/nowhere", http.StatusNotFound, `"code":"not_found"`},
		{"/healthz", http.StatusOK, `"status":"ok"`},
		{"/readyz", http.StatusServiceUnavailable, `"db":"unavailable"`},
		{"/metrics", http.StatusOK, "motcua_http_request_duration_seconds"},
	} {
		resp, err := http.Get(srv.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(string(body), tc.want) {
			t.Errorf("%s: %d %s, want %d containing %s", tc.path, resp.StatusCode, body, tc.status, tc.want)
		}
	}
	if !strings.Contains(logs.String(), "panic in handler") {
		t.Error("the panic was not logged")
	}
}

func TestObserveNeverLogsQuery(t *testing.T) {
	var logs strings.Builder
	log := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	r := NewRouter("test", log)
	r.Get("/track/{code}", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/track/ABC?pin=SECRETPIN9", nil))
	if strings.Contains(logs.String(), "SECRETPIN9") || strings.Contains(logs.String(), "ABC") {
		t.Fatalf("log line carries the path or query: %s", logs.String())
	}
	if !strings.Contains(logs.String(), "/track/{code}") {
		t.Fatalf("log line lacks the route pattern: %s", logs.String())
	}
}
