package server

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"
	"go.yaml.in/yaml/v3"
)

// httpRoute is the part of deploy/k8s/routes.yaml's HTTPRoute this test reads.
type httpRoute struct {
	Spec struct {
		Rules []struct {
			Matches []struct {
				Path struct {
					Type  string `yaml:"type"`
					Value string `yaml:"value"`
				} `yaml:"path"`
				Method string `yaml:"method"`
			} `yaml:"matches"`
			BackendRefs []struct {
				Name string `yaml:"name"`
			} `yaml:"backendRefs"`
		} `yaml:"rules"`
	} `yaml:"spec"`
}

// routeMatch is one match of the HTTPRoute and the service it sends to: an Exact
// path, a PathPrefix, or a RegularExpression (pattern).
type routeMatch struct {
	exact        bool
	pattern      *regexp.Regexp
	path, method string
	service      string
}

// backend is the service the Gateway sends method path to, by the Gateway API's
// precedence: an exact path before a prefix, a longer prefix before a shorter, a match
// naming the method before one that does not. A prefix matches whole path elements.
// The precedence of a RegularExpression is each implementation's own, so a path that
// one matches may match nothing else of another service: ambiguous reports one that does.
func backend(matches []routeMatch, method, path string) (service string, ambiguous bool) {
	best, bestScore := "", -1
	byPattern, others := "", map[string]bool{}
	for _, m := range matches {
		if m.method != "" && m.method != method {
			continue
		}
		score := 0
		switch {
		case m.pattern != nil && m.pattern.MatchString(path):
			byPattern = m.service
			continue
		case m.exact && path == m.path:
			score = 1 << 20
		case !m.exact && m.pattern == nil && prefixMatches(m.path, path):
			score = len(strings.TrimSuffix(m.path, "/")) << 1
		default:
			continue
		}
		others[m.service] = true
		if m.method != "" {
			score++
		}
		if score > bestScore {
			best, bestScore = m.service, score
		}
	}
	if byPattern != "" {
		delete(others, byPattern)
		return byPattern, len(others) > 0
	}
	return best, false
}

func prefixMatches(prefix, path string) bool {
	prefix = strings.TrimSuffix(prefix, "/")
	return prefix == "" || path == prefix || strings.HasPrefix(path, prefix+"/")
}

// TestKubernetesRoutesReachEveryPage reads deploy/k8s/routes.yaml and checks that every
// path each service mounts (its API and its pages) is sent to that service, so that
// the split deployment serves what the all-in-one serves.
func TestKubernetesRoutesReachEveryPage(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "deploy", "k8s", "routes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hr httpRoute
	if err := yaml.Unmarshal(raw, &hr); err != nil {
		t.Fatalf("routes.yaml: %v", err)
	}
	var matches []routeMatch
	for _, r := range hr.Spec.Rules {
		if len(r.BackendRefs) != 1 {
			t.Fatalf("a rule of routes.yaml sends to %d services", len(r.BackendRefs))
		}
		for _, m := range r.Matches {
			rm := routeMatch{exact: m.Path.Type == "Exact", path: m.Path.Value, method: m.Method,
				service: r.BackendRefs[0].Name}
			if m.Path.Type == "RegularExpression" {
				if rm.pattern, err = regexp.Compile(m.Path.Value); err != nil {
					t.Fatalf("routes.yaml: %v", err)
				}
			}
			matches = append(matches, rm)
		}
	}

	services := startServices(t)
	param := regexp.MustCompile(`\{[^}]*\}`)
	names := []string{"intake", "status", "postal"}
	checked := 0
	for i, s := range services {
		r := chi.NewRouter()
		s.Mount(r)
		err := chi.Walk(r, func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
			path := strings.TrimSuffix(param.ReplaceAllString(route, "x"), "/*")
			if path == "" {
				path = "/"
			}
			checked++
			got, ambiguous := backend(matches, method, path)
			if got != names[i] {
				t.Errorf("%s %s (%s's) is routed to %q", method, route, names[i], got)
			}
			if ambiguous {
				t.Errorf("%s %s matches a RegularExpression of routes.yaml and another service's match: which wins is up to the Gateway", method, route)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if checked < 30 {
		t.Fatalf("only %d routes walked: the services mount more than that", checked)
	}
}
