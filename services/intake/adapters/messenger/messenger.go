// Package messenger reaches a citizen's verified address: by mail for an e-mail
// address, by the SMS gateway for a phone number (app.Messenger).
package messenger

import (
	"context"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/contact"
	"github.com/motcua/motcua/services/platform/mail"
	"github.com/motcua/motcua/services/platform/sms"
)

// Messenger sends through Mail and SMS; either may be nil (that channel is off).
type Messenger struct {
	Mail *mail.SMTP
	SMS  *sms.Gateway
}

var _ app.Messenger = Messenger{}

// Send delivers subject and text to to: by mail with the attachments, by SMS the text
// alone.
func (m Messenger) Send(ctx context.Context, to contact.Address, subject, text string, attachments ...app.Attachment) error {
	switch {
	case to.Channel == contact.Email && m.Mail != nil:
		msg := mail.Message{To: to.Value, Subject: subject, Text: text}
		for _, a := range attachments {
			msg.Attachments = append(msg.Attachments, mail.Attachment{Name: a.Name, ContentType: a.ContentType, Data: a.Data})
		}
		return m.Mail.Send(ctx, msg)
	case to.Channel == contact.Phone && m.SMS != nil:
		return m.SMS.Send(ctx, to.Value, text)
	}
	return app.ErrChannelOff
}
