package citizenweb

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestEveryWordIsWritten: each key the templates and the handlers ask for has its words
// in both languages; the template's "text" inputs and their hints too.
func TestEveryWordIsWritten(t *testing.T) {
	var keys []string
	find := func(re *regexp.Regexp, b []byte) {
		for _, m := range re.FindAllSubmatch(b, -1) {
			keys = append(keys, string(m[1]))
		}
	}
	templates, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range templates {
		b, _ := templateFS.ReadFile(name)
		find(regexp.MustCompile(`\.T "([a-z0-9._]+)"`), b)
		find(regexp.MustCompile(`template "text" \(list \. "([a-z_]+)"`), b)
	}
	sources, _ := filepath.Glob("*.go")
	for _, name := range sources {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		find(regexp.MustCompile(`pg\.T\("([a-z0-9._]+)"[,)]`), b)
	}
	if len(keys) < 60 {
		t.Fatalf("only %d keys found", len(keys))
	}
	keys = append(keys, "contact.email", "contact.phone") // the address proved, by its channel
	hints := regexp.MustCompile(`template "text" \(list \. "([a-z_]+)"[^)]*"hint"\)`)
	for _, name := range templates {
		b, _ := templateFS.ReadFile(name)
		for _, m := range hints.FindAllSubmatch(b, -1) {
			keys = append(keys, string(m[1])+".hint")
		}
	}
	for _, k := range keys {
		if w, ok := texts[k]; !ok || w[0] == "" || w[1] == "" {
			t.Errorf("no words for %q", k)
		}
	}
}
