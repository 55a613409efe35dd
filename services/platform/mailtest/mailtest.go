// Package mailtest runs a real SMTP server for the tests: Mailpit, a mail catcher built
// from the Go module proxy (once per machine), whose REST API shows what it received.
package mailtest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/motcua/motcua/services/platform/toolcache"
)

// Version is the Mailpit the tests and make run use.
const Version = "v1.33.1"

// Server is one running Mailpit.
type Server struct {
	// SMTPURL is what MOTCUA_SMTP_URL takes; APIURL is the base of its REST API.
	SMTPURL, APIURL string
}

// mailpit is Mailpit in the tools' cache, built with go install.
var mailpit = &toolcache.Tool{Name: "mailpit", Version: Version, File: "mailpit",
	Build: func(dir, _ string) error {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, "go", "install", "github.com/axllent/mailpit@"+Version)
		cmd.Env = append(os.Environ(), "GOBIN="+dir, "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("%w\n%s", err, out)
		}
		return nil
	}}

// Binary builds Mailpit into the user's cache (go install, once per machine and
// version) and returns its path.
func Binary() (string, error) { return mailpit.Path() }

// Start runs a Mailpit of the test's own until the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	bin, err := Binary()
	if err != nil {
		t.Fatal(err)
	}
	smtpPort, apiPort := freePort(t), freePort(t)
	cmd := exec.Command(bin, "--smtp", "127.0.0.1:"+strconv.Itoa(smtpPort), "--listen", "127.0.0.1:"+strconv.Itoa(apiPort),
		"--database", filepath.Join(t.TempDir(), "mailpit.db"), "--smtp-auth-accept-any", "--smtp-auth-allow-insecure",
		"--disable-version-check", "--quiet")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	s := &Server{SMTPURL: fmt.Sprintf("smtp://127.0.0.1:%d", smtpPort), APIURL: fmt.Sprintf("http://127.0.0.1:%d", apiPort)}
	deadline := time.Now().Add(30 * time.Second)
	for {
		res, err := http.Get(s.APIURL + "/api/v1/messages")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("mailpit did not answer within 30s: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return s
}

func freePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
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

// Count is how many messages were received, read in one call however many there are.
func (s *Server) Count(t testing.TB) int {
	t.Helper()
	var list struct {
		Total int `json:"total"`
	}
	s.get(t, "/api/v1/messages?limit=1", &list)
	return list.Total
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
