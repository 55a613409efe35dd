package messenger

import (
	"context"
	"errors"
	"fmt"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/mail"
	"github.com/motcua/motcua/services/platform/zns"
)

// Notices hands citizens' notices to the mail server, the SMS gateway and Zalo
// (app.NoticeSender); a channel left nil is off, and the app queues nothing for it.
type Notices struct {
	Messenger
	Zalo *zns.Client
}

var _ app.NoticeSender = Notices{}

// errOff is a notice for a channel that is off; it was not queued unless the settings
// changed since.
var errOff = errors.New("this channel is off")

// Mail sends m, under its id, with its page and its unsubscription link.
func (n Notices) Mail(ctx context.Context, m app.NoticeMail) error {
	if n.Messenger.Mail == nil {
		return errOff
	}
	msg := mail.Message{To: m.To, Subject: m.Subject, Text: m.Text, HTML: m.HTML,
		ID: "notice-" + m.ID.String(), Unsubscribe: m.Unsubscribe}
	for _, a := range m.Attachments {
		msg.Attachments = append(msg.Attachments, mail.Attachment{Name: a.Name, ContentType: a.ContentType, Data: a.Data})
	}
	err := n.Messenger.Mail.Send(ctx, msg)
	if errors.Is(err, mail.ErrBadAddress) || errors.Is(err, mail.ErrRecipientRefused) {
		return fmt.Errorf("%w: %w", app.ErrAddressRefused, err)
	}
	return err
}

// SMS sends text to phone.
func (n Notices) SMS(ctx context.Context, phone, text string) error {
	if n.Messenger.SMS == nil {
		return errOff
	}
	return n.Messenger.SMS.Send(ctx, phone, text)
}

// ZNS sends template with data to phone.
func (n Notices) ZNS(ctx context.Context, phone, template string, data map[string]string) error {
	if n.Zalo == nil {
		return errOff
	}
	return n.Zalo.Send(ctx, phone, template, data)
}
