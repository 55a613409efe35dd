package htmlpage

import (
	"fmt"
	"maps"
)

// Words are one text of the pages: in Vietnamese, then in English.
type Words [2]string

// Dictionary holds a page package's texts by key.
type Dictionary map[string]Words

// With is a new dictionary of d's words and own's, own's where both have a key: a page
// package's words over those its pages share with others.
func (d Dictionary) With(own Dictionary) Dictionary {
	all := make(Dictionary, len(d)+len(own))
	maps.Copy(all, d)
	maps.Copy(all, own)
	return all
}

// T is the text of key in lang, formatted with args when there are any; an unknown
// key is shown as itself, so that a missing text is seen rather than blank.
func (d Dictionary) T(lang Lang, key string, args ...any) string {
	w, ok := d[key]
	if !ok {
		return key
	}
	s := w[0]
	if lang == English {
		s = w[1]
	}
	if len(args) > 0 {
		s = fmt.Sprintf(s, args...)
	}
	return s
}
