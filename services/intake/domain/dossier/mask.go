package dossier

import (
	"strings"
	"unicode/utf8"
)

// MaskName shows an applicant's name to a citizen view without revealing it: the given
// name (the last word, as Vietnamese names are written) stays, the other words become
// initials. "Nguyễn Văn An" → "N. V. An"; a single word keeps its first letter only.
func MaskName(full string) string {
	words := strings.Fields(full)
	switch len(words) {
	case 0:
		return ""
	case 1:
		r, _ := utf8.DecodeRuneInString(words[0])
		return string(r) + "***"
	}
	parts := make([]string, 0, len(words))
	for _, w := range words[:len(words)-1] {
		r, _ := utf8.DecodeRuneInString(w)
		parts = append(parts, string(r)+".")
	}
	return strings.Join(append(parts, words[len(words)-1]), " ")
}
