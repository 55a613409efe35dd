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

// TestTextAndPageWithAnID: a message with a page travels as text and page, under the
// Message-ID it was given, with the address that stops such messages.
func TestTextAndPageWithAnID(t *testing.T) {
	srv := mailtest.Start(t)
	m, err := mail.NewSMTP(srv.SMTPURL, "motcua@mot-cua.example.vn")
	if err != nil {
		t.Fatal(err)
	}
	msg := mail.Message{To: "binh@example.vn", Subject: "Hồ sơ đã được tiếp nhận", Text: "Ngày hẹn: 12/12/2026",
		HTML: "<p>Ngày hẹn: <b>12/12/2026</b></p>", ID: "notice-42", Unsubscribe: "https://mot-cua.example.vn/huy?t=x"}
	for _, attached := range []bool{false, true} {
		if attached {
			msg.To, msg.Attachments = "chi@example.vn", []mail.Attachment{{Name: "bien-nhan.pdf", ContentType: "application/pdf", Data: []byte("%PDF-1.4")}}
		}
		if err := m.Send(context.Background(), msg); err != nil {
			t.Fatal(err)
		}
		got := srv.To(t, msg.To)
		if len(got) != 1 || !strings.Contains(got[0].Text, "Ngày hẹn: 12/12/2026") || !strings.Contains(got[0].HTML, "<b>12/12/2026</b>") ||
			got[0].MessageID != "notice-42@mot-cua.example.vn" || len(got[0].Attachments) != len(msg.Attachments) {
			t.Fatalf("with attachments %v, received %+v", attached, got)
		}
	}
}

func TestNewSMTPRefusesBadSettings(t *testing.T) {
	for _, bad := range []struct{ url, from string }{{"http://x:25", "a@b.vn"}, {"smtp://", "a@b.vn"}, {"smtp://x:25", "nobody"}} {
		if _, err := mail.NewSMTP(bad.url, bad.from); err == nil {
			t.Errorf("%q from %q accepted", bad.url, bad.from)
		}
	}
}
