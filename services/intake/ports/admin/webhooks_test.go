package admin

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/webhook"
)

// secretShown finds the secret on a page, its "+" written as a character reference.
var secretShown = regexp.MustCompile(`<code class="code" id="secret">(whsec_[^<]+)</code>`)

// shownSecret is the secret a page shows, or "".
func shownSecret(body string) string {
	m := secretShown.FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

// TestWebhookPages: the administrator adds an endpoint (a private address and no event
// refused beside their fields) and sees its secret once; sends a test, which the log
// lists under its webhook-id; sends a failed call again; rotates the secret, the old
// one still signing; is refused a test once the endpoint is disabled; and deletes it.
func TestWebhookPages(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	me := s.as(admin.user, admin.role)
	wants(t, "no webhook yet", s.get(WebhooksPath, me), http.StatusOK, `id="no-hooks"`, "Thêm webhook",
		"Hồ sơ: Chờ bổ sung hồ sơ", `value="dossier.*"`)

	w := s.post(WebhooksPath, url.Values{"url": {"http://127.0.0.1:9000/hooks"}})
	wants(t, "a private address and no event", w, http.StatusUnprocessableEntity,
		`id="url-error">Không gửi webhook tới địa chỉ nội bộ`, `id="events-error">Hãy chọn ít nhất một loại sự kiện`,
		`value="http://127.0.0.1:9000/hooks"`)
	if strings.Contains(w.Body.String(), `id="secret"`) {
		t.Error("a refused webhook shows a secret")
	}

	w = s.post(WebhooksPath, url.Values{"url": {"https://203.0.113.10/hooks"}, "events": {"dossier.received", "shipment.*"}})
	wants(t, "added", w, http.StatusOK, "Đã thêm webhook.", `id="new-secret"`, "https://203.0.113.10/hooks")
	secret := shownSecret(w.Body.String())
	if _, err := webhook.Key(secret); err != nil {
		t.Fatalf("the secret shown %q: %v: %.3000s", secret, err, w.Body)
	}
	hooks, err := s.p.Webhooks.List(ctx)
	if err != nil || len(hooks) != 1 {
		t.Fatalf("%v %v", hooks, err)
	}
	page := WebhooksPath + "/" + hooks[0].ID.String()
	w = s.get(page, me)
	wants(t, "the webhook", w, http.StatusOK, `id="hook-url">https://203.0.113.10/hooks`, "Đang hoạt động", `id="no-deliveries"`)
	if strings.Contains(html.UnescapeString(w.Body.String()), secret) {
		t.Error("the webhook's page shows its secret again")
	}

	// A test, listed in the log; failed for good, it is sent again.
	if w := s.post(page+"/thu", url.Values{}); w.Code != http.StatusSeeOther || w.Header().Get("Location") != page+"?ok=hook.tested" {
		t.Fatalf("test: %d %q", w.Code, w.Header().Get("Location"))
	}
	var call uuid.UUID
	if err := s.pool.QueryRow(ctx, "SELECT id FROM webhook_deliveries WHERE webhook_id = $1 AND event_type = 'webhook.test'",
		hooks[0].ID).Scan(&call); err != nil {
		t.Fatal(err)
	}
	if _, err := s.pool.Exec(ctx, `UPDATE webhook_deliveries SET state = 'dead', tries = 14, last_status = 503,
		last_error = '503 Service Unavailable: down for maintenance' WHERE id = $1`, call); err != nil {
		t.Fatal(err)
	}
	w = s.get(page+"?ok=hook.tested", me)
	wants(t, "the log", w, http.StatusOK, "Đã gửi thử", "Lần gửi thử", "webhook-id: "+call.String(),
		"Gửi lỗi, đã dừng thử", "14 lần thử", "HTTP 503", "down for maintenance")
	if b := w.Body.String(); strings.Contains(b, "%s") || strings.Contains(b, "%!") || strings.Contains(b, "delivery.") {
		t.Errorf("the log shows words unfilled or missing: %.3000s", b)
	}
	if w := s.post(page+"/gui-lai", url.Values{"delivery_id": {call.String()}}); w.Code != http.StatusSeeOther {
		t.Fatalf("resend: %d %s", w.Code, w.Body)
	}
	var state string
	var tries int
	if err := s.pool.QueryRow(ctx, "SELECT state, tries FROM webhook_deliveries WHERE id = $1", call).Scan(&state, &tries); err != nil ||
		state != "pending" || tries != 0 {
		t.Errorf("after the resend the call is %s after %d tries (%v)", state, tries, err)
	}
	wants(t, "an unknown call", s.post(page+"/gui-lai", url.Values{"delivery_id": {uuid.NewString()}}), http.StatusNotFound, "Không tìm thấy")
	if _, err := s.pool.Exec(ctx, "UPDATE webhook_deliveries SET state = 'sent', tries = 1, last_status = 204, sent_at = now() WHERE id = $1", call); err != nil {
		t.Fatal(err)
	}
	w = s.get(page, me)
	wants(t, "a call sent", w, http.StatusOK, "Đã gửi ·", "HTTP 204", "hệ thống nhận đã nhận lúc")
	if b := w.Body.String(); strings.Contains(b, "%s") || strings.Contains(b, "%!") {
		t.Errorf("the log shows words unfilled: %.3000s", b)
	}

	// A new secret, shown once, the old one still signing.
	w = s.post(page+"/bi-mat", url.Values{})
	wants(t, "rotated", w, http.StatusOK, "Đã tạo khóa bí mật mới.", `id="previous-until"`, "vẫn ký kèm đến")
	if fresh := shownSecret(w.Body.String()); fresh == "" || fresh == secret {
		t.Errorf("the rotation shows %q, want a new secret", fresh)
	}

	// Disabled, the endpoint is sent nothing more.
	if _, err := s.pool.Exec(ctx, "UPDATE webhooks SET disabled_at = now(), failing_since = now() - interval '25 hours'"); err != nil {
		t.Fatal(err)
	}
	wants(t, "a disabled webhook", s.get(page, me), http.StatusOK, "Đã tắt lúc", `id="disabled-note"`)
	wants(t, "resending to a disabled webhook", s.post(page+"/gui-lai", url.Values{"delivery_id": {call.String()}}),
		http.StatusConflict, "đã bị tắt")

	if w := s.post(page+"/xoa", url.Values{}); w.Code != http.StatusSeeOther || w.Header().Get("Location") != WebhooksPath+"?ok=hook.deleted" {
		t.Fatalf("delete: %d %q", w.Code, w.Header().Get("Location"))
	}
	wants(t, "after the deletion", s.get(WebhooksPath+"?ok=hook.deleted", me), http.StatusOK, "Đã xóa webhook", `id="no-hooks"`)
	wants(t, "the deleted webhook", s.get(page, me), http.StatusNotFound, "Không tìm thấy")
	wants(t, "not a webhook's id", s.get(WebhooksPath+"/not-an-id", me), http.StatusNotFound, "Không tìm thấy")
}

// TestSyncPage: the national sync's page shows the backlog and the records the portal
// never took, and sends one again.
func TestSyncPage(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	me := s.as(admin.user, admin.role)
	wants(t, "nothing to sync", s.get(SyncPath, me), http.StatusOK, `id="sync-off"`, `id="pending">0`, `id="no-failed"`, "Chưa có")

	id := uuid.New()
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		_, err := store.FollowersIn(tx).AddNationalRecord(ctx, app.NationalRecord{ID: id, DossierCode: "000.00.16.H19-260302-0001",
			StatusCode: 2, Status: "received", ChangedAt: time.Now()})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.pool.Exec(ctx, "UPDATE national_sync SET state = 'dead', tries = 14, last_error = '502 Bad Gateway' WHERE id = $1", id); err != nil {
		t.Fatal(err)
	}
	wants(t, "a failed record", s.get(SyncPath, me), http.StatusOK, `id="failed">1`, "000.00.16.H19-260302-0001",
		"Đã tiếp nhận (mã 2)", "502 Bad Gateway")
	if w := s.post(SyncPath+"/gui-lai", url.Values{"id": {id.String()}}); w.Code != http.StatusSeeOther ||
		w.Header().Get("Location") != SyncPath+"?ok=sync.resent" {
		t.Fatalf("resend: %d %q %s", w.Code, w.Header().Get("Location"), w.Body)
	}
	wants(t, "resent", s.get(SyncPath+"?ok=sync.resent", me), http.StatusOK, "gửi lại ngay", `id="pending">1`, `id="failed">0`)
	wants(t, "an unknown record", s.post(SyncPath+"/gui-lai", url.Values{"id": {uuid.NewString()}}), http.StatusNotFound, "Không tìm thấy")
	wants(t, "no record named", s.post(SyncPath+"/gui-lai", url.Values{"id": {""}}), http.StatusBadRequest, "không đọc được")
}
