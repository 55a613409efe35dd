package contract

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/services/allinone/server/servertest"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/mailtest"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// TestNoticesByMail drives "Notifications" through the contract: a dossier registered
// at a desk with the citizen's e-mail address mails them its code and appointment
// (never the ID number or the PIN, which the paper receipt gives); the office's request
// for papers mails them what is missing.
func TestNoticesByMail(t *testing.T) {
	mails := mailtest.Start(t)
	s := servertest.Start(t, dbURL, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL})
	const address = "binh.tran@example.vn"
	desk, officer := token(t, s, "desk.xuanloc"), token(t, s, "officer.baohoa")
	var rc struct {
		Code      string `json:"code"`
		LookupPIN string `json:"lookup_pin"`
	}
	call(t, s, http.MethodPost, "/api/v1/dossiers", desk, apitest.JSON(t, map[string]any{
		"procedure_code": "1.004873", "receiving_office": demo.DistrictDesk, "handling_office": "000.02.16.H19", "channel": "desk",
		"applicant": map[string]any{"full_name": "Trần Thị Bình", "id_number": "075198765432", "email": address,
			"address": "Số 5, ấp Bảo Định, xã Bảo Hòa"},
		"documents":       []map[string]any{{"name": "Tờ khai xác nhận tình trạng hôn nhân", "kind": "original", "copies": 1}},
		"result_delivery": map[string]any{"method": "desk"},
	})).Expect(t, http.StatusCreated).Decode(t, &rc)

	var received mailtest.Mail
	waitfor.Until(t, "the mail giving the code", func() (ok bool) {
		received, ok = mailed(t, mails, address, noticeSubject("received", rc.Code))
		return ok
	})
	for _, leak := range []string{"075198765432", rc.LookupPIN, "ấp Bảo Định"} {
		if strings.Contains(received.Text, leak) {
			t.Errorf("the mail carries %q: %s", leak, received.Text)
		}
	}
	if !strings.Contains(received.Text, rc.Code) || !strings.Contains(received.Text, "/tra-cuu?code="+rc.Code) {
		t.Errorf("the mail of the receipt: %s", received.Text)
	}

	call(t, s, http.MethodPost, "/api/v1/dossiers/"+rc.Code+"/actions/transfer", desk,
		apitest.JSON(t, map[string]any{"to_office": "000.02.16.H19", "via": "hand"})).Expect(t, http.StatusOK)
	call(t, s, http.MethodPost, "/api/v1/dossiers/"+rc.Code+"/actions/accept", officer, []byte(`{}`)).Expect(t, http.StatusOK)
	call(t, s, http.MethodPost, "/api/v1/dossiers/"+rc.Code+"/actions/request-supplement", officer, apitest.JSON(t, map[string]any{
		"items":  []map[string]any{{"name": "Trích lục khai tử của chồng", "kind": "copy"}},
		"reason": "Cần giấy chứng minh tình trạng hôn nhân hiện tại"})).Expect(t, http.StatusOK)
	var asked mailtest.Mail
	waitfor.Until(t, "the mail saying what is missing", func() (ok bool) {
		asked, ok = mailed(t, mails, address, noticeSubject("supplement_requested", rc.Code))
		return ok
	})
	if !strings.Contains(asked.Text, "Trích lục khai tử của chồng") || !strings.Contains(asked.Text, "Cần giấy chứng minh") ||
		!strings.Contains(asked.HTML, "Trích lục khai tử của chồng") {
		t.Errorf("the mail asking for papers: %s", asked.Text)
	}
	if n := len(mails.To(t, address)); n != 2 {
		t.Errorf("%d mails to the citizen, want 2 (one per event)", n)
	}

	// The lookup shows what was sent, how and when; never to which address.
	var seen struct {
		Notices []struct {
			Kind, Channel string
			At            time.Time
		} `json:"notices"`
	}
	lookup := "/api/v1/track/" + rc.Code + "?pin=" + url.QueryEscape(rc.LookupPIN)
	waitfor.Until(t, "the lookup to show both notices", func() bool {
		r := call(t, s, http.MethodGet, lookup, "", nil)
		seen.Notices = nil
		return r.Status == http.StatusOK && json.Unmarshal(r.Body, &seen) == nil && len(seen.Notices) == 2
	})
	if n := seen.Notices; n[0].Kind != "received" || n[1].Kind != "supplement_requested" || n[0].Channel != "mail" ||
		n[0].At.IsZero() || n[1].At.Before(n[0].At) {
		t.Errorf("the lookup's notices: %+v", n)
	}
	if r := call(t, s, http.MethodGet, lookup, "", nil); strings.Contains(string(r.Body), address) {
		t.Error("the lookup names the citizen's address")
	}
}
