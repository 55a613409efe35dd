package contract

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/services/allinone/server/servertest"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/waitfor"
	"github.com/motcua/motcua/services/platform/webhook"
	"github.com/motcua/motcua/services/platform/webhook/webhooktest"
)

// TestWebhookAndNationalSync drives the contract's webhooks and national sync: an
// administrator subscribes a local receiver to dossier.received; a dossier registered
// at the desk reaches it signed with the secret the API gave, and again under the same
// webhook-id after the receiver's first answer (503); the log says so. The national
// portal, which refuses its first record once, gets every status of the dossier as it
// goes through its life, in order.
func TestWebhookAndNationalSync(t *testing.T) {
	receiver, portal := webhooktest.Start(t), webhooktest.Start(t)
	receiver.FailNext(http.StatusServiceUnavailable)
	portal.FailNext(http.StatusBadGateway)
	s := servertest.Start(t, dbURL, map[string]string{"MOTCUA_WEBHOOK_ALLOW_PRIVATE": "true",
		"MOTCUA_WEBHOOK_RETRY_BASE": "200ms", "MOTCUA_NATIONAL_SYNC_URL": portal.URL})
	admin, desk, commune := token(t, s, "admin.xuanloc"), token(t, s, "desk.xuanloc"), token(t, s, "officer.baohoa")
	const baoHoa = "000.02.16.H19"

	var hook struct {
		ID     string `json:"id"`
		Secret string `json:"secret"`
	}
	call(t, s, http.MethodPost, "/api/v1/webhooks", admin, apitest.JSON(t, map[string]any{
		"url": receiver.URL + "/motcua", "events": []string{"dossier.received"}})).Expect(t, http.StatusCreated).Decode(t, &hook)
	if !strings.HasPrefix(hook.Secret, webhook.SecretPrefix) || hook.ID == "" {
		t.Fatalf("POST /api/v1/webhooks answered %+v", hook)
	}

	var d struct {
		Code string `json:"code"`
	}
	call(t, s, http.MethodPost, "/api/v1/dossiers", desk, apitest.JSON(t, map[string]any{
		"procedure_code": "1.004873", "receiving_office": demo.DistrictDesk, "handling_office": baoHoa, "channel": "desk",
		"applicant":       map[string]string{"full_name": "Nguyễn Văn An", "id_number": "075123456789", "phone": "0912345678"},
		"documents":       []map[string]any{{"name": "Tờ khai xác nhận tình trạng hôn nhân", "kind": "original", "copies": 1}},
		"result_delivery": map[string]string{"method": "desk"},
	})).Expect(t, http.StatusCreated).Decode(t, &d)
	act := func(token, action string, body map[string]any) {
		t.Helper()
		call(t, s, http.MethodPost, "/api/v1/dossiers/"+d.Code+"/actions/"+action, token, apitest.JSON(t, body)).Expect(t, http.StatusOK)
	}
	act(desk, "transfer", map[string]any{"to_office": baoHoa, "via": "hand"})
	act(commune, "accept", map[string]any{})
	act(commune, "request-supplement", map[string]any{"items": []map[string]any{{"name": "Giấy xác nhận cư trú", "kind": "original"}},
		"reason": "Hồ sơ thiếu giấy xác nhận cư trú"})
	act(commune, "supplement", map[string]any{"note": "Công dân đã nộp bổ sung"})
	act(commune, "complete", map[string]any{"outcome": "approved"})

	// The receiver: dossier.received, refused once, then taken under the same id.
	waitfor.Within(t, 30*time.Second, "the receiver to take dossier.received", func() bool {
		c := receiver.Calls()
		return len(c) == 2 && c[1].Answered == http.StatusOK
	})
	calls := receiver.Calls()
	if calls[0].Answered != http.StatusServiceUnavailable || calls[0].ID() != calls[1].ID() {
		t.Fatalf("the tries came as %q (%d) then %q", calls[0].ID(), calls[0].Answered, calls[1].ID())
	}
	for i, c := range calls {
		if err := c.Verify(hook.Secret); err != nil {
			t.Errorf("try %d: %v", i+1, err)
		}
		var body struct {
			Type string `json:"type"`
			Data struct {
				Code       string `json:"code"`
				Status     string `json:"status"`
				StatusCode int    `json:"status_code"`
				Office     string `json:"office"`
			} `json:"data"`
		}
		if err := json.Unmarshal(c.Body, &body); err != nil || body.Type != "dossier.received" || body.Data.Code != d.Code ||
			body.Data.Status != "received" || body.Data.StatusCode != 2 || body.Data.Office != demo.DistrictDesk {
			t.Errorf("try %d carries %s", i+1, c.Body)
		}
		if strings.Contains(string(c.Body), "Nguyễn Văn An") || strings.Contains(string(c.Body), "075123456789") {
			t.Errorf("try %d carries personal data: %s", i+1, c.Body)
		}
	}
	var log []struct {
		ID    string `json:"id"`
		State string `json:"state"`
		Tries int    `json:"tries"`
	}
	// The receiver's answer is recorded once the try commits, just after it came.
	waitfor.Within(t, 10*time.Second, "the log to say the call was sent", func() bool {
		call(t, s, http.MethodGet, "/api/v1/webhooks/"+hook.ID+"/deliveries", admin, nil).Expect(t, http.StatusOK).Decode(t, &log)
		return len(log) == 1 && log[0].State != "pending"
	})
	if log[0].ID != calls[0].ID() || log[0].State != "sent" || log[0].Tries != 2 {
		t.Errorf("the delivery log: %+v", log)
	}

	// The portal: every status, in order, the refused first record again before the rest.
	want := []string{"received", "received", "in_transit", "processing", "supplement_requested", "processing", "processed"}
	var got []string
	waitfor.Within(t, 30*time.Second, "every status at the portal", func() bool {
		got = nil
		for _, c := range portal.Calls() {
			var rec struct {
				DossierCode string `json:"dossier_code"`
				Status      string `json:"status"`
				StatusCode  int    `json:"status_code"`
			}
			if json.Unmarshal(c.Body, &rec) == nil && rec.DossierCode == d.Code {
				got = append(got, rec.Status)
			}
		}
		return len(got) >= len(want)
	})
	if !slices.Equal(got, want) || portal.Calls()[0].Answered != http.StatusBadGateway {
		t.Errorf("the portal got %v, want %v (the first refused once)", got, want)
	}
	var backlog struct {
		Pending    int     `json:"pending"`
		Failed     int     `json:"failed"`
		LastSentAt *string `json:"last_sent_at"`
	}
	// The last record is counted sent once its try commits, just after the portal took it.
	waitfor.Within(t, 10*time.Second, "the backlog to empty", func() bool {
		call(t, s, http.MethodGet, "/api/v1/sync/status", admin, nil).Expect(t, http.StatusOK).Decode(t, &backlog)
		return backlog.Pending == 0
	})
	if backlog.Failed != 0 || backlog.LastSentAt == nil {
		t.Errorf("GET /api/v1/sync/status: %+v", backlog)
	}
}
