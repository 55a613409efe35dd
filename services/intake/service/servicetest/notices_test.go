package servicetest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/motcua/motcua/services/intake/notifier"
	"github.com/motcua/motcua/services/platform/mailtest"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// smsGateway is a local SMS gateway that records what it is asked to send.
type smsGateway struct {
	mu   sync.Mutex
	sent []map[string]string
}

func (g *smsGateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var m map[string]string
	_ = json.NewDecoder(r.Body).Decode(&m)
	g.mu.Lock()
	g.sent = append(g.sent, m)
	g.mu.Unlock()
	w.WriteHeader(http.StatusAccepted)
}

func (g *smsGateway) texts() []map[string]string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]map[string]string(nil), g.sent...)
}

// TestNoticesToTheCitizen: a dossier registered at a desk is mailed (text and page, with
// the unsubscription link) and texted to its citizen once each, with the code and the
// appointment and never the ID number, the address or the PIN; a request for papers
// mails what is missing; after the citizen unsubscribes, nothing more is sent.
func TestNoticesToTheCitizen(t *testing.T) {
	mails := mailtest.Start(t)
	gateway := &smsGateway{}
	sms := httptest.NewServer(gateway)
	t.Cleanup(sms.Close)
	e := startWith(t, nil, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL, "MOTCUA_SMS_URL": sms.URL})
	rc := e.registerAtDistrict(t)
	var told mailtest.Mail
	waitfor.Until(t, "the mail telling of the receipt", func() bool {
		got := mails.To(t, "an.nguyen@example.vn")
		if len(got) > 0 {
			told = got[0]
		}
		return len(got) > 0
	})
	for _, leak := range []string{"075123456789", applicantAddress, rc.LookupPIN} {
		if strings.Contains(told.Text, leak) || strings.Contains(told.HTML, leak) {
			t.Errorf("the notice carries %q:\n%s", leak, told.Text)
		}
	}
	if !strings.Contains(told.Subject, rc.Code) || !strings.Contains(told.Text, "Ngày hẹn trả kết quả") ||
		!strings.Contains(told.HTML, "/tra-cuu?code="+rc.Code) || !strings.Contains(told.Text, "/api/v1/public/notices/unsubscribe?code=") {
		t.Errorf("the notice of the receipt: %q\n%s", told.Subject, told.Text)
	}
	// Text messages go between 07:00 and 21:00 only: held otherwise, never lost.
	var heldUntil *string
	waitfor.Until(t, "the text message, sent or held for the morning", func() bool {
		if len(gateway.texts()) > 0 {
			return true
		}
		_ = e.DB.QueryRow(t.Context(), "SELECT to_char(next_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'HH24:MI:SS') FROM notice_sms WHERE dossier_code = $1 AND state = 'pending'", rc.Code).Scan(&heldUntil)
		return heldUntil != nil && strings.Contains(*heldUntil, "07:00:00")
	})
	if texts := gateway.texts(); len(texts) > 0 && (texts[0]["to"] != "0912345678" || !strings.Contains(texts[0]["text"], rc.Code)) {
		t.Errorf("the text message: %v", texts[0])
	}

	e.actOK(t, "desk.xuanloc", rc.Code, "transfer", map[string]any{"to_office": baoHoa, "via": "hand"})
	e.actOK(t, "officer.baohoa", rc.Code, "accept", map[string]any{})
	e.actOK(t, "officer.baohoa", rc.Code, "request-supplement", map[string]any{
		"items": []map[string]any{{"name": "Giấy xác nhận tình trạng hôn nhân", "kind": "original"}}, "reason": "Thiếu giấy xác nhận"})
	waitfor.Until(t, "the mail asking for the missing paper", func() bool {
		for _, m := range mails.To(t, "an.nguyen@example.vn") {
			if strings.Contains(m.Text, "Giấy xác nhận tình trạng hôn nhân") && strings.Contains(m.Text, "Thiếu giấy xác nhận") {
				return true
			}
		}
		return false
	})

	// Each event was told once by mail, whatever the consumers' redeliveries.
	var mailed int
	if err := e.DB.QueryRow(t.Context(), "SELECT count(*) FROM notice_mail WHERE dossier_code = $1", rc.Code).Scan(&mailed); err != nil || mailed != 2 {
		t.Errorf("%d mails queued (%v), want 2", mailed, err)
	}

	// An administrator sees the notices (never the address) and sends one again, under
	// its Message-ID.
	admin := e.token(t, "admin.xuanloc")
	var queued struct {
		Items []struct {
			ID, Channel, Kind, Code, State string
		} `json:"items"`
	}
	e.call(t, "GET", "/api/v1/notices?channel=mail&dossier="+url.QueryEscape(rc.Code), admin, nil).Expect(t, http.StatusOK).Decode(t, &queued)
	if len(queued.Items) != 2 || queued.Items[1].Kind != "received" || queued.Items[1].State != "sent" ||
		strings.Contains(fmt.Sprint(queued), "@example.vn") {
		t.Fatalf("the queued notices: %+v", queued)
	}
	e.call(t, "GET", "/api/v1/notices?state=lost", admin, nil).ExpectError(t, http.StatusUnprocessableEntity, "notice_state", "state")
	e.call(t, "POST", "/api/v1/notices/"+queued.Items[1].ID+"/retry", admin, nil).Expect(t, http.StatusAccepted)
	waitfor.Until(t, "the notice mailed again, under its Message-ID", func() bool {
		n := 0
		for _, m := range mails.To(t, "an.nguyen@example.vn") {
			if m.MessageID == told.MessageID {
				n++
			}
		}
		return n == 2
	})

	// The link of the mail stops the dossier's notices; a forged one does not.
	link := told.Text[strings.Index(told.Text, "http"):]
	link = strings.Fields(link[strings.Index(link, "/api/v1/public/notices/unsubscribe"):])[0]
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	forged := u.Query()
	forged.Set("t", strings.Repeat("0", 32))
	e.call(t, "POST", u.Path+"?"+forged.Encode(), "", nil).ExpectError(t, http.StatusUnprocessableEntity, "unsubscribe_link_unknown", "t")
	res, err := http.Post(e.URL+link, "application/x-www-form-urlencoded", strings.NewReader("List-Unsubscribe=One-Click"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("unsubscribe: %s", res.Status)
	}
	e.actOK(t, "officer.baohoa", rc.Code, "supplement", map[string]any{})
	e.actOK(t, "officer.baohoa", rc.Code, "refuse", map[string]any{"reason": "Không đủ điều kiện"})
	waitfor.Until(t, "the notifier to have taken every dossier event", func() bool {
		c, err := e.JS.Consumer(t.Context(), messaging.DossierStream, notifier.Dossiers.Durable)
		if err != nil {
			return false
		}
		info, err := c.Info(t.Context())
		return err == nil && info.NumPending == 0 && info.NumAckPending == 0 && info.Delivered.Consumer >= 6
	})
	var after int
	if err := e.DB.QueryRow(t.Context(), "SELECT count(*) FROM notice_mail WHERE dossier_code = $1", rc.Code).Scan(&after); err != nil || after != 2 {
		t.Errorf("%d mails queued after the citizen unsubscribed (%v), want still 2", after, err)
	}
}
