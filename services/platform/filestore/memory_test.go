package filestore_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"hash"
	"io"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/filestore"
)

const (
	// largeFile is well above the part size (16 MiB) at which an S3 client would start
	// holding parts in memory.
	largeFile = 48 << 20
	// memoryAllowance is what the live heap may grow by while a file moves: buffers of
	// a fixed size, whatever the file's.
	memoryAllowance = 8 << 20
	checkEvery      = 4 << 20
)

// memoryStaysFlat puts and reads back a large file and checks, every few MiB on the
// way, that the live heap has not grown by more than a fixed allowance: the stores
// stream files instead of holding them.
func memoryStaysFlat(t *testing.T, s filestore.Store) {
	key := uuid.NewString()
	runtime.GC()
	m := &heapWatch{base: heapLive()}
	src := &watchedSource{r: rand.NewChaCha8([32]byte{7}), left: largeFile, watch: m, sum: sha256.New()}
	if err := s.Put(context.Background(), key, src, largeFile); err != nil {
		t.Fatal(err)
	}
	r, err := s.Open(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	dst := &watchedSink{watch: m, sum: sha256.New()}
	if n, err := io.Copy(dst, r); err != nil || n != largeFile {
		t.Fatalf("read back %d bytes, %v; want %d", n, err, largeFile)
	}
	if !bytes.Equal(dst.sum.Sum(nil), src.sum.Sum(nil)) {
		t.Fatal("the file read back differs from the one stored")
	}
	if m.checks < 2*largeFile/checkEvery {
		t.Fatalf("the heap was looked at %d times only", m.checks)
	}
	if m.peak > memoryAllowance {
		t.Fatalf("the live heap grew by %d KiB while a %d MiB file moved; allowed %d KiB",
			m.peak>>10, largeFile>>20, memoryAllowance>>10)
	}
	t.Logf("live heap grew by %d KiB at most while a %d MiB file moved", m.peak>>10, largeFile>>20)
}

// heapWatch keeps the largest growth of the live heap seen at its checks.
type heapWatch struct {
	base, peak int64
	checks     int
}

func (h *heapWatch) check() {
	runtime.GC()
	h.checks++
	h.peak = max(h.peak, heapLive()-h.base)
}

func heapLive() int64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapAlloc)
}

// watchedSource gives left pseudo-random bytes and checks the heap every checkEvery.
type watchedSource struct {
	r     io.Reader
	left  int64
	since int64
	watch *heapWatch
	sum   hash.Hash
}

func (w *watchedSource) Read(p []byte) (int, error) {
	if w.left == 0 {
		return 0, io.EOF
	}
	// Small reads, so that the heap is checked while a reader's buffer fills.
	p = p[:min(int64(len(p)), w.left, 1<<20)]
	n, _ := w.r.Read(p)
	w.sum.Write(p[:n])
	w.left -= int64(n)
	if w.since += int64(n); w.since >= checkEvery || w.left == 0 {
		w.since = 0
		w.watch.check()
	}
	return n, nil
}

// watchedSink hashes what it is given and checks the heap every checkEvery.
type watchedSink struct {
	since int64
	watch *heapWatch
	sum   hash.Hash
}

func (w *watchedSink) Write(p []byte) (int, error) {
	w.sum.Write(p)
	if w.since += int64(len(p)); w.since >= checkEvery {
		w.since = 0
		w.watch.check()
	}
	return len(p), nil
}
