package app

import (
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/auth"
)

// FileView is a file of a dossier as staff see it listed.
type FileView struct {
	ID          string    `json:"id"`
	Purpose     string    `json:"purpose"`
	Document    string    `json:"document,omitempty"`
	Name        string    `json:"name"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	AddedAt     time.Time `json:"added_at"`
	URL         string    `json:"url"`
}

// fileViews lists the files of the dossier with code, each with the API's address of
// its bytes.
func fileViews(code string, files []StoredFile, loc *time.Location) []FileView {
	out := make([]FileView, len(files))
	for i, f := range files {
		out[i] = FileView{ID: f.ID.String(), Purpose: string(f.Purpose), Document: f.Document, Name: f.Name,
			ContentType: f.ContentType, Size: f.Size, SHA256: hex.EncodeToString(f.SHA256), AddedAt: f.AddedAt.In(loc),
			URL: "/api/v1/dossiers/" + url.PathEscape(code) + "/files/" + f.ID.String()}
	}
	return out
}

// FileContent is a file's bytes, with what a reader of them needs to know.
type FileContent struct {
	FileView
	Body io.ReadCloser
}

// ReadFile opens the file id of the dossier with code for who, a member of staff of one
// of its offices, and audits the read like any read of personal data. It fails with
// ErrNotFound when there is no such dossier or file, or who may not see it.
func (r *Reader) ReadFile(ctx context.Context, who *auth.Principal, code string, id uuid.UUID) (*FileContent, error) {
	rec, ok, err := r.Dossiers.Dossier(ctx, code)
	if err != nil {
		return nil, err
	}
	if !ok || !involves(rec, who) {
		return nil, ErrNotFound
	}
	f, ok, err := r.Dossiers.File(ctx, code, id)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrNotFound
	}
	if err := r.Dossiers.RecordReads(ctx, []uuid.UUID{rec.ID}, who.Username, "file "+f.ID.String()); err != nil {
		return nil, err
	}
	body, err := r.Files.Open(ctx, f.StorageKey)
	if err != nil {
		return nil, fmt.Errorf("read file %s: %w", f.ID, err)
	}
	return &FileContent{FileView: fileViews(code, []StoredFile{f}, r.Calendar.Calendar().Location())[0], Body: body}, nil
}
