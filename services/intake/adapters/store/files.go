package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/app"
)

const insertFileSQL = `INSERT INTO dossier_files (id, dossier_id, purpose, document, name, content_type, size,
	sha256, storage_key, added_at, added_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`

// queueFile queues the record of a file attached to the dossier id.
func queueFile(b *pgx.Batch, dossierID uuid.UUID, f app.StoredFile) {
	b.Queue(insertFileSQL, f.ID, dossierID, string(f.Purpose), f.Document, f.Name, f.ContentType, f.Size,
		f.SHA256, f.StorageKey, f.AddedAt, f.AddedBy)
}

// AddFile records the file f of the dossier id, handed in outside an action (a result's
// file an office posts before it completes the dossier).
func (s *Dossiers) AddFile(ctx context.Context, dossierID uuid.UUID, f app.StoredFile) error {
	if _, err := s.pool.Exec(ctx, insertFileSQL, f.ID, dossierID, string(f.Purpose), f.Document, f.Name, f.ContentType,
		f.Size, f.SHA256, f.StorageKey, f.AddedAt, f.AddedBy); err != nil {
		return fmt.Errorf("add file: %w", err)
	}
	return nil
}

const fileColumns = `f.id, f.purpose, f.document, f.name, f.content_type, f.size, f.sha256, f.storage_key,
	f.added_at, f.added_by`

func scanFile(r pgx.Row) (app.StoredFile, error) {
	var f app.StoredFile
	var purpose string
	err := r.Scan(&f.ID, &purpose, &f.Document, &f.Name, &f.ContentType, &f.Size, &f.SHA256, &f.StorageKey,
		&f.AddedAt, &f.AddedBy)
	f.Purpose = app.FilePurpose(purpose)
	return f, err
}

// File returns the file id of the dossier with code; ok is false when the dossier has
// no such file.
func (s *Dossiers) File(ctx context.Context, code string, id uuid.UUID) (app.StoredFile, bool, error) {
	f, err := scanFile(s.pool.QueryRow(ctx, `SELECT `+fileColumns+` FROM dossier_files f
		JOIN dossiers d ON d.id = f.dossier_id WHERE d.code = $1 AND f.id = $2`, code, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return f, false, nil
	}
	if err != nil {
		return f, false, fmt.Errorf("read file: %w", err)
	}
	return f, true, nil
}

// readFilesSQL reads the files of the dossier with code, in the order they were added.
const readFilesSQL = `SELECT ` + fileColumns + ` FROM dossier_files f JOIN dossiers d ON d.id = f.dossier_id
	WHERE d.code = $1 ORDER BY f.added_at, f.id`
