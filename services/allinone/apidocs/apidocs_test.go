package apidocs

import (
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"
	"go.yaml.in/yaml/v3"

	intake "github.com/motcua/motcua/services/intake/ports/rest"
	"github.com/motcua/motcua/services/platform/httpapi"
	postal "github.com/motcua/motcua/services/postal/ports/rest"
	status "github.com/motcua/motcua/services/status/ports/rest"
)

// mounter is a service's JSON API.
type mounter interface{ Mount(chi.Router) }

// TestOpenAPIFilesMatchTheRouters: every route a service's JSON API mounts (with the
// operations' /healthz, /readyz and /metrics) is documented in its OpenAPI file, and every
// operation the file documents is mounted, method and path alike.
func TestOpenAPIFilesMatchTheRouters(t *testing.T) {
	quiet := slog.New(slog.DiscardHandler)
	for file, api := range map[string]mounter{
		"intake.openapi.yaml": &intake.API{Log: quiet},
		"status.openapi.yaml": &status.API{Log: quiet},
		"postal.openapi.yaml": &postal.API{Log: quiet},
	} {
		t.Run(file, func(t *testing.T) {
			r := chi.NewRouter()
			api.Mount(r)
			httpapi.MountOps(r, nil, quiet)
			var mounted []string
			if err := chi.Walk(r, func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
				route = strings.TrimSuffix(route, "/")
				switch {
				case route == "/metrics" && method != http.MethodGet:
					// Mounted for every method, as the Prometheus handler is; documented as a GET.
				case strings.HasPrefix(route, "/api/") || route == "/healthz" || route == "/readyz" || route == "/metrics":
					mounted = append(mounted, method+" "+route)
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			documented := operations(t, filepath.Join("..", "..", "..", "docs", "api", file))
			for _, op := range mounted {
				if !slices.Contains(documented, op) {
					t.Errorf("%s is mounted but not documented in docs/api/%s", op, file)
				}
			}
			for _, op := range documented {
				if !slices.Contains(mounted, op) {
					t.Errorf("%s is documented in docs/api/%s but not mounted", op, file)
				}
			}
			if len(mounted) == 0 {
				t.Fatal("no route mounted")
			}
		})
	}
}

// operations are the "METHOD /path" of every operation of an OpenAPI file.
func operations(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []string
	for p, item := range doc.Paths {
		for method := range item {
			switch method {
			case "get", "post", "put", "patch", "delete", "head", "options":
				out = append(out, strings.ToUpper(method)+" "+p)
			}
		}
	}
	return out
}
