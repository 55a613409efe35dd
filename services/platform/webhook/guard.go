package webhook

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"syscall"
	"time"
)

// Guard keeps the calls to webhook endpoints off the product's own networks: an
// administrator names the URL, so without it a URL could make the product call its
// database, its broker or a cloud's metadata service (server-side request forgery).
// It checks a URL when an endpoint is added, and every address the calls dial, so a
// name that resolved to a public address then and to a private one now (DNS rebinding)
// is refused all the same.
type Guard struct {
	// AllowPrivate lets loopback, private and link-local addresses through
	// (MOTCUA_WEBHOOK_ALLOW_PRIVATE): for a receiver on the same machine or network.
	AllowPrivate bool
	// Resolver looks host names up when a URL is checked (default net.DefaultResolver).
	Resolver *net.Resolver
}

// Why a URL cannot be an endpoint.
var (
	ErrURL        = errors.New("webhook: the URL is not an absolute http:// or https:// URL with a host")
	ErrPrivate    = errors.New("webhook: the address is loopback, private, link-local or reserved")
	ErrUnresolved = errors.New("webhook: the host name does not resolve")
)

// CheckURL says whether raw can be an endpoint: an absolute http or https URL whose
// host, unless private addresses are allowed, resolves to public addresses only.
func (g Guard) CheckURL(ctx context.Context, raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" || u.Opaque != "" {
		return ErrURL
	}
	if g.AllowPrivate {
		return nil
	}
	host := u.Hostname()
	if a, err := netip.ParseAddr(host); err == nil {
		if Forbidden(a) {
			return ErrPrivate
		}
		return nil
	}
	r := g.Resolver
	if r == nil {
		r = net.DefaultResolver
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	addrs, err := r.LookupNetIP(ctx, "ip", host)
	if err != nil || len(addrs) == 0 {
		return ErrUnresolved
	}
	for _, a := range addrs {
		if Forbidden(a) {
			return ErrPrivate
		}
	}
	return nil
}

// Client is the HTTP client of the calls: each try bounded by timeout, every address
// it dials checked (unless private ones are allowed), no proxy from the environment
// (the proxy's address would be the one checked, not the endpoint's), and no redirect
// followed (the specification counts a 3xx as a failure; following it would also
// lead the call where the URL was never checked).
func (g Guard) Client(timeout time.Duration) *http.Client {
	d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !g.AllowPrivate {
		d.Control = control
	}
	t := &http.Transport{
		Proxy:                 nil,
		DialContext:           d.DialContext,
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: timeout,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       90 * time.Second,
	}
	return &http.Client{Timeout: timeout, Transport: t,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// control refuses to connect to a forbidden address: the dialer calls it with the
// address it resolved, just before connecting.
func control(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrPrivate, address)
	}
	if Forbidden(ap.Addr()) {
		return fmt.Errorf("%w: %s", ErrPrivate, ap.Addr())
	}
	return nil
}

// reserved are the networks beyond netip's own classes that no endpoint is on: this
// network, the carriers' shared space, protocol assignments, benchmarking, the old
// class E with broadcast, the deprecated site-local and IPv4-compatible IPv6 addresses.
var reserved = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("fec0::/10"),
	netip.MustParsePrefix("::/96"),
}

// nat64 and sixToFour carry an IPv4 address inside IPv6: it is the one judged.
var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

// Forbidden reports whether no endpoint may be at a: loopback, private (10/8,
// 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, the clouds' metadata, and
// fe80::/10), multicast, unspecified or reserved, also when written as IPv4 inside
// IPv6 (mapped, NAT64 64:ff9b::/96, 6to4 2002::/16).
func Forbidden(a netip.Addr) bool {
	a = a.Unmap().WithZone("")
	if a.Is6() {
		b := a.As16()
		switch {
		case nat64.Contains(a):
			return Forbidden(netip.AddrFrom4([4]byte(b[12:16])))
		case sixToFour.Contains(a):
			return Forbidden(netip.AddrFrom4([4]byte(b[2:6])))
		}
	}
	if !a.IsValid() || a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsInterfaceLocalMulticast() || a.IsMulticast() || a.IsUnspecified() {
		return true
	}
	for _, p := range reserved {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
