package proto_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/motcua/motcua/proto/internal/codegen"
)

// TestGeneratedUpToDate fails when a committed .pb.go differs from what the
// schemas produce, is missing, or has no schema left behind it.
func TestGeneratedUpToDate(t *testing.T) {
	want, err := codegen.Generate(".")
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range want {
		got, err := os.ReadFile(filepath.FromSlash(name))
		switch {
		case err != nil:
			t.Errorf("%s is missing (%v); run make proto", name, err)
		case !bytes.Equal(got, content):
			t.Errorf("%s differs from what the schemas produce; run make proto", name)
		}
	}
	err = filepath.WalkDir(codegen.SchemaDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".pb.go") {
			return err
		}
		if _, ok := want[filepath.ToSlash(path)]; !ok {
			t.Errorf("%s is stale: no schema produces it; delete it and run make proto", filepath.ToSlash(path))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
