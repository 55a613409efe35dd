// Package security is the product's security suite: every route of the all-in-one
// against every role, for a thing of the caller's own office, of another office and
// one that does not exist (routes_test.go, with its table of expectations); the
// lookup's lock and the trusted proxies (clients_test.go). The fuzz tests stand beside
// the parsers they feed. make test-security runs this package and then each fuzz
// target for a short budget.
package security

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/services/allinone/server/servertest"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/pgtest"
)

var dbURL string

func TestMain(m *testing.M) { pgtest.Main(m, &dbURL) }

// serve runs the all-in-one (with its embedded NATS and the demo data) on a database of
// its own with env added, until the test ends.
func serve(t *testing.T, extra map[string]string) servertest.Served {
	t.Helper()
	return servertest.Start(t, dbURL, extra)
}

// client is one source address talking to the server, not following redirects.
type client struct {
	t    *testing.T
	http *http.Client
	base string
}

func newClient(t *testing.T, base, from string) *client {
	c := apitest.From(from)
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &client{t: t, http: c, base: base}
}

// answer is an answer's status, headers and body.
type answer struct {
	status int
	header http.Header
	body   string
}

func (a answer) String() string {
	b := a.body
	if len(b) > 300 {
		b = b[:300] + "…"
	}
	if loc := a.header.Get("Location"); loc != "" {
		return http.StatusText(a.status) + " → " + loc
	}
	return strings.TrimSpace(http.StatusText(a.status) + " " + b)
}

// call is one request: a JSON, form or prepared body, a bearer token, cookies,
// headers.
type call struct {
	method, path string
	json         any // sent as JSON when set
	form         url.Values
	body         []byte // sent as it is, with the Content-Type ctype, when set
	ctype        string
	token        string
	cookies      []*http.Cookie
	header       map[string]string
}

func (c *client) do(k call) answer {
	c.t.Helper()
	var body io.Reader
	ctype := ""
	switch {
	case k.json != nil:
		b, err := json.Marshal(k.json)
		if err != nil {
			c.t.Fatal(err)
		}
		if raw, ok := k.json.(json.RawMessage); ok {
			b = raw
		}
		body, ctype = bytes.NewReader(b), "application/json"
	case k.form != nil:
		body, ctype = strings.NewReader(k.form.Encode()), "application/x-www-form-urlencoded"
	case k.body != nil:
		body, ctype = bytes.NewReader(k.body), k.ctype
	}
	r, err := http.NewRequest(k.method, c.base+k.path, body)
	if err != nil {
		c.t.Fatal(err)
	}
	if ctype != "" {
		r.Header.Set("Content-Type", ctype)
	}
	if k.token != "" {
		r.Header.Set("Authorization", "Bearer "+k.token)
	}
	for n, v := range k.header {
		r.Header.Set(n, v)
	}
	for _, ck := range k.cookies {
		r.AddCookie(ck)
	}
	res, err := c.http.Do(r)
	if err != nil {
		c.t.Fatalf("%s %s: %v", k.method, k.path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return answer{res.StatusCode, res.Header, string(b)}
}

// token signs username in through the API.
func (c *client) token(username, password string) string {
	c.t.Helper()
	a := c.do(call{method: http.MethodPost, path: "/api/v1/auth/token", json: map[string]string{"username": username, "password": password}})
	var out struct {
		AccessToken string `json:"access_token"`
	}
	if a.status != http.StatusOK || json.Unmarshal([]byte(a.body), &out) != nil || out.AccessToken == "" {
		c.t.Fatalf("sign-in of %s: %s", username, a)
	}
	return out.AccessToken
}

func cookieOf(a answer, name string) *http.Cookie {
	for _, ck := range (&http.Response{Header: a.header}).Cookies() {
		if ck.Name == name {
			return ck
		}
	}
	return nil
}

var csrfField = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

// csrfOf is the CSRF field of a page, or "".
func csrfOf(a answer) string {
	if m := csrfField.FindStringSubmatch(a.body); m != nil {
		return m[1]
	}
	return ""
}

// eventually retries f every 50ms for up to 30s until it reports true.
func eventually(t *testing.T, what string, f func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !f() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 30s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// jsonRaw is a JSON body sent as written.
func jsonRaw(s string) json.RawMessage { return json.RawMessage(s) }
