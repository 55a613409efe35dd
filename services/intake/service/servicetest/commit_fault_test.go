package servicetest

import (
	"net/http"
	"testing"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/pgtest"
)

// TestACommitWhoseAnswerIsLost: PostgreSQL commits a registration, and an action, but
// the connection is lost before intake hears so. What landed is answered as done (201,
// 200), not as a 503 that would have the client register a second dossier.
func TestACommitWhoseAnswerIsLost(t *testing.T) {
	var cutter *pgtest.CommitCutter
	e := startThrough(t, func(u string) string { cutter = pgtest.CutCommits(t, u); return cutter.URL })
	desk := e.token(t, "desk.xuanloc")

	cutter.Arm()
	r := e.register(t, desk, apitest.JSON(t, registration(demo.DistrictDesk)))
	if cutter.Cuts() != 1 {
		t.Fatalf("the registration's commit was not cut (%d cuts)", cutter.Cuts())
	}
	r.Expect(t, http.StatusCreated)
	var rc receipt
	r.Decode(t, &rc)
	if n := e.count(t, "SELECT count(*) FROM dossiers"); n != 1 {
		t.Fatalf("%d dossiers after one registration", n)
	}
	if n := e.count(t, "SELECT count(*) FROM dossiers WHERE code = $1", rc.Code); n != 1 {
		t.Fatalf("the answer names %s, which is not the dossier registered", rc.Code)
	}

	cutter.Arm()
	s := e.actOK(t, "desk.xuanloc", rc.Code, "accept", map[string]any{})
	if cutter.Cuts() != 2 || s.Status != "processing" {
		t.Fatalf("the action: %d cuts, status %q", cutter.Cuts(), s.Status)
	}
}
