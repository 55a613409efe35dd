package messenger

import (
	"context"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/mail"
)

var _ app.StaffMailer = Messenger{}

// StaffMail sends m to a member of staff, under its id, with its page.
func (m Messenger) StaffMail(ctx context.Context, id uuid.UUID, sm app.StaffMail) error {
	if m.Mail == nil {
		return errOff
	}
	return m.Mail.Send(ctx, mail.Message{To: sm.To, Subject: sm.Subject, Text: sm.Text, HTML: sm.HTML, ID: "staff-" + id.String()})
}
