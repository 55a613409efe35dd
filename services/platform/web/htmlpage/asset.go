package htmlpage

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
)

// Asset is a file embedded in the binary and served at Path: a style sheet, a script,
// an icon.
type Asset struct {
	Path        string
	ContentType string
	Body        []byte
	version     string
}

// NewAsset is body served at path as contentType.
func NewAsset(path, contentType string, body []byte) *Asset {
	sum := sha256.Sum256(body)
	return &Asset{Path: path, ContentType: contentType, Body: body, version: hex.EncodeToString(sum[:6])}
}

// URL is the asset's address with its version, which changes with its content, so
// that browsers may keep it for a day.
func (a *Asset) URL() string { return a.Path + "?v=" + a.version }

// ServeHTTP writes the asset.
func (a *Asset) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", a.ContentType)
	w.Header().Set("Cache-Control", "public, max-age=86400")
	_, _ = w.Write(a.Body)
}
