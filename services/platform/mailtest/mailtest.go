// Package mailtest runs a real SMTP server for the tests: Mailpit, a mail catcher built
// from the Go module proxy (once per machine), whose REST API shows what it received.
package mailtest

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/motcua/motcua/services/platform/mailpit"
)

// Server is one running Mailpit.
type Server struct {
	*mailpit.Server
}

// Binary builds Mailpit into the user's cache and returns its path.
func Binary() (string, error) { return mailpit.Binary() }

// Start runs a Mailpit of the test's own until the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	s, err := mailpit.Start(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	return &Server{Server: s}
}

// Mail is a message as Mailpit received it, with the files attached to it.
type Mail struct {
	ID      string
	To      []string
	Subject string
	Text    string
	HTML    string
	// MessageID is the Message-ID header without its angle brackets.
	MessageID   string
	Attachments []Attachment
}

// Attachment is a file attached to a message as Mailpit read it: its name, media type,
// size and bytes.
type Attachment struct {
	FileName    string
	ContentType string
	Size        int
	Data        []byte
}

// Messages is every message received, newest first, with its text and attachments.
func (s *Server) Messages(t testing.TB) []Mail {
	t.Helper()
	var list struct {
		Messages []struct {
			ID      string `json:"ID"`
			Subject string `json:"Subject"`
			To      []struct {
				Address string `json:"Address"`
			} `json:"To"`
		} `json:"messages"`
	}
	s.get(t, "/api/v1/messages?limit=100000", &list)
	out := make([]Mail, 0, len(list.Messages))
	for _, m := range list.Messages {
		var full struct {
			Text        string `json:"Text"`
			HTML        string `json:"HTML"`
			MessageID   string `json:"MessageID"`
			Attachments []struct {
				PartID      string `json:"PartID"`
				FileName    string `json:"FileName"`
				ContentType string `json:"ContentType"`
				Size        int    `json:"Size"`
			} `json:"Attachments"`
		}
		s.get(t, "/api/v1/message/"+m.ID, &full)
		mail := Mail{ID: m.ID, Subject: m.Subject, Text: full.Text, HTML: full.HTML, MessageID: full.MessageID}
		for _, a := range full.Attachments {
			mail.Attachments = append(mail.Attachments, Attachment{FileName: a.FileName, ContentType: a.ContentType,
				Size: a.Size, Data: s.raw(t, "/api/v1/message/"+m.ID+"/part/"+a.PartID)})
		}
		for _, to := range m.To {
			mail.To = append(mail.To, to.Address)
		}
		out = append(out, mail)
	}
	return out
}

// Received is how many messages were received, read in one call however many there
// are.
func (s *Server) Received(t testing.TB) int {
	t.Helper()
	n, err := s.Count(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// To is every message received for address, newest first.
func (s *Server) To(t testing.TB, address string) []Mail {
	t.Helper()
	var out []Mail
	for _, m := range s.Messages(t) {
		for _, to := range m.To {
			if to == address {
				out = append(out, m)
			}
		}
	}
	return out
}

// raw is the body of the API's answer at path.
func (s *Server) raw(t testing.TB, path string) []byte {
	t.Helper()
	res, err := http.Get(s.APIURL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("mailpit %s: %s %v", path, res.Status, err)
	}
	return body
}

// get decodes the API's JSON answer at path into v.
func (s *Server) get(t testing.TB, path string, v any) {
	t.Helper()
	res, err := http.Get(s.APIURL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("mailpit %s: %s", path, res.Status)
	}
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatalf("mailpit %s: %v", path, err)
	}
}
