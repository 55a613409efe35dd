package browser

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	axeOnce   sync.Once
	axeScript string
	axeErr    error
)

// axeSource is axe-core's axe.min.js, the accessibility engine the journeys run in the
// pages, at the version deploy/local/axe.sh pins: that script fetches it with npm into
// the user's cache once per machine, checking its integrity (make test runs it before
// the tests; here it finds it there), and prints its path.
func axeSource(t *testing.T) string {
	t.Helper()
	axeOnce.Do(func() {
		root, err := repositoryRoot()
		if err != nil {
			axeErr = err
			return
		}
		var stderr bytes.Buffer
		cmd := exec.Command(filepath.Join(root, "deploy", "local", "axe.sh"))
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			axeErr = fmt.Errorf("deploy/local/axe.sh: %w\n%s", err, stderr.Bytes())
			return
		}
		b, err := os.ReadFile(strings.TrimSpace(string(out)))
		if err != nil {
			axeErr = fmt.Errorf("read axe-core: %w", err)
			return
		}
		axeScript = string(b)
	})
	if axeErr != nil {
		t.Fatalf("axe-core, the accessibility engine of the journeys: %v", axeErr)
	}
	return axeScript
}
