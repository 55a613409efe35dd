package browser

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// staff plays the desk, the office and the post through the API, for the steps of a
// journey that are not the journey's own user's.
type staff struct {
	t      *testing.T
	c      *apiclient.Client
	addr   string
	tokens map[string]string
	// databaseURL is the all-in-one's database, for a journey that sets up what no
	// page or call can make quickly.
	databaseURL string
}

func (s *staff) token(user string) string {
	s.t.Helper()
	if tok, ok := s.tokens[user]; ok {
		return tok
	}
	tok, err := s.c.Token(context.Background(), s.addr, user, demo.Password)
	if err != nil {
		s.t.Fatal(err)
	}
	s.tokens[user] = tok
	return tok
}

func (s *staff) call(user, method, path string, body []byte) apiclient.Answer {
	s.t.Helper()
	a, err := s.c.Do(context.Background(), method, "http://"+s.addr+path, s.token(user), "", body, nil)
	if err != nil {
		s.t.Fatalf("%s %s: %v", method, path, err)
	}
	return a
}

// register has the district desk register the demo's i-th dossier of procedure, its
// request first changed by edit where edit is not nil.
func (s *staff) register(procedure string, i int, edit func(request map[string]any)) apiclient.Receipt {
	s.t.Helper()
	body := apiclient.Registration(demo.DistrictDesk, procedure, i)
	if edit != nil {
		var request map[string]any
		if err := json.Unmarshal(body, &request); err != nil {
			s.t.Fatal(err)
		}
		edit(request)
		body, _ = json.Marshal(request)
	}
	receipt, status, err := s.c.Register(context.Background(), s.addr, s.token("desk.xuanloc"), "", body)
	if err != nil || status != http.StatusCreated {
		s.t.Fatalf("register: %d %v", status, err)
	}
	return receipt
}

func (s *staff) act(user, code, action, body string) {
	s.t.Helper()
	if a := s.call(user, http.MethodPost, "/api/v1/dossiers/"+url.PathEscape(code)+"/actions/"+action, []byte(body)); a.Status != http.StatusOK {
		s.t.Fatalf("%s %s: %d %s", user, action, a.Status, a.Body)
	}
}

// awaitStatus waits until status's read side lists the dossier with status: asking
// the staff list, not the citizen's lookup, whose failures are limited.
func (s *staff) awaitStatus(code, status string) {
	s.t.Helper()
	q := url.Values{"office": {demo.DistrictDesk}, "status": {status}, "limit": {"100"}}
	waitfor.Until(s.t, "dossier "+code+" "+status+" in status", func() bool {
		a := s.call("desk.xuanloc", http.MethodGet, "/api/v1/dossiers?"+q.Encode(), nil)
		return a.Status == http.StatusOK && strings.Contains(string(a.Body), `"`+code+`"`)
	})
}

// dossierDue is the dossier's appointment now, in the offices' zone, read through the API.
func (s *staff) dossierDue(code string) time.Time {
	s.t.Helper()
	a := s.call("officer.xuanloc", http.MethodGet, "/api/v1/dossiers/"+url.PathEscape(code), nil)
	var d apiclient.Dossier
	if a.Status != http.StatusOK || json.Unmarshal(a.Body, &d) != nil {
		s.t.Fatalf("read %s: %d %s", code, a.Status, a.Body)
	}
	return d.DueAt.In(time.FixedZone("ICT", 7*3600))
}
