package app

import (
	"context"
	"io"
	"time"

	"github.com/google/uuid"
)

// FileStore keeps the bytes of the files citizens hand in (platform/filestore): it
// never overwrites and never deletes.
type FileStore interface {
	// Put stores size bytes read from r under key; it refuses a key already stored.
	Put(ctx context.Context, key string, r io.Reader, size int64) error
	// Open returns the bytes stored under key.
	Open(ctx context.Context, key string) (io.ReadCloser, error)
}

// FilePurpose says why a file was handed in.
type FilePurpose string

// The purposes of a file.
const (
	FileSubmission FilePurpose = "submission"
	FileSupplement FilePurpose = "supplement"
	FileResult     FilePurpose = "result"
)

// StoredFile is a file attached to a dossier as intake keeps it: its fingerprint and
// where its bytes are; the bytes themselves are in the FileStore.
type StoredFile struct {
	ID          uuid.UUID
	Purpose     FilePurpose
	Document    string
	Name        string
	ContentType string
	Size        int64
	SHA256      []byte
	StorageKey  string
	AddedAt     time.Time
	AddedBy     string
}
