// Package toolcache builds the programs the tests and make run use but the product does
// not ship (a mail catcher, an S3 server) once per machine and version, into the user's
// cache directory, from the Go module proxy.
package toolcache

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// Tool is one such program: Name and Version name its directory in the cache, File its
// binary there, and Build makes File in dir when it is missing.
type Tool struct {
	Name, Version, File string
	Build               func(dir, binary string) error

	once sync.Once
	path string
	err  error
}

// Path builds the tool when the cache lacks it (once per process) and returns its path.
func (t *Tool) Path() (string, error) {
	t.once.Do(func() {
		cache, err := os.UserCacheDir()
		if err != nil {
			t.err = err
			return
		}
		dir := filepath.Join(cache, "motcua-tools", t.Name+"-"+t.Version)
		t.path = filepath.Join(dir, t.File)
		if _, err := os.Stat(t.path); err == nil {
			return
		}
		if err := t.Build(dir, t.path); err != nil {
			t.err = fmt.Errorf("build %s: %w", t.Name, err)
		}
	})
	return t.path, t.err
}
