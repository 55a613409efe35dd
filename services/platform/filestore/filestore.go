// Package filestore keeps the files citizens attach to dossiers: one port, Store, and two
// adapters behind it, a directory on the local disk and an S3 bucket. A file is written
// once under a key the product chose (a UUID) and read back any number of times; the
// store never overwrites and never deletes, so a file a dossier points to stays what the
// citizen sent.
package filestore

import (
	"context"
	"errors"
	"io"

	"github.com/google/uuid"
)

// ErrNotFound is the answer of Open for a key under which nothing is stored.
var ErrNotFound = errors.New("filestore: no file under this key")

// ErrExists is the answer of Put for a key already stored: the first file stays.
var ErrExists = errors.New("filestore: a file is already stored under this key")

// ErrInvalidKey is the answer for a key that is not a UUID in its canonical form
// (lowercase, with hyphens); such a key could name a path outside the store.
var ErrInvalidKey = errors.New("filestore: the key is not a UUID in canonical form")

// Store keeps files by key.
type Store interface {
	// Put stores size bytes read from r under key (a UUID string). It refuses a key
	// already stored (ErrExists). A reader that gives fewer or more than size bytes is
	// an error and leaves nothing under key.
	Put(ctx context.Context, key string, r io.Reader, size int64) error
	// Open returns the bytes stored under key; ErrNotFound when none. The caller
	// closes what it returns.
	Open(ctx context.Context, key string) (io.ReadCloser, error)
}

// Config says where the files go: an S3 bucket when S3Endpoint is set, the directory
// Dir otherwise.
type Config struct {
	// Dir is the directory of the disk adapter; it is created when missing.
	Dir string
	// S3Endpoint is the URL of an S3 server, http:// or https:// (the scheme decides
	// TLS), with no path.
	S3Endpoint string
	// S3Bucket is the bucket that holds the files; Open creates it when missing.
	S3Bucket string
	// S3AccessKey and S3SecretKey sign the requests (AWS Signature Version 4).
	S3AccessKey, S3SecretKey string
}

// Open chooses S3 when Config.S3Endpoint is set, the disk otherwise.
func Open(ctx context.Context, c Config) (Store, error) {
	if c.S3Endpoint != "" {
		return openS3(ctx, c)
	}
	return openDisk(c.Dir)
}

// checkKey lets through only keys in the form uuid.UUID.String gives, so that one file
// has one key and a key is always a plain file name.
func checkKey(key string) error {
	u, err := uuid.Parse(key)
	if err != nil || u.String() != key {
		return ErrInvalidKey
	}
	return nil
}
