package mail_test

import (
	"context"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/platform/mail"
	"github.com/motcua/motcua/services/platform/mailtest"
)

// TestSendThroughARealSMTPServer: a message in Vietnamese reaches a real SMTP server
// whole: the sender, the address, the subject and the text with its accents.
func TestSendThroughARealSMTPServer(t *testing.T) {
	srv := mailtest.Start(t)
	m, err := mail.NewSMTP(srv.SMTPURL, "motcua@localhost")
	if err != nil {
		t.Fatal(err)
	}
	text := "Mã xác thực của bạn là 123456.\nMã dùng được một lần."
	if err := m.Send(context.Background(), mail.Message{To: "an.nguyen@example.vn", Subject: "Mã xác thực Một cửa: 123456", Text: text}); err != nil {
		t.Fatal(err)
	}
	got := srv.To(t, "an.nguyen@example.vn")
	if len(got) != 1 || got[0].Subject != "Mã xác thực Một cửa: 123456" || strings.TrimSpace(strings.ReplaceAll(got[0].Text, "\r\n", "\n")) != text {
		t.Fatalf("received %+v", got)
	}
	if err := m.Send(context.Background(), mail.Message{To: "not an address", Subject: "x", Text: "x"}); err == nil {
		t.Error("a message to no address was sent")
	}
	// With a user, the server is asked to authenticate (Mailpit takes any).
	withUser, err := mail.NewSMTP(strings.Replace(srv.SMTPURL, "smtp://", "smtp://motcua:secret@", 1), "motcua@localhost")
	if err != nil {
		t.Fatal(err)
	}
	if err := withUser.Send(context.Background(), mail.Message{To: "lan@example.vn", Subject: "x", Text: "y"}); err != nil {
		t.Fatalf("with a user: %v", err)
	}
}

func TestNewSMTPRefusesBadSettings(t *testing.T) {
	for _, bad := range []struct{ url, from string }{{"http://x:25", "a@b.vn"}, {"smtp://", "a@b.vn"}, {"smtp://x:25", "nobody"}} {
		if _, err := mail.NewSMTP(bad.url, bad.from); err == nil {
			t.Errorf("%q from %q accepted", bad.url, bad.from)
		}
	}
}
