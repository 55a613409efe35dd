package pgtest

import (
	"encoding/binary"
	"io"
	"net"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
)

// CommitCutter stands between a service and PostgreSQL and, once armed, cuts the next
// connection that commits right after PostgreSQL has committed but before its answer
// reaches the service: the write is done, the service sees its connection lost. It is
// the fault of a database that goes away in the middle of a COMMIT.
type CommitCutter struct {
	// URL is the database's address through the cutter.
	URL   string
	armed atomic.Bool
	cuts  atomic.Int32
}

// Arm makes the cutter cut the next commit.
func (c *CommitCutter) Arm() { c.armed.Store(true) }

// Cuts is how many commits it has cut.
func (c *CommitCutter) Cuts() int { return int(c.cuts.Load()) }

// CutCommits starts a cutter in front of the database at dbURL (sslmode=disable), for
// the rest of the test.
func CutCommits(t testing.TB, dbURL string) *CommitCutter {
	t.Helper()
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	target := u.Host
	through := *u
	through.Host = ln.Addr().String()
	c := &CommitCutter{URL: through.String()}
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			client, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() { defer wg.Done(); c.relay(client, target) }()
		}
	}()
	return c
}

// relay carries one connection: the client's bytes as they come, the server's message by
// message, watching for the CommandComplete of a COMMIT.
func (c *CommitCutter) relay(client net.Conn, target string) {
	defer client.Close()
	server, err := net.Dial("tcp", target)
	if err != nil {
		return
	}
	defer server.Close()
	go func() { _, _ = io.Copy(server, client); server.Close() }()
	header := make([]byte, 5)
	for {
		if _, err := io.ReadFull(server, header); err != nil {
			return
		}
		body := make([]byte, int(binary.BigEndian.Uint32(header[1:]))-4)
		if _, err := io.ReadFull(server, body); err != nil {
			return
		}
		if header[0] == 'C' && string(body) == "COMMIT\x00" && c.armed.CompareAndSwap(true, false) {
			c.cuts.Add(1)
			return // committed; the answer never arrives
		}
		if _, err := client.Write(append(header, body...)); err != nil {
			return
		}
	}
}
