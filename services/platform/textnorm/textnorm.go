// Package textnorm makes Vietnamese text comparable: NFC for storage and display, and a
// folded form (lower case, no tone marks or diacritics, đ as d) for search, so that
// "nguyen van a" finds "Nguyễn Văn A".
package textnorm

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Clean returns s in NFC with surrounding space trimmed and inner runs of white space
// collapsed to one space; control characters are dropped. Dropping comes before NFC so
// that marks a control character separated are composed too, and Clean is idempotent.
func Clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
		case unicode.IsControl(r):
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// Fold returns the search key of s: cleaned, lower case, with every combining mark
// removed and đ/Đ turned into d. It is cleaned again once the marks are gone, since a
// mark alone after a space leaves that space at the end (or two in a row), so that
// Fold is idempotent.
func Fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, Clean(s))
	if err != nil {
		out = s
	}
	out = strings.Map(func(r rune) rune {
		if r == 'đ' || r == 'Đ' {
			return 'd'
		}
		return unicode.ToLower(r)
	}, Clean(out))
	return out
}
