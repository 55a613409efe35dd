package s3test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/motcua/motcua/services/platform/toolcache"
)

// Module and Version name the SeaweedFS the tests run.
const (
	Module  = "github.com/seaweedfs/seaweedfs"
	Version = "v0.0.0-20261109003541-7506e5f91cd6"
)

// weed is SeaweedFS's weed command in the tools' cache.
var weed = &toolcache.Tool{Name: "seaweedfs", Version: Version, File: "weed", Build: build}

// Binary builds SeaweedFS's weed command into the user's cache (once per machine and
// version; about ten minutes the first time, on two cores) and returns its path.
//
// go install refuses this module, whose go.mod has replace directives, so Binary
// downloads it through the Go module proxy, copies it out of the read-only module
// cache and builds it there as the main module. Two processes that build at once both
// finish; the second rename wins and the binaries are the same.
func Binary() (string, error) { return weed.Path() }

func build(dir, binary string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Minute)
	defer cancel()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	env := append(os.Environ(), "GOWORK=off", "CGO_ENABLED=0", "GOFLAGS=-mod=readonly -buildvcs=false")
	download := exec.CommandContext(ctx, "go", "mod", "download", "-json", Module+"@"+Version)
	download.Env = env
	out, err := download.Output()
	if err != nil {
		return fmt.Errorf("go mod download: %w\n%s", err, out)
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal(out, &mod); err != nil || mod.Dir == "" {
		return fmt.Errorf("go mod download: no module directory in %s", out)
	}
	src, err := os.MkdirTemp(dir, "build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(src)
	if err := os.CopyFS(src, os.DirFS(mod.Dir)); err != nil {
		return err
	}
	tmp := filepath.Join(src, "weed.bin")
	compile := exec.CommandContext(ctx, "go", "build", "-o", tmp, "./weed")
	compile.Dir = src
	compile.Env = env
	if out, err := compile.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %w\n%s", err, out)
	}
	return os.Rename(tmp, binary)
}
