package filestore_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/filestore"
	"github.com/motcua/motcua/services/platform/s3test"
)

// adapter opens an empty store of one kind for one test.
type adapter struct {
	name string
	open func(t *testing.T) filestore.Store
}

// adapters are the disk, in a directory of the test's own, and S3, in a bucket of the
// test's own on one SeaweedFS for the whole run.
func adapters(t *testing.T) []adapter {
	srv := s3test.Start(t)
	return []adapter{
		{"disk", func(t *testing.T) filestore.Store {
			return open(t, filestore.Config{Dir: t.TempDir()})
		}},
		{"s3", func(t *testing.T) filestore.Store {
			return open(t, filestore.Config{S3Endpoint: srv.Endpoint, S3Bucket: srv.Bucket(),
				S3AccessKey: srv.AccessKey, S3SecretKey: srv.SecretKey})
		}},
	}
}

func open(t *testing.T, c filestore.Config) filestore.Store {
	t.Helper()
	s, err := filestore.Open(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestStore runs every behaviour of the port against every adapter.
func TestStore(t *testing.T) {
	behaviours := []struct {
		name string
		run  func(t *testing.T, s filestore.Store)
	}{
		{"put then open gives the same bytes", putThenOpen},
		{"a second put of a key is refused and the first file stays", secondPutRefused},
		{"concurrent puts of one key: one wins, the others are refused", concurrentPuts},
		{"open of an unknown key is not found", openUnknown},
		{"a reader that is not of the announced size stores nothing", wrongSize},
		{"a reader that fails stores nothing", failingReader},
		{"keys that are not canonical UUIDs are refused", badKeys},
		{"memory does not grow with the size of a file", memoryStaysFlat},
	}
	for _, a := range adapters(t) {
		for _, b := range behaviours {
			t.Run(a.name+"/"+b.name, func(t *testing.T) { b.run(t, a.open(t)) })
		}
	}
}

func putThenOpen(t *testing.T, s filestore.Store) {
	big := make([]byte, 5<<20)
	if _, err := rand.Read(big); err != nil {
		t.Fatal(err)
	}
	for _, want := range [][]byte{[]byte("Đơn đề nghị cấp giấy phép xây dựng.pdf"), {}, big} {
		key := uuid.NewString()
		put(t, s, key, want)
		if got := read(t, s, key); !bytes.Equal(got, want) {
			t.Fatalf("read back %d bytes that differ from the %d stored", len(got), len(want))
		}
	}
}

func secondPutRefused(t *testing.T, s filestore.Store) {
	key, first := uuid.NewString(), []byte("the citizen's first file")
	put(t, s, key, first)
	second := []byte("another file under the same key")
	if err := s.Put(context.Background(), key, bytes.NewReader(second), int64(len(second))); !errors.Is(err, filestore.ErrExists) {
		t.Fatalf("second put: %v, want ErrExists", err)
	}
	if got := read(t, s, key); !bytes.Equal(got, first) {
		t.Fatalf("after a refused put the key holds %q, want %q", got, first)
	}
}

func concurrentPuts(t *testing.T, s filestore.Store) {
	const n = 8
	key := uuid.NewString()
	var wg sync.WaitGroup
	errs := make([]error, n)
	bodies := make([][]byte, n)
	for i := range n {
		bodies[i] = bytes.Repeat([]byte{byte('a' + i)}, 256<<10)
		wg.Go(func() {
			errs[i] = s.Put(context.Background(), key, bytes.NewReader(bodies[i]), int64(len(bodies[i])))
		})
	}
	wg.Wait()
	winner := -1
	for i, err := range errs {
		switch {
		case err == nil && winner >= 0:
			t.Fatalf("puts %d and %d both succeeded", winner, i)
		case err == nil:
			winner = i
		case !errors.Is(err, filestore.ErrExists):
			t.Fatalf("put %d: %v, want success or ErrExists", i, err)
		}
	}
	if winner < 0 {
		t.Fatal("no put succeeded")
	}
	if got := read(t, s, key); !bytes.Equal(got, bodies[winner]) {
		t.Fatalf("the key holds another file than the one put that succeeded")
	}
}

func openUnknown(t *testing.T, s filestore.Store) {
	put(t, s, uuid.NewString(), []byte("some other file"))
	if _, err := s.Open(context.Background(), uuid.NewString()); !errors.Is(err, filestore.ErrNotFound) {
		t.Fatalf("open of an unknown key: %v, want ErrNotFound", err)
	}
}

func wrongSize(t *testing.T, s filestore.Store) {
	body := bytes.Repeat([]byte("x"), 100<<10)
	for _, size := range []int64{int64(len(body)) + 1, int64(len(body)) - 1, 0, -1} {
		key := uuid.NewString()
		err := s.Put(context.Background(), key, bytes.NewReader(body), size)
		if err == nil || errors.Is(err, filestore.ErrExists) {
			t.Fatalf("put of %d bytes announced as %d: %v, want an error", len(body), size, err)
		}
		assertAbsent(t, s, key)
	}
}

func failingReader(t *testing.T, s filestore.Store) {
	key := uuid.NewString()
	broken := errors.New("the upload broke off")
	r := io.MultiReader(bytes.NewReader(make([]byte, 200<<10)), errReader{broken})
	if err := s.Put(context.Background(), key, r, 400<<10); err == nil {
		t.Fatal("put from a failing reader succeeded")
	}
	assertAbsent(t, s, key)
}

func badKeys(t *testing.T, s filestore.Store) {
	u := uuid.NewString()
	for _, key := range []string{"", "..", "../" + u, u[:2] + "/" + u, "a/../" + u, strings.ToUpper(u),
		"{" + u + "}", "urn:uuid:" + u, strings.ReplaceAll(u, "-", ""), u + "\x00"} {
		if err := s.Put(context.Background(), key, strings.NewReader("x"), 1); !errors.Is(err, filestore.ErrInvalidKey) {
			t.Errorf("put under %q: %v, want ErrInvalidKey", key, err)
		}
		if _, err := s.Open(context.Background(), key); !errors.Is(err, filestore.ErrInvalidKey) {
			t.Errorf("open of %q: %v, want ErrInvalidKey", key, err)
		}
	}
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

func put(t *testing.T, s filestore.Store, key string, b []byte) {
	t.Helper()
	if err := s.Put(context.Background(), key, bytes.NewReader(b), int64(len(b))); err != nil {
		t.Fatalf("put %d bytes: %v", len(b), err)
	}
}

func read(t *testing.T, s filestore.Store, key string) []byte {
	t.Helper()
	r, err := s.Open(context.Background(), key)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return b
}

func assertAbsent(t *testing.T, s filestore.Store, key string) {
	t.Helper()
	if r, err := s.Open(context.Background(), key); !errors.Is(err, filestore.ErrNotFound) {
		if err == nil {
			r.Close()
		}
		t.Fatalf("open after a failed put: %v, want ErrNotFound", err)
	}
}
