package filestore

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/s3test"
)

// TestServerRefusesOverwrite sends the PUT of a key already stored without asking first,
// as a second instance does that asked just before the first one stored: the server
// itself must refuse it (If-None-Match: *), and the first file must stay.
func TestServerRefusesOverwrite(t *testing.T) {
	srv := s3test.Start(t)
	ctx := context.Background()
	s, err := openS3(ctx, Config{S3Endpoint: srv.Endpoint, S3Bucket: srv.Bucket(), S3AccessKey: srv.AccessKey, S3SecretKey: srv.SecretKey})
	if err != nil {
		t.Fatal(err)
	}
	key, first, second := uuid.NewString(), []byte("first"), []byte("second, longer")
	if err := s.Put(ctx, key, bytes.NewReader(first), int64(len(first))); err != nil {
		t.Fatal(err)
	}
	body, err := newExactReader(ctx, bytes.NewReader(second), int64(len(second)))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.upload(ctx, key, body, int64(len(second))); !errors.Is(err, ErrExists) {
		t.Fatalf("PUT over a stored object: %v, want ErrExists", err)
	}
	r, err := s.Open(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, first) {
		t.Fatalf("the key holds %q (%v), want %q", got, err, first)
	}
}
