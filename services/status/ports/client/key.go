// Package client tells the HTTP ports who is asking: the key a citizen's failed lookups
// are counted under. The JSON API and the pages both count by it, so that a client's
// failures add up whichever way it asks.
package client

import (
	"net"
	"net/http"
)

// Key is the client's address, and for IPv6 its /64 network (what one subscriber is
// given, so rotating addresses inside it does not escape the limit). Behind a proxy
// every client shares the proxy's address, so deployments behind one should limit there
// too.
func Key(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip := net.ParseIP(host)
	if ip == nil || ip.To4() != nil {
		return host
	}
	return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
}
