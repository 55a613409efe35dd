// Package mailpit runs Mailpit, a real SMTP server that keeps what it receives and
// shows it through a REST API, built from the Go module proxy (once per machine and
// version): for the tests (through mailtest), the bench and make run.
package mailpit

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"

	"github.com/motcua/motcua/services/platform/toolcache"
)

// Version is the Mailpit the tests, the bench and make run use.
const Version = "v1.33.1"

// Server is one running Mailpit.
type Server struct {
	// SMTPURL is what MOTCUA_SMTP_URL takes; APIURL is the base of its REST API.
	SMTPURL, APIURL string
	cmd             *exec.Cmd
}

// tool is Mailpit in the tools' cache, built with go install.
var tool = &toolcache.Tool{Name: "mailpit", Version: Version, File: "mailpit",
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
func Binary() (string, error) { return tool.Path() }

// Start runs a Mailpit keeping its messages in dir, on free local ports, and waits until
// its API answers. Stop ends it. It keeps every message (--max 0): Mailpit's default
// deletes all but the newest 500 every minute or so, which made the count of a bench
// mailing 10 000 notices fall back while it waited.
func Start(dir string) (*Server, error) {
	bin, err := Binary()
	if err != nil {
		return nil, err
	}
	smtpPort, err := freePort()
	if err != nil {
		return nil, err
	}
	apiPort, err := freePort()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "--smtp", "127.0.0.1:"+strconv.Itoa(smtpPort), "--listen", "127.0.0.1:"+strconv.Itoa(apiPort),
		"--database", filepath.Join(dir, "mailpit.db"), "--smtp-auth-accept-any", "--smtp-auth-allow-insecure",
		"--max", "0", "--disable-version-check", "--quiet")
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &Server{SMTPURL: fmt.Sprintf("smtp://127.0.0.1:%d", smtpPort), APIURL: fmt.Sprintf("http://127.0.0.1:%d", apiPort), cmd: cmd}
	deadline := time.Now().Add(30 * time.Second)
	for {
		res, err := http.Get(s.APIURL + "/api/v1/messages")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		if time.Now().After(deadline) {
			s.Stop()
			return nil, fmt.Errorf("mailpit did not answer within 30s: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Stop ends the server.
func (s *Server) Stop() {
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
}

// Count is how many messages the server holds.
func (s *Server) Count(ctx context.Context) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.APIURL+"/api/v1/messages?limit=1", nil)
	if err != nil {
		return 0, err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	var list struct {
		Total int `json:"total"`
	}
	if res.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("mailpit: %s", res.Status)
	}
	err = json.NewDecoder(res.Body).Decode(&list)
	return list.Total, err
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}
