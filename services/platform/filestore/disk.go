package filestore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// disk keeps each file as Dir/<first two characters of the key>/<key>, mode 0600, in
// directories of mode 0700, so that no directory grows past a few thousand entries.
//
// A Put writes a temporary file beside the final name, syncs it, and links it to the
// final name. A link never replaces a name, so of two Puts of one key exactly one wins
// and the other gets ErrExists; the directory is then synced so that the name survives a
// crash. A crash in the middle of a Put may leave a temporary file (a name starting with
// ".put-"), never a partial file under a key.
type disk struct {
	dir string
}

func openDisk(dir string) (*disk, error) {
	if dir == "" {
		return nil, errors.New("open file store: neither a directory nor an S3 endpoint is set")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("open file store: %w", err)
	}
	return &disk{dir: dir}, nil
}

func (d *disk) names(key string) (shard, name string) {
	shard = filepath.Join(d.dir, key[:2])
	return shard, filepath.Join(shard, key)
}

// Put stores the file as described on disk.
func (d *disk) Put(ctx context.Context, key string, r io.Reader, size int64) error {
	if err := checkKey(key); err != nil {
		return err
	}
	body, err := newExactReader(ctx, r, size)
	if err != nil {
		return err
	}
	shard, name := d.names(key)
	if _, err := os.Lstat(name); err == nil {
		return ErrExists
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("put file: %w", err)
	}
	if err := d.makeShard(shard); err != nil {
		return fmt.Errorf("put file: %w", err)
	}
	tmp, err := os.CreateTemp(shard, ".put-*")
	if err != nil {
		return fmt.Errorf("put file: %w", err)
	}
	// Once linked, the file lives on under its key; the temporary name always goes.
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, body); err != nil {
		tmp.Close()
		return fmt.Errorf("put file: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("put file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("put file: %w", err)
	}
	if err := os.Link(tmp.Name(), name); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return ErrExists
		}
		return fmt.Errorf("put file: %w", err)
	}
	if err := syncDir(shard); err != nil {
		return fmt.Errorf("put file: %w", err)
	}
	return nil
}

// makeShard creates a shard directory the first time one of its keys is stored, and
// syncs the store's directory so that the shard's name is durable too.
func (d *disk) makeShard(shard string) error {
	if err := os.Mkdir(shard, 0o700); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil
		}
		return err
	}
	return syncDir(d.dir)
}

// Open returns the file stored under key.
func (d *disk) Open(_ context.Context, key string) (io.ReadCloser, error) {
	if err := checkKey(key); err != nil {
		return nil, err
	}
	_, name := d.names(key)
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("open file: %w", err)
	}
	return f, nil
}

func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
