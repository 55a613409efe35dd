package browser

import (
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/services/allinone/server/servertest"
	"github.com/motcua/motcua/services/platform/apiclient"
)

// TestAtRiskTab: with officers warned 30 working hours ahead (MOTCUA_AT_RISK_HOURS), the
// desk registers a household business (24 working hours) and a building permit (120);
// its work list's tab "Sắp đến hạn" counts one, and opened it lists the business and
// not the permit, with the time left. The page passes the accessibility checks.
func TestAtRiskTab(t *testing.T) {
	start := time.Now()
	addr := strings.TrimPrefix(servertest.Start(t, dbURL, map[string]string{"MOTCUA_AT_RISK_HOURS": "30"}).Base, "http://")
	s := &staff{t: t, c: apiclient.NewClient(2), addr: addr, tokens: map[string]string{}}
	ctx := newBrowser(t, 90*time.Second)
	base := "http://" + addr
	t.Logf("server and browser up in %v", time.Since(start).Round(time.Millisecond))

	// Whenever the test runs, 24 working hours from now come before 30, and 120 after.
	soon := s.register("2.000720", 1, nil).Code
	later := s.register("1.009994", 2, nil).Code

	signIn(t, ctx, base, "desk.xuanloc", "#list-title")
	if got := text(t, ctx, "#tab-at_risk"); got != "Sắp đến hạn (1)" {
		t.Errorf("the at-risk tab reads %q", got)
	}
	follow(t, ctx, "open the at-risk tab", "#tab-at_risk", `#tab-at_risk[aria-current="page"]`)
	row := "#row-" + cssID(soon)
	if got := text(t, ctx, row+" .time"); !strings.HasPrefix(got, "Còn ") {
		t.Errorf("the dossier due soon shows its time as %q", got)
	}
	if n := count(t, ctx, "#row-"+cssID(later)); n != 0 {
		t.Errorf("the dossier due in 120 working hours is on the at-risk tab")
	}
	if got := text(t, ctx, "#list-caption"); !strings.HasPrefix(got, "Sắp đến hạn") {
		t.Errorf("the list's caption reads %q", got)
	}
	screenshots(t, ctx, "at-risk")
}
