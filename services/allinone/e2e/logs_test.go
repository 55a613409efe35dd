package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// logTail logs the last n lines of the log file at path, under a heading that names it
// (what, or the file's name when what is empty), so that a failed test shows what a
// process it ran was saying; a file that cannot be read is passed over.
func logTail(t *testing.T, path, what string, n int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		return
	}
	if what == "" {
		what = filepath.Base(path)
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	lines = lines[max(0, len(lines)-n):]
	t.Logf("--- last %d lines of %s ---\n%s", len(lines), what, strings.Join(lines, "\n"))
}
