package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/allinone/benchkit"
	"github.com/motcua/motcua/services/allinone/cluster"
	"github.com/motcua/motcua/services/platform/auth"
)

// onlineResult is figure (e): submissions online, each with one file, beside writing
// the same files to the same disk; and intake's peak memory while uploads run at once,
// for two file sizes (streamed uploads keep it flat).
type onlineResult struct {
	FileBytes   int         `json:"file_bytes"`
	Submissions rate        `json:"submissions"`
	DiskWrites  rate        `json:"disk_writes_baseline"`
	Ratio       float64     `json:"ratio"`
	Memory      []uploadMem `json:"peak_memory_while_uploading"`
}

type uploadMem struct {
	AtOnce    int     `json:"uploads_at_once"`
	FileBytes int     `json:"file_bytes"`
	IntakeMiB float64 `json:"intake_peak_rss_mib"`
}

// citizenToken is a citizen's token for the bench's own address, signed with the
// cluster's key as intake signs the ones a verification gives.
func (b *bench) citizenToken() (string, error) {
	key, err := auth.ParsePrivateKey(b.c.Keys.SigningKey)
	if err != nil {
		return "", err
	}
	return auth.NewIssuer(key, time.Hour).IssueCitizen(auth.Citizen{Subject: "email:bench@example.vn", IdP: "contact"},
		time.Now(), time.Hour)
}

// submissionBody is a submission with one PDF-looking file of size bytes.
func submissionBody(size int, office string) ([]byte, string, error) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	app, err := json.Marshal(map[string]any{
		"procedure_code": "2.000720", "receiving_office": office,
		"applicant":       map[string]any{"full_name": "Nguyễn Văn Bình", "address": "Khu 1, Gia Ray"},
		"documents":       []map[string]any{{"name": "Giấy đề nghị", "kind": "original", "file": "f"}},
		"result_delivery": map[string]any{"method": "desk"},
	})
	if err != nil {
		return nil, "", err
	}
	w, _ := mw.CreateFormField("application")
	w.Write(app)
	w, _ = mw.CreateFormFile("f", "de-nghi.pdf")
	file := make([]byte, size)
	rand.Read(file)
	copy(file, "%PDF-1.7\n")
	w.Write(file)
	if err := mw.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), mw.FormDataContentType(), nil
}

// submit posts body as a citizen's submission and checks it was taken.
func (b *bench) submit(ctx context.Context, token string, body []byte, contentType string) error {
	req, err := http.NewRequestWithContext(ctx, "POST", "http://"+b.c.Intake.Addr+"/api/v1/public/dossiers", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", contentType)
	res, err := b.client.HTTP.Do(req)
	if err != nil {
		return err
	}
	answer, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusCreated {
		return fmt.Errorf("submission answered %d: %s", res.StatusCode, answer)
	}
	return nil
}

// onlineThroughput is figure (e): n submissions with a file of size bytes each, then
// the baseline, writing as many files of that size durably to the same disk, then the
// memory of uploads at once.
func (b *bench) onlineThroughput(ctx context.Context, dir string, n, size int) (onlineResult, error) {
	r := onlineResult{FileBytes: size}
	token, err := b.citizenToken()
	if err != nil {
		return r, err
	}
	// The household business registration is received at the district desk only.
	body, contentType, err := submissionBody(size, b.offices[0])
	if err != nil {
		return r, err
	}
	start := time.Now()
	err = benchkit.Parallel(ctx, n, b.s.concurrency, func(ctx context.Context, _ int) error {
		return b.submit(ctx, token, body, contentType)
	})
	if err != nil {
		return r, err
	}
	r.Submissions = newRate(n, time.Since(start))
	if r.DiskWrites, err = diskBaseline(ctx, filepath.Join(dir, "disk-baseline"), n, b.s.concurrency, size); err != nil {
		return r, err
	}
	r.Ratio = r.Submissions.PerSec / r.DiskWrites.PerSec
	for _, s := range []int{size, 8 * size} {
		m, err := b.uploadMemory(ctx, token, 20, s)
		if err != nil {
			return r, err
		}
		r.Memory = append(r.Memory, m)
	}
	return r, nil
}

// diskBaseline writes n files of size bytes as the disk store keeps one: a new file,
// synced, linked under its name, the directory synced.
func diskBaseline(ctx context.Context, dir string, n, workers, size int) (rate, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return rate{}, err
	}
	defer os.RemoveAll(dir)
	data := make([]byte, size)
	rand.Read(data)
	start := time.Now()
	err := benchkit.Parallel(ctx, n, workers, func(ctx context.Context, i int) error {
		f, err := os.CreateTemp(dir, "tmp-")
		if err != nil {
			return err
		}
		defer os.Remove(f.Name())
		if _, err := f.Write(data); err != nil {
			f.Close()
			return err
		}
		if err := f.Sync(); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		if err := os.Link(f.Name(), filepath.Join(dir, uuid.NewString())); err != nil {
			return err
		}
		d, err := os.Open(dir)
		if err != nil {
			return err
		}
		defer d.Close()
		return d.Sync()
	})
	return newRate(n, time.Since(start)), err
}

// uploadMemory is intake's peak memory while atOnce submissions with a file of size
// bytes run at the same time, from a peak reset just before.
func (b *bench) uploadMemory(ctx context.Context, token string, atOnce, size int) (uploadMem, error) {
	body, contentType, err := submissionBody(size, b.offices[0])
	if err != nil {
		return uploadMem{}, err
	}
	if err := cluster.ResetPeakRSS(b.c.Intake); err != nil {
		return uploadMem{}, err
	}
	err = benchkit.Parallel(ctx, atOnce, atOnce, func(ctx context.Context, _ int) error {
		return b.submit(ctx, token, body, contentType)
	})
	if err != nil {
		return uploadMem{}, err
	}
	kib, err := b.c.Intake.PeakRSSKiB()
	return uploadMem{AtOnce: atOnce, FileBytes: size, IntakeMiB: float64(kib) / 1024}, err
}
