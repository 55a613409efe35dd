package apitest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// recorder is a testing.TB that records the failures reported to it; Fatal and Fatalf
// end the goroutine they are called on, as the testing package's do.
type recorder struct {
	testing.TB // nil: a method not written below is not expected to be called
	mu         sync.Mutex
	errors     []string
	fatal      string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.mu.Lock()
	r.fatal = fmt.Sprintf(format, args...)
	r.mu.Unlock()
	runtime.Goexit()
}

func (r *recorder) Fatal(args ...any) {
	r.Fatalf("%s", fmt.Sprint(args...))
}

// run calls f with a fresh recorder on a goroutine of its own and returns the recorder
// once f has returned or stopped.
func run(f func(t testing.TB)) *recorder {
	r := &recorder{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r
}

// server answers every request with the status, Content-Type and body of its path.
func server(t *testing.T) *httptest.Server {
	t.Helper()
	answers := map[string]struct {
		status      int
		contentType string
		body        string
	}{
		"/ok":           {200, "application/json; charset=utf-8", `{"id":"a1"}`},
		"/crash":        {500, "application/json", `{"error":{"code":"internal","message":"boom"}}`},
		"/text":         {200, "text/plain; charset=utf-8", "hello"},
		"/bare-404":     {404, "application/json", `{"message":"not found"}`},
		"/no-message":   {400, "application/json", `{"error":{"code":"invalid"}}`},
		"/xml":          {200, "application/xml", "<ok/>"},
		"/html-404":     {404, "text/html", "<h1>Not Found</h1>"},
		"/envelope-422": {422, "application/json", `{"error":{"code":"invalid","message":"bad name","field":"name"}}`},
	}
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path == "/echo" {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, `{"method":%q,"authorization":%q,"content_type":%q,"key":%q}`,
				req.Method, req.Header.Get("Authorization"), req.Header.Get("Content-Type"), req.Header.Get("Idempotency-Key"))
			return
		}
		a, ok := answers[req.URL.Path]
		if !ok {
			a.status, a.contentType, a.body = 418, "application/json", `{"error":{"code":"teapot","message":"unknown path"}}`
		}
		w.Header().Set("Content-Type", a.contentType)
		w.WriteHeader(a.status)
		fmt.Fprint(w, a.body)
	}))
	t.Cleanup(s.Close)
	return s
}

// get asks s for path, with no check of the answer.
func get(t *testing.T, s *httptest.Server, path string) Reply {
	t.Helper()
	r, err := Do(s.Client(), "GET", s.URL+path, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCheck(t *testing.T) {
	s := server(t)
	for _, tc := range []struct {
		path   string
		fatal  string // part of the Fatalf message, "" for none
		errors []string
	}{
		{path: "/ok"},
		{path: "/envelope-422"},
		{path: "/crash", fatal: "GET /crash: 500"},
		{path: "/text", errors: []string{`GET /text: Content-Type "text/plain; charset=utf-8", want JSON`}},
		{path: "/bare-404", errors: []string{"GET /bare-404: 404 without the error envelope"}},
		{path: "/no-message", errors: []string{"GET /no-message: 400 without the error envelope"}},
		{path: "/xml", errors: []string{`GET /xml: Content-Type "application/xml", want JSON`}},
		{path: "/html-404", errors: []string{"want JSON", "404 without the error envelope"}},
	} {
		t.Run(tc.path, func(t *testing.T) {
			r := run(func(rt testing.TB) { Call(rt, s.Client(), "GET", s.URL, tc.path, "", nil) })
			if tc.fatal == "" && r.fatal != "" || !strings.Contains(r.fatal, tc.fatal) {
				t.Errorf("Fatalf %q, want one with %q", r.fatal, tc.fatal)
			}
			if len(r.errors) != len(tc.errors) {
				t.Fatalf("Errorf %q, want %d reports: %q", r.errors, len(tc.errors), tc.errors)
			}
			for i, want := range tc.errors {
				if !strings.Contains(r.errors[i], want) {
					t.Errorf("report %d %q, want one with %q", i, r.errors[i], want)
				}
			}
		})
	}
}

func TestCallUnreachable(t *testing.T) {
	s := server(t)
	url := s.URL
	s.Close()
	r := run(func(rt testing.TB) { Call(rt, s.Client(), "GET", url, "/ok", "", nil) })
	if !strings.HasPrefix(r.fatal, "GET /ok: ") {
		t.Errorf("Fatalf %q, want the request named", r.fatal)
	}
}

func TestDo(t *testing.T) {
	s := server(t)
	r, err := Do(s.Client(), "POST", s.URL+"/echo", "tok", []byte("{}"), "Idempotency-Key", "k1")
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]string
	r.Expect(t, http.StatusOK).Decode(t, &got)
	want := map[string]string{"method": "POST", "authorization": "Bearer tok", "content_type": "application/json", "key": "k1"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the server saw %v, want %v", got, want)
	}
	get(t, s, "/echo").Decode(t, &got)
	if got["authorization"] != "" || got["content_type"] != "" {
		t.Errorf("a request without token or body sent %v", got)
	}
}

func TestExpectError(t *testing.T) {
	s := server(t)
	r := get(t, s, "/envelope-422")
	if rec := run(func(rt testing.TB) { r.ExpectError(rt, 422, "invalid", "name") }); rec.fatal != "" || len(rec.errors) != 0 {
		t.Errorf("a matching error answer reported %q %q", rec.fatal, rec.errors)
	}
	if rec := run(func(rt testing.TB) { r.ExpectError(rt, 422, "", "") }); rec.fatal != "" || len(rec.errors) != 0 {
		t.Errorf("an error answer with any code reported %q %q", rec.fatal, rec.errors)
	}
	if rec := run(func(rt testing.TB) { r.ExpectError(rt, 409, "invalid", "") }); !strings.Contains(rec.fatal, "status 422, want 409") {
		t.Errorf("another status: Fatalf %q", rec.fatal)
	}
	rec := run(func(rt testing.TB) { r.ExpectError(rt, 422, "conflict", "title") })
	if rec.fatal != "" || len(rec.errors) != 2 ||
		!strings.Contains(rec.errors[0], `error code "invalid", want "conflict"`) ||
		!strings.Contains(rec.errors[1], `error field "name", want "title"`) {
		t.Errorf("another code and field: %q %q", rec.fatal, rec.errors)
	}
	if got := r.APIError(t).Error.Message; got != "bad name" {
		t.Errorf("message %q", got)
	}
}

func TestExpectAndDecode(t *testing.T) {
	s := server(t)
	r := get(t, s, "/text")
	if rec := run(func(rt testing.TB) { r.Expect(rt, 201) }); !strings.Contains(rec.fatal, "status 200, want 201") {
		t.Errorf("Expect another status: Fatalf %q", rec.fatal)
	}
	var v any
	if rec := run(func(rt testing.TB) { r.Decode(rt, &v) }); !strings.HasPrefix(rec.fatal, "decode hello: ") {
		t.Errorf("Decode of text: Fatalf %q", rec.fatal)
	}
}

func TestJSON(t *testing.T) {
	if got := string(JSON(t, map[string]int{"a": 1})); got != `{"a":1}` {
		t.Errorf("JSON %s", got)
	}
	if rec := run(func(rt testing.TB) { JSON(rt, make(chan int)) }); !strings.Contains(rec.fatal, "unsupported type") {
		t.Errorf("JSON of a channel: Fatal %q", rec.fatal)
	}
}
