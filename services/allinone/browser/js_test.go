package browser

import "encoding/json"

// jsString is s as a JavaScript string literal, to put a Go value in a page's script.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
