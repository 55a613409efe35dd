package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/domain/dossier"
)

// Record is a whole dossier as intake keeps it: its state, its sealed personal data and
// its hand-over log. Only staff of its offices see it, and each read is audited.
type Record struct {
	Locked
	TimeLimitHours   int
	ApplicantName    string
	IDSealed         []byte
	PhoneSealed      []byte
	EmailSealed      []byte
	AddressSealed    []byte
	Documents        []dossier.Document
	FeeReceiptNumber string
	PINSealed        []byte
	RegisteredBy     string
	// Steps are the actions after registration, in order.
	Steps []dossier.Step
}

const readDossierSQL = "SELECT " + stateColumns + `,
	time_limit_hours, applicant_name, applicant_id_sealed, applicant_phone_sealed, applicant_email_sealed,
	applicant_address_sealed, documents, fee_receipt_number, pin_sealed, registered_by
	FROM dossiers WHERE code = $1`

const readStepsSQL = `SELECT s.action, s.at, s.actor, s.office, s.from_office, s.to_office, s.via, s.timing,
	s.note, s.reason, s.details
	FROM dossier_steps s JOIN dossiers d ON d.id = s.dossier_id WHERE d.code = $1 ORDER BY s.version`

// Dossier returns the dossier with code and its steps; ok is false when there is none.
func (s *Store) Dossier(ctx context.Context, code string) (r Record, ok bool, err error) {
	b := &pgx.Batch{}
	b.Queue(readDossierSQL, code)
	b.Queue(readStepsSQL, code)
	br := s.pool.SendBatch(ctx, b)
	defer br.Close()
	var docs []byte
	row := br.QueryRow()
	err = scanLocked(rowWithExtra{row, []any{&r.TimeLimitHours, &r.ApplicantName, &r.IDSealed, &r.PhoneSealed,
		&r.EmailSealed, &r.AddressSealed, &docs, &r.FeeReceiptNumber, &r.PINSealed, &r.RegisteredBy}}, &r.Locked)
	if errors.Is(err, pgx.ErrNoRows) {
		return r, false, nil
	}
	if err != nil {
		return r, false, fmt.Errorf("read dossier: %w", err)
	}
	if err := json.Unmarshal(docs, &r.Documents); err != nil {
		return r, false, fmt.Errorf("read dossier: documents: %w", err)
	}
	rows, err := br.Query()
	if err != nil {
		return r, false, fmt.Errorf("read dossier steps: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var st dossier.Step
		var action, via, timing string
		var details []byte
		if err := rows.Scan(&action, &st.At, &st.Actor, &st.Office, &st.FromOffice, &st.ToOffice, &via, &timing,
			&st.Note, &st.Reason, &details); err != nil {
			return r, false, fmt.Errorf("read dossier steps: %w", err)
		}
		st.Action, st.Via, st.Timing = dossier.Action(action), dossier.Via(via), dossier.Timing(timing)
		var d stepDetails
		if err := json.Unmarshal(details, &d); err != nil {
			return r, false, fmt.Errorf("read dossier steps: details: %w", err)
		}
		d.apply(&st)
		r.Steps = append(r.Steps, st)
	}
	if err := rows.Err(); err != nil {
		return r, false, fmt.Errorf("read dossier steps: %w", err)
	}
	return r, true, nil
}

// rowWithExtra scans a row whose leading columns are those of lockDossierSQL into the
// destinations scanLocked gives, and the columns after them into extra.
type rowWithExtra struct {
	row   pgx.Row
	extra []any
}

func (r rowWithExtra) Scan(dest ...any) error { return r.row.Scan(append(dest, r.extra...)...) }

// RecordRead audits a member of staff's read of a dossier's personal data.
func (s *Store) RecordRead(ctx context.Context, dossierID uuid.UUID, username, purpose string) error {
	_, err := s.pool.Exec(ctx, "INSERT INTO personal_data_reads (dossier_id, username, purpose) VALUES ($1, $2, $3)",
		dossierID, username, purpose)
	if err != nil {
		return fmt.Errorf("audit personal data read: %w", err)
	}
	return nil
}
