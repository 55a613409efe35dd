package mail_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/platform/mail"
	"github.com/motcua/motcua/services/platform/mailtest"
)

// TestSendAttachments: a message with files reaches a real SMTP server with its text
// whole and each file under its name (accents included), with its type and the very
// bytes sent.
func TestSendAttachments(t *testing.T) {
	srv := mailtest.Start(t)
	m, err := mail.NewSMTP(srv.SMTPURL, "motcua@localhost")
	if err != nil {
		t.Fatal(err)
	}
	pdf := make([]byte, 5000) // every byte value, across many base64 lines
	for i := range pdf {
		pdf[i] = byte(i * 7)
	}
	sent := []mail.Attachment{
		{Name: "bien-nhan-000.23.45.H56-260101-0001.pdf", ContentType: "application/pdf", Data: pdf},
		{Name: "Ghi chú của bộ phận một cửa.txt", ContentType: "text/plain; charset=utf-8", Data: []byte("Nộp bản chính khi nhận kết quả.")},
	}
	text := "Hồ sơ của bạn đã được tiếp nhận.\nGiấy tiếp nhận được gửi kèm."
	if err := m.Send(context.Background(), mail.Message{To: "an.nguyen@example.vn", Subject: "Đã tiếp nhận hồ sơ",
		Text: text, Attachments: sent}); err != nil {
		t.Fatal(err)
	}
	got := srv.To(t, "an.nguyen@example.vn")
	if len(got) != 1 || got[0].Subject != "Đã tiếp nhận hồ sơ" || strings.TrimSpace(strings.ReplaceAll(got[0].Text, "\r\n", "\n")) != text {
		t.Fatalf("received %+v", got)
	}
	if len(got[0].Attachments) != len(sent) {
		t.Fatalf("attachments: %+v", got[0].Attachments)
	}
	for i, a := range got[0].Attachments {
		want := sent[i]
		if a.FileName != want.Name || !strings.HasPrefix(want.ContentType, a.ContentType) || a.Size != len(want.Data) || !bytes.Equal(a.Data, want.Data) {
			t.Errorf("attachment %d: %q %q %d bytes (%d read back), want %q %q %d bytes", i, a.FileName, a.ContentType, a.Size,
				len(a.Data), want.Name, want.ContentType, len(want.Data))
		}
	}
}
