// Package mail sends the product's messages to citizens and staff by SMTP: one adapter
// behind the ports of the services that write to people (a verification code, a
// notice). Messages are plain text in UTF-8, with files attached when they carry some.
package mail

import (
	"context"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/mail"
	"net/smtp"
	"net/textproto"
	"net/url"
	"strings"
	"time"
)

// ErrBadAddress is a message's address that is not one; ErrRecipientRefused is an
// address the server refused for good (a 5xx answer). Neither names the address.
var (
	ErrBadAddress       = errors.New("mail: the recipient is not an address")
	ErrRecipientRefused = errors.New("mail: the recipient was refused")
)

// Message is one mail to one address: its text, and the files attached (none for
// most).
type Message struct {
	To      string
	Subject string
	Text    string
	// HTML, when set, is the same message as a page: the text and the page travel as
	// the two forms of one part (multipart/alternative), the reader's program shows one.
	HTML        string
	Attachments []Attachment
	// ID, when set, is the Message-ID's local part: a message sent again under the same
	// ID is recognisably the same message.
	ID string
	// Unsubscribe, when set, is the address at which the recipient stops such messages
	// (List-Unsubscribe, with one-click unsubscription, RFC 8058).
	Unsubscribe string
}

// SMTP sends through the server of an smtp:// or smtps:// URL (MOTCUA_SMTP_URL): STARTTLS
// when the server offers it, implicit TLS for smtps, PLAIN authentication when the URL
// carries a user.
type SMTP struct {
	addr     string
	host     string
	implicit bool
	auth     smtp.Auth
	from     string
}

// NewSMTP reads rawURL and the sender address from.
func NewSMTP(rawURL, from string) (*SMTP, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Hostname() == "" {
		return nil, errors.New("mail: the SMTP URL must be smtp://[user:pass@]host:port or smtps://…")
	}
	if _, err := mail.ParseAddress(from); err != nil {
		return nil, fmt.Errorf("mail: the sender %q is not an address", from)
	}
	s := &SMTP{host: u.Hostname(), implicit: u.Scheme == "smtps", from: from}
	port := u.Port()
	if port == "" {
		port = map[bool]string{true: "465", false: "25"}[s.implicit]
	}
	s.addr = net.JoinHostPort(s.host, port)
	if u.User != nil {
		pw, _ := u.User.Password()
		s.auth = smtp.PlainAuth("", u.User.Username(), pw, s.host)
	}
	return s, nil
}

// Send delivers m to the SMTP server, within ctx's deadline (30 s at most).
func (s *SMTP) Send(ctx context.Context, m Message) error {
	if _, err := mail.ParseAddress(m.To); err != nil {
		return ErrBadAddress
	}
	deadline := time.Now().Add(30 * time.Second)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	d := net.Dialer{Deadline: deadline}
	var conn net.Conn
	var err error
	if s.implicit {
		conn, err = tls.DialWithDialer(&d, "tcp", s.addr, &tls.Config{ServerName: s.host})
	} else {
		conn, err = d.DialContext(ctx, "tcp", s.addr)
	}
	if err != nil {
		return fmt.Errorf("mail: connect %s: %w", s.addr, err)
	}
	_ = conn.SetDeadline(deadline)
	c, err := smtp.NewClient(conn, s.host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("mail: %w", err)
	}
	quit := false
	defer func() {
		if !quit {
			c.Close()
		}
	}()
	if ok, _ := c.Extension("STARTTLS"); ok && !s.implicit {
		if err := c.StartTLS(&tls.Config{ServerName: s.host}); err != nil {
			return fmt.Errorf("mail: starttls: %w", err)
		}
	}
	if s.auth != nil {
		if err := c.Auth(s.auth); err != nil {
			return fmt.Errorf("mail: auth: %w", err)
		}
	}
	if err := c.Mail(s.from); err != nil {
		return fmt.Errorf("mail: from: %w", err)
	}
	if err := c.Rcpt(m.To); err != nil {
		// The server's words often repeat the address: only its code is kept.
		var refused *textproto.Error
		if errors.As(err, &refused) {
			if refused.Code/100 == 5 {
				return fmt.Errorf("mail: the server refused the recipient (%d): %w", refused.Code, ErrRecipientRefused)
			}
			return fmt.Errorf("mail: the server did not take the recipient now (%d)", refused.Code)
		}
		return fmt.Errorf("mail: to: %w", err)
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("mail: data: %w", err)
	}
	if _, err := w.Write(s.compose(m)); err != nil {
		return fmt.Errorf("mail: write: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("mail: %w", err)
	}
	// The server has taken the message: the caller may record it sent at once. Saying
	// goodbye is left to run on its own, so that a process stopped between the server's
	// answer and the caller's record is a round trip less likely.
	quit = true
	go func() {
		_ = c.Quit()
		c.Close()
	}()
	return nil
}

// compose is m as an RFC 5322 message: UTF-8 subject and a base64 plain-text body,
// within a multipart/mixed message after which its attachments follow when it has any.
func (s *SMTP) compose(m Message) []byte {
	var b strings.Builder
	header := func(k, v string) { b.WriteString(k + ": " + v + "\r\n") }
	header("From", s.from)
	header("To", m.To)
	header("Subject", mime.QEncoding.Encode("utf-8", m.Subject))
	header("Date", time.Now().Format(time.RFC1123Z))
	if m.ID != "" {
		header("Message-ID", "<"+m.ID+"@"+s.domain()+">")
	}
	if m.Unsubscribe != "" {
		header("List-Unsubscribe", "<"+m.Unsubscribe+">")
		header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
	}
	header("MIME-Version", "1.0")
	if len(m.Attachments) > 0 {
		body, boundary := mixed(m)
		header("Content-Type", mime.FormatMediaType("multipart/mixed", map[string]string{"boundary": boundary}))
		b.WriteString("\r\n")
		b.Write(body)
		return []byte(b.String())
	}
	contentType, body := content(m)
	header("Content-Type", contentType)
	if m.HTML == "" {
		header("Content-Transfer-Encoding", "base64")
	}
	b.WriteString("\r\n")
	b.Write(body)
	return []byte(b.String())
}

// domain is the sender's domain, which names the messages it sends.
func (s *SMTP) domain() string {
	if at := strings.LastIndexByte(s.from, '@'); at >= 0 {
		return strings.Trim(s.from[at+1:], "<> ")
	}
	return "localhost"
}

// textType is the type of a message's text.
const textType = "text/plain; charset=utf-8"

// textBytes is text with CRLF line ends, as a mail's text travels.
func textBytes(text string) []byte { return []byte(strings.ReplaceAll(text, "\n", "\r\n")) }

// writeBase64 writes data to w in base64, in lines of 76 characters ended by CRLF.
func writeBase64(w io.Writer, data []byte) {
	body := base64.StdEncoding.EncodeToString(data)
	for len(body) > 76 {
		io.WriteString(w, body[:76]+"\r\n")
		body = body[76:]
	}
	io.WriteString(w, body+"\r\n")
}
