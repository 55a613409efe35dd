package htmlpage

import "net/http"

// Content security policies of the pages.
const (
	// NoScript allows the page's own style sheet and images and forms posting to
	// itself, and nothing else: no script, no frame, no other origin.
	NoScript = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; " +
		"base-uri 'none'; frame-ancestors 'none'"
	// OwnScript adds the site's own scripts, their calls to the site, images drawn
	// in the page (a signature, a camera frame) and the camera for scanning codes.
	OwnScript = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; " +
		"img-src 'self' data: blob:; media-src 'self' blob:; worker-src 'self'; manifest-src 'self'; " +
		"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
	// Print is the printed forms' policy: their style is inline and their QR code a
	// data: image; they hold no form and no script.
	Print = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; " +
		"base-uri 'none'; frame-ancestors 'none'"
)

// Headers sets the security headers of pages under policy. No referrer is ever sent:
// a citizen's address carries the PIN, a member of staff's a dossier code.
func Headers(policy string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			h.Set("Content-Security-Policy", policy)
			h.Set("X-Content-Type-Options", "nosniff")
			h.Set("Referrer-Policy", "no-referrer")
			h.Set("X-Frame-Options", "DENY")
			next.ServeHTTP(w, r)
		})
	}
}
