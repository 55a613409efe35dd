package browser

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/platform/waitfor"
	"github.com/motcua/motcua/services/platform/webhook/webhooktest"
)

// TestAdminWebhooksJourney: the administrator adds a webhook for a local receiver
// (events forgotten first: the message comes beside them), copies its secret, shown
// once; a dossier registered at the desk reaches the receiver signed with that secret,
// on the second try after a 503, as the log shows; a test goes out from the page and a
// call is sent again. On the national sync's page a record the portal never took is
// listed, sent again once the portal is back, and the backlog empties.
func TestAdminWebhooksJourney(t *testing.T) {
	receiver, portal := webhooktest.Start(t), webhooktest.Start(t)
	receiver.FailNext(http.StatusServiceUnavailable)
	var portalUp atomic.Bool
	portal.FailWhen(func([]byte) int {
		if !portalUp.Load() {
			return http.StatusServiceUnavailable
		}
		return 0
	})
	ctx, base, s := startJourneyWith(t, 150*time.Second, map[string]string{"MOTCUA_WEBHOOK_ALLOW_PRIVATE": "true",
		"MOTCUA_WEBHOOK_RETRY_BASE": "300ms", "MOTCUA_NATIONAL_SYNC_URL": portal.URL})

	signIn(t, ctx, base, "admin.xuanloc", "#sections")
	follow(t, ctx, "open the webhooks", `#sections a[href="/quan-tri/webhook"]`, "#webhook-form")
	submit(t, ctx, "add a webhook without events", "#webhook-form", "#events-error",
		chromedp.SendKeys(chromedp.CSS("#url"), receiver.URL+"/motcua"))
	if got := text(t, ctx, "#events-error"); !strings.Contains(got, "ít nhất một loại sự kiện") {
		t.Errorf("no event chosen shows %q", got)
	}
	submit(t, ctx, "add the webhook", "#webhook-form", "#new-secret",
		chromedp.Click(chromedp.CSS(`input[name="events"][value="dossier.*"]`)))
	secret := text(t, ctx, "#secret")
	if !strings.HasPrefix(secret, "whsec_") {
		t.Fatalf("the secret shown is %q", secret)
	}
	if got := text(t, ctx, "#webhook-list"); !strings.Contains(got, receiver.URL+"/motcua") || !strings.Contains(got, "Đang hoạt động") {
		t.Errorf("the list reads %q", got)
	}
	screenshots(t, ctx, "admin-webhooks")

	rc := s.register("2.000720", 1, nil)
	waitfor.Within(t, 30*time.Second, "the receiver to take the registration", func() bool {
		calls := receiver.Calls()
		return len(calls) == 2 && calls[1].Answered == http.StatusOK
	})
	calls := receiver.Calls()
	if calls[0].ID() != calls[1].ID() || calls[1].Verify(secret) != nil || !strings.Contains(string(calls[1].Body), rc.Code) {
		t.Errorf("the calls %q and %q: %v", calls[0].ID(), calls[1].ID(), calls[1].Verify(secret))
	}
	follow(t, ctx, "open the webhook", "#open-new", "#hook-facts")
	delivered := `#deliveries li[data-id="` + calls[1].ID() + `"][data-state="sent"]`
	waitfor.Within(t, 15*time.Second, "the log to show the call sent", func() bool {
		open(t, ctx, "reload the webhook", strings.Split(currentURL(t, ctx), "?")[0], "#hook-facts")
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('`+delivered+`').length`))
		return err == nil && n == 1
	})
	if got := text(t, ctx, delivered); !strings.Contains(got, "2 lần thử") || !strings.Contains(got, "HTTP 200") {
		t.Errorf("the log reads %q", got)
	}

	submit(t, ctx, "send a test", "#test-form", "#notice")
	submit(t, ctx, "send the call again", delivered+" form", "#notice")
	waitfor.Within(t, 15*time.Second, "the test and the call sent again", func() bool {
		n, again := 0, 0
		for _, c := range receiver.Calls() {
			if strings.Contains(string(c.Body), `"webhook.test"`) {
				n++
			}
			if c.ID() == calls[1].ID() {
				again++
			}
		}
		return n == 1 && again == 3
	})
	screenshots(t, ctx, "admin-webhook")

	// The portal took none of the registration's records; say every try failed.
	waitfor.Within(t, 15*time.Second, "the portal refusing the registration's record", func() bool {
		return strings.Contains(string(lastOf(portal.Calls(), rc.Code).Body), rc.Code)
	})
	db, err := pgx.Connect(context.Background(), s.databaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(context.Background())
	if _, err := db.Exec(context.Background(), "UPDATE intake.national_sync SET state = 'dead', tries = 14 WHERE dossier_code = $1", rc.Code); err != nil {
		t.Fatal(err)
	}
	follow(t, ctx, "open the national sync", `nav.sections a[href="/quan-tri/dong-bo"]`, "#backlog")
	failed := `#failed-records li[data-code="` + rc.Code + `"]`
	if got := text(t, ctx, failed); !strings.Contains(got, "Đã tiếp nhận (mã 2)") || !strings.Contains(got, "503") {
		t.Errorf("the failed record reads %q", got)
	}
	portalUp.Store(true)
	submit(t, ctx, "send the record again", failed+" form", "#notice")
	waitfor.Within(t, 15*time.Second, "the portal to take the record", func() bool {
		return lastOf(portal.Calls(), rc.Code).Answered == http.StatusOK
	})
	// The record is counted sent once its try commits, just after the portal took it.
	waitfor.Within(t, 10*time.Second, "the page to say the record was sent", func() bool {
		open(t, ctx, "reload the national sync", base+"/quan-tri/dong-bo", "#no-failed")
		return text(t, ctx, "#last-sent") != "Chưa có"
	})
	if got := text(t, ctx, "#failed"); got != "0" {
		t.Errorf("failed records after the resend: %q", got)
	}
	screenshots(t, ctx, "admin-sync")
}

// lastOf is the last of calls that carries the record of the dossier code.
func lastOf(calls []webhooktest.Call, code string) webhooktest.Call {
	var last webhooktest.Call
	for _, c := range calls {
		var rec struct {
			DossierCode string `json:"dossier_code"`
		}
		if json.Unmarshal(c.Body, &rec) == nil && rec.DossierCode == code {
			last = c
		}
	}
	return last
}

// currentURL is the address of the tab's page.
func currentURL(t *testing.T, ctx context.Context) string {
	t.Helper()
	u, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	return u
}
