package httpapi

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"strings"
)

type clientKey struct{}

// Clients is middleware that notes who sent each request, for the limits on failed
// attempts: the TCP peer or, when the peer is one of the trusted reverse proxies
// (MOTCUA_TRUSTED_PROXIES), the last address of X-Forwarded-For that is not one of
// them. A client's own X-Forwarded-For is never believed: only what trusted proxies
// appended counts.
func Clients(trusted []netip.Prefix) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			addr := clientAddr(r, trusted)
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), clientKey{}, addr)))
		})
	}
}

// Client is the key the client of r is counted under: its address, and for IPv6 its /64
// network (what one subscriber is given, so rotating addresses inside it does not escape
// a limit). Without Clients in front it is the TCP peer.
func Client(r *http.Request) string {
	addr, ok := r.Context().Value(clientKey{}).(netip.Addr)
	if !ok {
		addr = peer(r)
	}
	if !addr.IsValid() {
		return r.RemoteAddr
	}
	if addr.Is4() {
		return addr.String()
	}
	p, _ := addr.Prefix(64)
	return p.String()
}

// clientAddr walks X-Forwarded-For from its end while the address it holds is a trusted
// proxy's.
func clientAddr(r *http.Request, trusted []netip.Prefix) netip.Addr {
	addr := peer(r)
	if !isTrusted(addr, trusted) {
		return addr
	}
	var hops []string
	for _, h := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(h, ",")...)
	}
	for _, h := range slices.Backward(hops) {
		a, err := netip.ParseAddr(strings.TrimSpace(h))
		if err != nil {
			return addr // a hop no proxy of ours wrote: stop at the last one we trust
		}
		addr = a.Unmap()
		if !isTrusted(addr, trusted) {
			return addr
		}
	}
	return addr
}

func isTrusted(addr netip.Addr, trusted []netip.Prefix) bool {
	return addr.IsValid() && slices.ContainsFunc(trusted, func(p netip.Prefix) bool { return p.Contains(addr) })
}

// peer is the TCP peer's address.
func peer(r *http.Request) netip.Addr {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}
	}
	return a.Unmap()
}
