package apitest

import (
	"net"
	"net/http"
	"time"
)

// From returns an HTTP client whose connections leave from the local address from (any
// of 127.0.0.0/8 on a loopback), so that a test can be several clients to a server
// that counts by address.
func From(from string) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: 5 * time.Second}
	return &http.Client{Timeout: 20 * time.Second, Transport: &http.Transport{DialContext: d.DialContext}}
}
