package htmlpage

import "net/http"

// OverHTTPS reports whether the browser reached r over HTTPS: directly, or through a
// gateway that ends TLS and says so with X-Forwarded-Proto. Cookies set in answer are
// then Secure. A client that claims HTTPS falsely only keeps its own cookies from being
// sent back over plain HTTP.
func OverHTTPS(r *http.Request) bool {
	return r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https"
}
