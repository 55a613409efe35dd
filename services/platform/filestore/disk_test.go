package filestore_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/filestore"
)

// TestDiskLayout checks what the disk holds: the file under its shard, readable by the
// service alone, and nothing else, not even after puts that failed.
func TestDiskLayout(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "files")
	s := open(t, filestore.Config{Dir: dir})
	key := uuid.NewString()
	put(t, s, key, []byte("giấy tờ"))
	for _, size := range []int64{3, 30} {
		if err := s.Put(context.Background(), uuid.NewString(), bytes.NewReader(make([]byte, 10)), size); err == nil {
			t.Fatalf("put of 10 bytes announced as %d succeeded", size)
		}
	}

	var found []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		want := os.FileMode(0o600)
		if d.IsDir() {
			want = os.ModeDir | 0o700
		}
		if info.Mode() != want {
			t.Errorf("%s has mode %v, want %v", rel, info.Mode(), want)
		}
		if !d.IsDir() {
			found = append(found, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(key[:2], key); len(found) != 1 || found[0] != want {
		t.Fatalf("the store holds %q, want only %q", found, want)
	}
}
