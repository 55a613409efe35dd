package e2e

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/platform/mailtest"
	"github.com/motcua/motcua/services/platform/pgtest"
)

// TestNotifierKilledMidBatch registers dossiers whose citizens give an e-mail address,
// kills intake (where the notifier runs) with SIGKILL while their notices are being
// mailed, and starts it again. Every citizen is mailed in the end (none lost), and a
// notice is mailed twice at most when it was in the hands of the SMTP server at the
// kill, its mail taken but its row not yet marked sent: then both copies carry the
// same Message-ID, by which a mail program tells them one. The count is reported.
// slowProxy forwards each connection to target after delay, for the rest of the test,
// and returns its address.
func slowProxy(t *testing.T, target string, delay time.Duration) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			client, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer client.Close()
				time.Sleep(delay) // the slowness this proxy is for, not a wait for a condition
				server, err := net.Dial("tcp", target)
				if err != nil {
					return
				}
				defer server.Close()
				go func() { _, _ = io.Copy(server, client) }()
				_, _ = io.Copy(client, server)
			}()
		}
	}()
	return ln.Addr().String()
}

func TestNotifierKilledMidBatch(t *testing.T) {
	mails := mailtest.Start(t)
	// Each mail takes 50 ms at least on its way to the server, so that the kill comes
	// while most are still to go, however fast the machine.
	smtp := slowProxy(t, strings.TrimPrefix(mails.SMTPURL, "smtp://"), 50*time.Millisecond)
	e := startWith(t, pgtest.Server(t), map[string][]string{"intake": {"MOTCUA_SMTP_URL=smtp://" + smtp}})
	const n, workers = 400, 4 // workers: the mail queue's, in flight at once
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// The notices wait until every dossier is registered: the notifier cannot queue them,
	// nor the queue send them, while the mail queue's table is locked.
	held := e.block("LOCK TABLE intake.notice_mail IN EXCLUSIVE MODE")
	codes := map[string]bool{}
	for i := range n {
		var body map[string]any
		_ = json.Unmarshal(apiclient.Registration(office, procedure, 7000+i), &body)
		body["applicant"].(map[string]any)["email"] = "cong.dan." + uuid.NewString()[:8] + "@example.vn"
		raw, _ := json.Marshal(body)
		r, status, err := e.client.Register(ctx, e.cl.Intake.Addr, e.token, uuid.NewString(), raw)
		if err != nil || status != http.StatusCreated {
			t.Fatalf("registration %d: %d %v", i, status, err)
		}
		codes[r.Code] = true
	}
	held.release()
	// Kill intake once some notices are mailed and most are still to go.
	poll(t, "the first notices mailed", func() (bool, string) {
		return mails.Received(t) >= 20, ""
	})
	if err := e.cl.Intake.Kill(); err != nil {
		t.Fatal(err)
	}
	before := mails.Received(t)
	t.Logf("intake killed after %d of %d notices were mailed", before, n)
	if before >= n {
		t.Fatal("every notice was mailed before the kill: the test proves nothing")
	}
	if err := e.cl.Intake.Restart(); err != nil {
		t.Fatal(err)
	}
	e.waitReady(e.cl.Intake)
	var got []mailtest.Mail
	e.waitFor("every citizen mailed", 90*time.Second, func() (bool, string) {
		if mails.Received(t) < n {
			return false, ""
		}
		got = mails.Messages(t)
		told := map[string]bool{}
		for _, m := range got {
			for code := range codes {
				if strings.Contains(m.Subject, code) {
					told[code] = true
				}
			}
		}
		return len(told) == n, ""
	})
	byID := map[string]int{}
	for _, m := range got {
		byID[m.MessageID]++
	}
	twice := len(got) - len(byID)
	t.Logf("%d notices, %d mails: %d mailed twice (in flight at the kill)", n, len(got), twice)
	if len(byID) != n {
		t.Errorf("%d distinct Message-IDs for %d notices", len(byID), n)
	}
	if twice > workers {
		t.Errorf("%d notices mailed twice, more than the %d that can be in flight at a kill", twice, workers)
	}
}
