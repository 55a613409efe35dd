package servicetest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/mailtest"
)

// codeIn is the 6-digit code of a message.
var codeIn = regexp.MustCompile(`\b(\d{6})\b`)

type verificationStarted struct {
	ID string `json:"verification_id"`
}

// TestVerifyAnEmailAddress: a citizen asks for a code, receives it by mail through a real
// SMTP server, and trades it for a citizen's token; a wrong code is 422, a used code
// and a verification after five wrong codes are 410, the sixth request for an address
// within the hour is 429.
func TestVerifyAnEmailAddress(t *testing.T) {
	mails := mailtest.Start(t)
	e := startWith(t, nil, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL, "MOTCUA_MAIL_FROM": "motcua@xuanloc.example.vn"})
	ask := func(body map[string]string, from string) apitest.Reply {
		return apitest.Call(t, apitest.From(from), "POST", e.URL, "/api/v1/public/verifications", "", apitest.JSON(t, body))
	}
	confirm := func(id, code string) apitest.Reply {
		return e.call(t, "POST", "/api/v1/public/verifications/"+id, "", apitest.JSON(t, map[string]string{"code": code}))
	}

	var started verificationStarted
	ask(map[string]string{"email": " An.Nguyen@Example.VN "}, "127.0.0.1").Expect(t, http.StatusAccepted).Decode(t, &started)
	got := mails.To(t, "an.nguyen@example.vn")
	if len(got) != 1 {
		t.Fatalf("%d mails to the address", len(got))
	}
	code := codeIn.FindString(got[0].Text)
	if code == "" || codeIn.FindString(got[0].Subject) != code {
		t.Fatalf("no code in the mail: %q / %q", got[0].Subject, got[0].Text)
	}
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	confirm(started.ID, wrong).ExpectError(t, http.StatusUnprocessableEntity, "wrong_code", "code")
	var tok struct {
		Token     string `json:"contact_token"`
		ExpiresIn int    `json:"expires_in"`
	}
	confirm(started.ID, code).Expect(t, http.StatusOK).Decode(t, &tok)
	if tok.Token == "" || tok.ExpiresIn <= 0 {
		t.Fatalf("token: %+v", tok)
	}
	// The citizen's token is no staff token.
	e.call(t, "GET", "/api/v1/dossiers/search?name=an", tok.Token, nil).ExpectError(t, http.StatusUnauthorized, "unauthorized", "")
	// Used once.
	confirm(started.ID, code).ExpectError(t, http.StatusGone, "verification_gone", "")

	// Five wrong codes end a verification.
	var second verificationStarted
	ask(map[string]string{"email": "an.nguyen@example.vn"}, "127.0.0.1").Expect(t, http.StatusAccepted).Decode(t, &second)
	for range 4 {
		confirm(second.ID, wrong).ExpectError(t, http.StatusUnprocessableEntity, "wrong_code", "code")
	}
	confirm(second.ID, wrong).ExpectError(t, http.StatusGone, "verification_gone", "")
	latest := codeIn.FindString(mails.To(t, "an.nguyen@example.vn")[0].Text)
	confirm(second.ID, latest).ExpectError(t, http.StatusGone, "verification_gone", "")

	// Five codes an hour to one address, whichever clients ask.
	for _, from := range []string{"127.0.0.2", "127.0.0.3", "127.0.0.4"} {
		ask(map[string]string{"email": "an.nguyen@example.vn"}, from).Expect(t, http.StatusAccepted)
	}
	r := ask(map[string]string{"email": "an.nguyen@example.vn"}, "127.0.0.5")
	r.ExpectError(t, http.StatusTooManyRequests, "too_many_requests", "")
	if r.Header.Get("Retry-After") == "" || !strings.Contains(r.APIError(t).Error.Message, "Đã gửi 5 mã đến địa chỉ này") {
		t.Errorf("429 without Retry-After or words: %s", r.Body)
	}
	if n := len(mails.To(t, "an.nguyen@example.vn")); n != 5 {
		t.Errorf("%d mails sent to the address, want 5", n)
	}

	// Bad requests say what to fix.
	ask(map[string]string{"email": "not an address"}, "127.0.0.6").ExpectError(t, http.StatusUnprocessableEntity, "invalid_email", "email")
	ask(map[string]string{}, "127.0.0.6").ExpectError(t, http.StatusUnprocessableEntity, "required", "email")
	ask(map[string]string{"email": "a@b.vn", "phone": "0912345678"}, "127.0.0.6").ExpectError(t, http.StatusUnprocessableEntity, "one_contact", "phone")
	ask(map[string]string{"phone": "0912345678"}, "127.0.0.6").ExpectError(t, http.StatusUnprocessableEntity, "channel_off", "phone")
	confirm("not-a-uuid", "123456").ExpectError(t, http.StatusNotFound, "verification_not_found", "")
}

// TestVerifyAPhoneNumber: with an SMS gateway set, the code goes to it as the gateway's
// protocol says (a POST of {"to","text"} with the bearer token).
func TestVerifyAPhoneNumber(t *testing.T) {
	var mu sync.Mutex
	var sent []map[string]string
	gateway := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer sms-token" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		var m map[string]string
		_ = json.NewDecoder(r.Body).Decode(&m)
		mu.Lock()
		sent = append(sent, m)
		mu.Unlock()
		w.WriteHeader(http.StatusAccepted)
	}))
	defer gateway.Close()
	e := startWith(t, nil, map[string]string{"MOTCUA_SMS_URL": gateway.URL, "MOTCUA_SMS_TOKEN": "sms-token"})
	var started verificationStarted
	e.call(t, "POST", "/api/v1/public/verifications", "", apitest.JSON(t, map[string]string{"phone": "+84 912 345 678"})).
		Expect(t, http.StatusAccepted).Decode(t, &started)
	mu.Lock()
	defer mu.Unlock()
	if len(sent) != 1 || sent[0]["to"] != "0912345678" || codeIn.FindString(sent[0]["text"]) == "" {
		t.Fatalf("the gateway got %v", sent)
	}
	e.call(t, "POST", "/api/v1/public/verifications/"+started.ID, "", apitest.JSON(t, map[string]string{"code": codeIn.FindString(sent[0]["text"])})).
		Expect(t, http.StatusOK)
	// Without a mail server, e-mail is off and says so.
	e.call(t, "POST", "/api/v1/public/verifications", "", apitest.JSON(t, map[string]string{"email": "an@example.vn"})).
		ExpectError(t, http.StatusUnprocessableEntity, "channel_off", "email")
}
