package natstest

import (
	"io"
	"net"
	"sync"
	"testing"
	"time"
)

// Freezer stands between clients and a server and can hold every byte, both ways, for
// a while: the fault of a broker that stops answering (a frozen process, a network
// pause) without closing any connection.
type Freezer struct {
	// URL is the server's address through the freezer.
	URL string
	mu  sync.RWMutex // held for writing while frozen
}

// Freeze holds the traffic for d, then lets it flow again; it returns at once.
func (f *Freezer) Freeze(d time.Duration) {
	f.mu.Lock()
	time.AfterFunc(d, f.mu.Unlock)
}

// Freezable starts a freezer in front of the server at addr (host:port) for the rest
// of the test; its URL is nats://.
func Freezable(t testing.TB, addr string) *Freezer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f := &Freezer{URL: "nats://" + ln.Addr().String()}
	var wg sync.WaitGroup
	var conns sync.Map
	t.Cleanup(func() {
		ln.Close()
		conns.Range(func(k, _ any) bool { k.(net.Conn).Close(); return true })
		wg.Wait()
	})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			client, err := ln.Accept()
			if err != nil {
				return
			}
			server, err := net.Dial("tcp", addr)
			if err != nil {
				client.Close()
				continue
			}
			conns.Store(client, nil)
			conns.Store(server, nil)
			wg.Add(2)
			go func() { defer wg.Done(); f.pipe(server, client) }()
			go func() { defer wg.Done(); f.pipe(client, server) }()
		}
	}()
	return f
}

// pipe copies from src to dst, waiting out every freeze before passing bytes on.
func (f *Freezer) pipe(dst, src net.Conn) {
	defer dst.Close()
	defer src.Close()
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			f.mu.RLock()
			_, werr := dst.Write(buf[:n])
			f.mu.RUnlock()
			if werr != nil {
				return
			}
		}
		if err != nil {
			if err != io.EOF {
				return
			}
			return
		}
	}
}
