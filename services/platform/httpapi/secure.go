package httpapi

import (
	"context"
	"net/http"
	"net/netip"
	"strings"
)

// APIPolicy is the content security policy of every answer that sets none of its own
// (the JSON API, its errors): nothing may load, frame it or be posted from it. The pages
// set their own (platform/web/htmlpage).
const APIPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// HSTS is the Strict-Transport-Security of answers over HTTPS: browsers keep to HTTPS
// for a year. Other names of the domain are not bound by it: they are not the
// product's.
const HSTS = "max-age=31536000"

type httpsKey struct{}

// Secure is middleware that notes whether the browser reached each request over HTTPS
// (OverHTTPS) and sets the security headers of every answer: no MIME sniffing, no
// referrer, no framing, APIPolicy (which pages replace with their own), and HSTS over
// HTTPS. A request is over HTTPS when publicURL, the address browsers are given, is an
// https:// one, when it came over TLS, or when its peer is one of the trusted reverse
// proxies and says so with X-Forwarded-Proto; a client's own X-Forwarded-Proto is not
// believed.
func Secure(publicURL string, trusted []netip.Prefix) func(http.Handler) http.Handler {
	public := strings.HasPrefix(strings.ToLower(publicURL), "https://")
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			https := public || r.TLS != nil || (isTrusted(peer(r), trusted) && forwardedHTTPS(r))
			h := w.Header()
			h.Set("X-Content-Type-Options", "nosniff")
			h.Set("Referrer-Policy", "no-referrer")
			h.Set("X-Frame-Options", "DENY")
			h.Set("Content-Security-Policy", APIPolicy)
			if https {
				h.Set("Strict-Transport-Security", HSTS)
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), httpsKey{}, https)))
		})
	}
}

// OverHTTPS reports whether the browser reached r over HTTPS, as Secure decided; without
// Secure in front, whether r came over TLS.
func OverHTTPS(r *http.Request) bool {
	if https, ok := r.Context().Value(httpsKey{}).(bool); ok {
		return https
	}
	return r.TLS != nil
}

// forwardedHTTPS reports whether the proxy in front says the browser came over HTTPS:
// the scheme the first proxy saw leads X-Forwarded-Proto.
func forwardedHTTPS(r *http.Request) bool {
	first, _, _ := strings.Cut(r.Header.Get("X-Forwarded-Proto"), ",")
	return strings.EqualFold(strings.TrimSpace(first), "https")
}

// forwardingHeaders are the headers a reverse proxy adds to say whom it forwards for.
var forwardingHeaders = []string{"X-Forwarded-For", "Forwarded", "X-Real-Ip"}

// OpsOnly is middleware that answers 404, as for a path that does not exist, unless the
// request comes from the operators' side: the client (as Clients found it) is a loopback
// address or in networks. A request forwarded by a proxy that is not trusted is refused
// even from loopback: a reverse proxy on the same machine would otherwise make every
// visitor local.
func OpsOnly(networks []netip.Prefix) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !fromOps(r, networks) {
				NotFoundHandler(w, r)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

func fromOps(r *http.Request, networks []netip.Prefix) bool {
	p := peer(r)
	client, ok := r.Context().Value(clientKey{}).(netip.Addr)
	if !ok {
		client = p
	}
	if client == p {
		// Not resolved through a trusted proxy: a proxy's word about the client is unknown.
		for _, h := range forwardingHeaders {
			if r.Header.Get(h) != "" {
				return false
			}
		}
	}
	return client.IsValid() && (client.IsLoopback() || isTrusted(client, networks))
}
