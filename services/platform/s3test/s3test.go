// Package s3test runs a real S3 server for the tests: SeaweedFS (master, volume server,
// filer and S3 gateway in one process), built from the Go module proxy once per machine,
// with one access key and an empty data directory of the test's own.
package s3test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// Server is one running SeaweedFS S3 gateway.
type Server struct {
	// Endpoint is the S3 URL, http://127.0.0.1:port.
	Endpoint string
	// AccessKey and SecretKey are the one identity the server knows; it may do anything.
	AccessKey, SecretKey string

	buckets atomic.Int64
}

// Bucket returns a bucket name that no one has used on this server yet; the bucket
// itself is not made.
func (s *Server) Bucket() string {
	return fmt.Sprintf("test-%d", s.buckets.Add(1))
}

// Start runs a SeaweedFS of the test's own until the test ends, and returns once the
// server has stored an object.
func Start(t testing.TB) *Server {
	t.Helper()
	bin, err := Binary()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	secret := make([]byte, 16)
	_, _ = rand.Read(secret)
	s := &Server{AccessKey: "motcua-test", SecretKey: hex.EncodeToString(secret)}
	config := filepath.Join(dir, "s3.json")
	if err := s.writeIdentities(config); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	if err := os.Mkdir(data, 0o700); err != nil {
		t.Fatal(err)
	}

	// weed mini: master, volume server, filer, S3 gateway and an admin server in one
	// process, set for a single machine (one volume grown per bucket at a time, no wait
	// for filers of an earlier life of the cluster). Every port is a free one of its own,
	// so that tests in several packages can run a server each at the same time.
	names := []string{"master", "volume", "filer", "s3", "admin"}
	free := freePorts(t, 2*len(names))
	ports := map[string]int{}
	args := []string{"mini", "-dir=" + data, "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
		"-master.telemetry=false", "-master.volumeSizeLimitMB=64", "-volume.max=32",
		"-s3.config=" + config, "-s3.port.iceberg=0", "-s3.port.lance=0",
		"-webdav=false", "-admin.ui=false", "-admin.port.legacy=0"}
	for i, name := range names {
		ports[name], ports[name+".grpc"] = free[2*i], free[2*i+1]
		args = append(args, fmt.Sprintf("-%s.port=%d", name, ports[name]), fmt.Sprintf("-%s.port.grpc=%d", name, ports[name+".grpc"]))
	}
	logFile, err := os.Create(filepath.Join(dir, "weed.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	// A soft limit on the Go heap: about 200 MB resident at most while a large file
	// goes through, instead of 350.
	cmd.Env = append(os.Environ(), "GOMEMLIMIT=96MiB")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-exited
		logFile.Close()
		// SeaweedFS puts its local sockets in /tmp whatever its directory, named by port.
		for _, port := range ports {
			socks, _ := filepath.Glob(fmt.Sprintf("/tmp/seaweedfs-*-%d.sock", port))
			for _, sock := range socks {
				_ = os.Remove(sock)
			}
		}
	})
	s.Endpoint = fmt.Sprintf("http://127.0.0.1:%d", ports["s3"])
	if err := s.waitReady(exited, 60*time.Second); err != nil {
		log, _ := os.ReadFile(logFile.Name())
		t.Fatalf("seaweedfs: %v\n%s", err, tail(log, 4000))
	}
	return s
}

// writeIdentities writes the S3 gateway's configuration: one identity, the server's
// key, allowed everything.
func (s *Server) writeIdentities(path string) error {
	raw, err := json.Marshal(map[string]any{"identities": []any{map[string]any{
		"name":        "tests",
		"credentials": []any{map[string]string{"accessKey": s.AccessKey, "secretKey": s.SecretKey}},
		"actions":     []string{"Admin", "Read", "Write", "List", "Tagging"},
	}}})
	if err != nil {
		return err
	}
	return os.WriteFile(path, raw, 0o600)
}

// waitReady returns once the server has made a bucket and stored an object in it: the
// S3 port answers seconds before the filer behind it takes a write.
func (s *Server) waitReady(exited <-chan struct{}, limit time.Duration) error {
	host := strings.TrimPrefix(s.Endpoint, "http://")
	client, err := minio.New(host, &minio.Options{Creds: credentials.NewStaticV4(s.AccessKey, s.SecretKey, ""), MaxRetries: 1})
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	const bucket = "ready"
	for {
		err = client.MakeBucket(ctx, bucket, minio.MakeBucketOptions{})
		if err == nil || minio.ToErrorResponse(err).Code == "BucketAlreadyOwnedByYou" {
			_, err = client.PutObject(ctx, bucket, "ready", bytes.NewReader([]byte("ready")), 5, minio.PutObjectOptions{})
			if err == nil {
				return nil
			}
		}
		select {
		case <-exited:
			return fmt.Errorf("exited before it stored an object: %v", err)
		case <-ctx.Done():
			return fmt.Errorf("stored no object within %s: %v", limit, err)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// freePorts returns n distinct ports that were free a moment ago: all are held at
// once, so none is given twice.
func freePorts(t testing.TB, n int) []int {
	t.Helper()
	ports := make([]int, n)
	for i := range ports {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		ports[i] = ln.Addr().(*net.TCPAddr).Port
	}
	return ports
}

func tail(b []byte, n int) string {
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(b)
}
