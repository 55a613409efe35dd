// Package attachment holds the rules of the files a citizen hands in with a dossier:
// which kinds are taken (judged by their content, never by their name), how large they
// may be, and how their names are cleaned. No I/O.
package attachment

import (
	"bytes"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/motcua/motcua/services/platform/textnorm"
)

// Limits on the files of one submission.
const (
	// MaxFileBytes bounds one file: a scanned page or a phone's photo is far smaller.
	MaxFileBytes = 10 << 20
	// MaxTotalBytes bounds all the files of one request together.
	MaxTotalBytes = 50 << 20
	// MaxFiles bounds how many files one request hands in.
	MaxFiles = 30
	// MaxNameRunes bounds a file's name as kept.
	MaxNameRunes = 120
	// SniffBytes is how much of a file's start Judge needs.
	SniffBytes = 8
)

// The kinds of file taken.
const (
	PDF  = "application/pdf"
	JPEG = "image/jpeg"
	PNG  = "image/png"
)

// signatures are the first bytes each kind of file starts with.
var signatures = []struct {
	kind  string
	start []byte
}{
	{PDF, []byte("%PDF-")},
	{PNG, []byte("\x89PNG\r\n\x1a\n")},
	{JPEG, []byte{0xFF, 0xD8, 0xFF}},
}

// Judge names the kind of a file from its first bytes (at least SniffBytes of them,
// or the whole file when shorter); ok is false for anything but a PDF, JPEG or PNG.
func Judge(head []byte) (kind string, ok bool) {
	for _, s := range signatures {
		if bytes.HasPrefix(head, s.start) {
			return s.kind, true
		}
	}
	return "", false
}

// extensions are the names' endings each kind is given when its own name has none
// that fits.
var extensions = map[string][]string{PDF: {".pdf"}, JPEG: {".jpg", ".jpeg"}, PNG: {".png"}}

// CleanName is the name a file is kept under: the last part of the name the browser
// sent (never a path), in NFC with single spaces, without control or reserved
// characters, at most MaxNameRunes long, ending in an extension that fits its kind.
func CleanName(name, kind string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = path.Base(name)
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || strings.ContainsRune(`<>:"/\|?*`, r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, name)
	name = textnorm.Clean(name)
	ext := strings.ToLower(path.Ext(name))
	exts := extensions[kind]
	fits := false
	for _, e := range exts {
		fits = fits || ext == e
	}
	stem := name
	if fits {
		stem = strings.TrimSuffix(name, name[len(name)-len(ext):])
	} else if len(exts) > 0 {
		ext = exts[0]
	}
	stem = strings.Trim(stem, ". ")
	if stem == "" {
		stem = "tep-dinh-kem"
	}
	if max := MaxNameRunes - utf8.RuneCountInString(ext); utf8.RuneCountInString(stem) > max {
		stem = string([]rune(stem)[:max])
	}
	return stem + ext
}
