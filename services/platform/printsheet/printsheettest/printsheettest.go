// Package printsheettest reads the PDFs printsheet writes, uncompressed, for tests:
// the text as it stands in a page's content and the number of pages.
package printsheettest

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"
	"unicode/utf16"
)

// Text is s as the PDF writer puts it in a content stream: UTF-16BE (the Unicode font
// is addressed by code point) in a string literal with \, ( and ) escaped.
func Text(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		for _, c := range []byte{byte(u >> 8), byte(u)} {
			if c == '\\' || c == '(' || c == ')' {
				b = append(b, '\\')
			}
			b = append(b, c)
		}
	}
	return b
}

// pageTree is the count of the document's page tree.
var pageTree = regexp.MustCompile(`/Type /Pages\n/Kids \[[^\]]*\]\n/Count (\d+)`)

// Pages reads the number of pages from the page tree, and checks it against the page
// objects.
func Pages(t testing.TB, pdf []byte) int {
	t.Helper()
	m := pageTree.FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no page tree")
	}
	n, _ := strconv.Atoi(string(m[1]))
	if objects := bytes.Count(pdf, []byte("/Type /Page\n")); objects != n {
		t.Fatalf("page tree counts %d pages, %d page objects", n, objects)
	}
	return n
}
