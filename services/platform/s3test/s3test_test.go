package s3test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// TestServerStoresAndRefusesStrangers puts an object with the server's key and reads it
// back, and checks that a wrong secret is refused: the server checks signatures.
func TestServerStoresAndRefusesStrangers(t *testing.T) {
	s := Start(t)
	ctx := context.Background()
	host := strings.TrimPrefix(s.Endpoint, "http://")
	client, err := minio.New(host, &minio.Options{Creds: credentials.NewStaticV4(s.AccessKey, s.SecretKey, "")})
	if err != nil {
		t.Fatal(err)
	}
	bucket := s.Bucket()
	if other := s.Bucket(); other == bucket {
		t.Fatalf("Bucket gave %q twice", bucket)
	}
	if err := client.MakeBucket(ctx, bucket, minio.MakeBucketOptions{}); err != nil {
		t.Fatal(err)
	}
	want := []byte("hồ sơ")
	if _, err := client.PutObject(ctx, bucket, "a", bytes.NewReader(want), int64(len(want)), minio.PutObjectOptions{}); err != nil {
		t.Fatal(err)
	}
	obj, err := client.GetObject(ctx, bucket, "a", minio.GetObjectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer obj.Close()
	got, err := io.ReadAll(obj)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("read back %q, %v; want %q", got, err, want)
	}

	stranger, err := minio.New(host, &minio.Options{Creds: credentials.NewStaticV4(s.AccessKey, "not-the-secret", "")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stranger.PutObject(ctx, bucket, "b", bytes.NewReader(want), int64(len(want)), minio.PutObjectOptions{}); err == nil {
		t.Fatal("a wrong secret stored an object")
	}
}
