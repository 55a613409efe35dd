package httpapi

import (
	"net/http"
	"strings"

	"github.com/motcua/motcua/proto/vocabulary"
)

// Language is the language an answer to r speaks: English when the request asks for it
// (?lang=en, or an Accept-Language that puts English first), Vietnamese otherwise.
func Language(r *http.Request) vocabulary.Lang {
	asked := r.URL.Query().Get("lang")
	if asked == "" {
		asked = r.Header.Get("Accept-Language")
	}
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(asked)), "en") {
		return vocabulary.English
	}
	return vocabulary.Vietnamese
}
