package vocabulary

// Lang is the language of a text.
type Lang string

// The languages of the product: Vietnamese first, English alongside.
const (
	Vietnamese Lang = "vi"
	English    Lang = "en"
)

// Other is the other language of the product: where a language switch leads.
func (l Lang) Other() Lang {
	if l == English {
		return Vietnamese
	}
	return English
}

// Words are one thing said in Vietnamese and in English.
type Words struct {
	VI string
	EN string
}

// In is the words in lang: English for English, Vietnamese otherwise.
func (w Words) In(lang Lang) string {
	if lang == English {
		return w.EN
	}
	return w.VI
}

// table is one part of the catalogue, by key.
type table map[string]Words

// lookup is the words of key; an unknown key reads as itself in both languages.
func (t table) lookup(key string) Words {
	if w, ok := t[key]; ok {
		return w
	}
	return Words{VI: key, EN: key}
}

// has reports whether the table knows key.
func (t table) has(key string) bool { _, ok := t[key]; return ok }
