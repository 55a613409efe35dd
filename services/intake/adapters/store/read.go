package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/dossier"
)

const readDossierSQL = "SELECT " + stateColumns + `,
	applicant_name, applicant_id_sealed, applicant_phone_sealed, applicant_email_sealed,
	applicant_address_sealed, documents, fee_receipt_number, pin_sealed, registered_by,
	coalesce(post_office, ''), coalesce(seal_number, ''), postage_vnd
	FROM dossiers WHERE code = $1`

const readStepsSQL = `SELECT s.action, s.at, s.actor, s.office, s.from_office, s.to_office, s.via, s.timing,
	s.note, s.reason, s.details
	FROM dossier_steps s JOIN dossiers d ON d.id = s.dossier_id WHERE d.code = $1 ORDER BY s.version`

// Dossier returns the dossier with code and its steps; ok is false when there is none.
// The dossier, its steps and its files are read as of one moment (one repeatable-read
// transaction): read statement by statement, an action committing between them would
// show its step beside the state before it.
func (s *Dossiers) Dossier(ctx context.Context, code string) (r app.DossierRecord, ok bool, err error) {
	err = pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly},
		func(tx pgx.Tx) error {
			r, ok, err = readDossier(ctx, tx, code)
			return err
		})
	return r, ok, err
}

// readDossier reads the dossier with code, its steps and its files within tx.
func readDossier(ctx context.Context, tx pgx.Tx, code string) (r app.DossierRecord, ok bool, err error) {
	b := &pgx.Batch{}
	b.Queue(readDossierSQL, code)
	b.Queue(readStepsSQL, code)
	b.Queue(readFilesSQL, code)
	br := tx.SendBatch(ctx, b)
	defer br.Close()
	var docs []byte
	row := br.QueryRow()
	err = scanStored(rowWithExtra{row: row, extra: []any{&r.ApplicantName, &r.IDSealed, &r.PhoneSealed,
		&r.EmailSealed, &r.AddressSealed, &docs, &r.FeeReceiptNumber, &r.PINSealed, &r.RegisteredBy,
		&r.Counter.PostOffice, &r.Counter.SealNumber, &r.Counter.PostageVND}}, &r.StoredDossier)
	r.Counter.TrackingNumber = r.State.PickupTracking
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
	rows.Close()
	files, err := br.Query()
	if err != nil {
		return r, false, fmt.Errorf("read dossier files: %w", err)
	}
	r.Files, err = pgx.CollectRows(files, func(row pgx.CollectableRow) (app.StoredFile, error) { return scanFile(row) })
	if err != nil {
		return r, false, fmt.Errorf("read dossier files: %w", err)
	}
	return r, true, nil
}

// rowWithExtra scans a row whose leading columns are stateColumns into the
// destinations scanStored gives, and the columns after them into extra.
type rowWithExtra struct {
	row   pgx.Row
	extra []any
}

func (r rowWithExtra) Scan(dest ...any) error { return r.row.Scan(append(dest, r.extra...)...) }
