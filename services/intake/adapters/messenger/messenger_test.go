package messenger_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/motcua/motcua/services/intake/adapters/messenger"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/contact"
	"github.com/motcua/motcua/services/platform/mail"
	"github.com/motcua/motcua/services/platform/mailtest"
	"github.com/motcua/motcua/services/platform/sms"
)

// TestSendAttachments: an e-mail address gets the text and the files attached (through
// a real SMTP server), a phone the text alone, and a channel that is off says so.
func TestSendAttachments(t *testing.T) {
	srv := mailtest.Start(t)
	smtp, err := mail.NewSMTP(srv.SMTPURL, "motcua@localhost")
	if err != nil {
		t.Fatal(err)
	}
	var texts []map[string]string
	gateway := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var got map[string]string
		_ = json.NewDecoder(r.Body).Decode(&got)
		texts = append(texts, got)
		w.WriteHeader(http.StatusAccepted)
	}))
	defer gateway.Close()
	m := messenger.Messenger{Mail: smtp, SMS: sms.New(gateway.URL, "")}
	receipt := app.Attachment{Name: "bien-nhan-X.pdf", ContentType: "application/pdf", Data: []byte("%PDF-1.4 …")}
	ctx := context.Background()

	if err := m.Send(ctx, contact.Address{Channel: contact.Email, Value: "an@example.vn"}, "Đã tiếp nhận", "Hồ sơ X", receipt); err != nil {
		t.Fatal(err)
	}
	got := srv.To(t, "an@example.vn")
	if len(got) != 1 || len(got[0].Attachments) != 1 {
		t.Fatalf("mailed: %+v", got)
	}
	if a := got[0].Attachments[0]; a.FileName != receipt.Name || a.ContentType != receipt.ContentType || !bytes.Equal(a.Data, receipt.Data) {
		t.Errorf("attached: %+v", a)
	}

	if err := m.Send(ctx, contact.Address{Channel: contact.Phone, Value: "0912345678"}, "Đã tiếp nhận", "Hồ sơ X", receipt); err != nil {
		t.Fatal(err)
	}
	if len(texts) != 1 || texts[0]["to"] != "0912345678" || texts[0]["text"] != "Hồ sơ X" {
		t.Errorf("the gateway got %v", texts)
	}

	off := messenger.Messenger{}
	if err := off.Send(ctx, contact.Address{Channel: contact.Email, Value: "an@example.vn"}, "x", "y", receipt); !errors.Is(err, app.ErrChannelOff) {
		t.Errorf("no mail server: %v", err)
	}
}
