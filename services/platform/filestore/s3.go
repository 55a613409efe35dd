package filestore

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// s3Store keeps each file as the object named by its key in one bucket, which Open
// creates when it is missing (so that a new deployment needs no step of its own).
//
// A Put asks for the object first, which spares the upload of a file that would be
// refused, then sends one PUT with If-None-Match: *, by which the server itself refuses
// to replace an object that appeared in between (SeaweedFS does, as the tests show, and
// so does AWS S3).
// The body streams from the caller's reader in one PUT, never as a multipart upload,
// for which the client would hold a whole part in memory; one PUT carries up to 5 GiB,
// far beyond any attachment.
type s3Store struct {
	client *minio.Client
	bucket string
}

func openS3(ctx context.Context, c Config) (*s3Store, error) {
	u, err := url.Parse(c.S3Endpoint)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") {
		return nil, errors.New("open file store: the S3 endpoint must be http://host[:port] or https://host[:port]")
	}
	if c.S3Bucket == "" {
		return nil, errors.New("open file store: no S3 bucket is set")
	}
	client, err := minio.New(u.Host, &minio.Options{
		Creds:  credentials.NewStaticV4(c.S3AccessKey, c.S3SecretKey, ""),
		Secure: u.Scheme == "https",
	})
	if err != nil {
		return nil, fmt.Errorf("open file store: %w", err)
	}
	s := &s3Store{client: client, bucket: c.S3Bucket}
	if err := s.makeBucket(ctx); err != nil {
		return nil, fmt.Errorf("open file store: bucket %s: %w", c.S3Bucket, err)
	}
	return s, nil
}

func (s *s3Store) makeBucket(ctx context.Context) error {
	exists, err := s.client.BucketExists(ctx, s.bucket)
	if err != nil || exists {
		return err
	}
	err = s.client.MakeBucket(ctx, s.bucket, minio.MakeBucketOptions{})
	if minio.ToErrorResponse(err).Code == "BucketAlreadyOwnedByYou" {
		return nil // made by another instance in the meantime
	}
	return err
}

// Put stores the file as described on s3Store.
func (s *s3Store) Put(ctx context.Context, key string, r io.Reader, size int64) error {
	if err := checkKey(key); err != nil {
		return err
	}
	body, err := newExactReader(ctx, r, size)
	if err != nil {
		return err
	}
	switch _, err := s.client.StatObject(ctx, s.bucket, key, minio.StatObjectOptions{}); {
	case err == nil:
		return ErrExists
	case !isNoSuchKey(err):
		return fmt.Errorf("put file: %w", err)
	}
	return s.upload(ctx, key, body, size)
}

// upload sends the one PUT that creates the object unless it exists.
func (s *s3Store) upload(ctx context.Context, key string, body *exactReader, size int64) error {
	if size == 0 {
		// The client sends no body for an empty file, so it reads none: check here
		// that the caller's reader is empty indeed.
		if _, err := io.Copy(io.Discard, body); err != nil {
			return fmt.Errorf("put file: %w", err)
		}
	}
	opts := minio.PutObjectOptions{ContentType: "application/octet-stream", DisableMultipart: true}
	opts.SetMatchETagExcept("*")
	if _, err := s.client.PutObject(ctx, s.bucket, key, body, size, opts); err != nil {
		if minio.ToErrorResponse(err).Code == "PreconditionFailed" {
			return ErrExists
		}
		return fmt.Errorf("put file: %w", err)
	}
	return nil
}

// Open returns the object stored under key. The client fetches an object lazily, so
// Open reads its first bytes to learn whether it exists; the reader goes on reading
// while ctx lasts.
func (s *s3Store) Open(ctx context.Context, key string) (io.ReadCloser, error) {
	if err := checkKey(key); err != nil {
		return nil, err
	}
	obj, err := s.client.GetObject(ctx, s.bucket, key, minio.GetObjectOptions{})
	if err != nil {
		return nil, fmt.Errorf("open file: %w", err)
	}
	ahead := bufio.NewReaderSize(obj, 32<<10)
	if _, err := ahead.Peek(1); err != nil && !errors.Is(err, io.EOF) {
		obj.Close()
		if isNoSuchKey(err) {
			return nil, ErrNotFound
		}
		return nil, fmt.Errorf("open file: %w", err)
	}
	return object{Reader: ahead, Closer: obj}, nil
}

// object is a stored file being read: its first bytes already fetched, then the rest.
type object struct {
	io.Reader
	io.Closer
}

func isNoSuchKey(err error) bool {
	return minio.ToErrorResponse(err).Code == "NoSuchKey"
}
