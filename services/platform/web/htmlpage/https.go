package htmlpage

import (
	"net/http"

	"github.com/motcua/motcua/services/platform/httpapi"
)

// OverHTTPS reports whether the browser reached r over HTTPS, as the router's
// httpapi.Secure decided it: the public address is https://, the request came over TLS,
// or a trusted reverse proxy that ends TLS says so with X-Forwarded-Proto. Cookies set
// in answer are then Secure, and those that hold a session or a CSRF token take the
// __Host- prefix (CookieName).
func OverHTTPS(r *http.Request) bool {
	return httpapi.OverHTTPS(r)
}

// HostPrefix is the prefix of the names of cookies over HTTPS that only this origin may
// set: the browser refuses one that is not Secure, names a domain or another path, so
// neither a sibling domain nor a plain-HTTP answer can plant it.
const HostPrefix = "__Host-"

// CookieName is the name of the cookie called name in answer to r: HostPrefix+name over
// HTTPS, name over plain HTTP (the local demo and the tests, where a browser would
// refuse the prefix).
func CookieName(r *http.Request, name string) string {
	if OverHTTPS(r) {
		return HostPrefix + name
	}
	return name
}

// Cookie is the cookie called name that r carries: over HTTPS only the prefixed one, so
// that a planted plain one counts for nothing; over plain HTTP the prefixed one when
// the browser has it (only an HTTPS answer of this origin could have set it: a service
// not told of the HTTPS in front still sees the session the others set), else the plain
// one.
func Cookie(r *http.Request, name string) (*http.Cookie, error) {
	if c, err := r.Cookie(HostPrefix + name); err == nil || OverHTTPS(r) {
		return c, err
	}
	return r.Cookie(name)
}

// SameOrigin is middleware that refuses, with 403, a state-changing request (POST, PUT,
// PATCH, DELETE) that a browser sent from another origin, as its Sec-Fetch-Site or
// Origin header tells (net/http.CrossOriginProtection). It stands in front of the pages
// besides their CSRF tokens; requests without either header (not from a browser) and
// safe methods pass.
func SameOrigin(next http.Handler) http.Handler {
	return sameOrigin.Handler(next)
}

var sameOrigin = func() *http.CrossOriginProtection {
	p := http.NewCrossOriginProtection()
	p.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusForbidden)
		_, _ = w.Write([]byte(CrossOriginRefused))
	}))
	return p
}()

// CrossOriginRefused is SameOrigin's answer.
const CrossOriginRefused = "403: yêu cầu gửi từ một trang khác đã bị từ chối.\n" +
	"403: a request sent from another site was refused.\n"
