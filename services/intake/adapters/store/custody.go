package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/custody"
	"github.com/motcua/motcua/services/platform/outbox"
)

// CustodyTx appends to the custody chains inside the transaction of the consumer that
// read the step.
type CustodyTx struct{ tx pgx.Tx }

var _ app.CustodyInTx = CustodyTx{}

// CustodyIn returns the custody chains as tx sees and changes them.
func CustodyIn(tx pgx.Tx) CustodyTx { return CustodyTx{tx: tx} }

// lockHeadSQL begins the chain or meets it, and either way holds its head's row locked
// until the transaction ends: the one place two appends to a chain meet. A code learnt
// now (from the event, else from intake's dossier) fills a chain that had none.
const lockHeadSQL = `INSERT INTO custody_heads AS h (dossier_id, code, seq, hash)
	VALUES ($1, COALESCE(NULLIF($2, ''), (SELECT code FROM dossiers WHERE id = $1), ''), 0, $3)
	ON CONFLICT (dossier_id) DO UPDATE SET code = CASE WHEN h.code = '' THEN EXCLUDED.code ELSE h.code END
	RETURNING h.code, h.seq, h.hash, h.at`

// LockHead locks the chain of dossier id, beginning an empty one when it has none.
func (c CustodyTx) LockHead(ctx context.Context, id uuid.UUID, code string) (custody.Head, string, error) {
	head := custody.Head{DossierID: id}
	var at *time.Time
	var chainCode string
	if err := c.tx.QueryRow(ctx, lockHeadSQL, id, code, custody.Genesis).Scan(&chainCode, &head.Seq, &head.Hash, &at); err != nil {
		return custody.Head{}, "", fmt.Errorf("lock custody chain: %w", err)
	}
	if at != nil {
		head.At = *at
	}
	return head, chainCode, nil
}

// Append writes e and moves its chain's head to it, with msgs for the outbox, in one
// round trip.
func (c CustodyTx) Append(ctx context.Context, e custody.Entry, msgs ...outbox.Message) error {
	b := &pgx.Batch{}
	b.Queue(`INSERT INTO custody_entries (dossier_id, seq, at, event, from_party, to_party, recorded_by, tracking_number,
		prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		e.DossierID, e.Seq, e.At, e.Event, e.From, e.To, e.By, e.TrackingNumber, e.PrevHash, e.Hash)
	b.Queue("UPDATE custody_heads SET seq = $2, hash = $3, at = $4 WHERE dossier_id = $1", e.DossierID, e.Seq, e.Hash, e.At)
	outbox.Queue(b, msgs...)
	if err := c.tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("append to custody chain: %w", err)
	}
	return nil
}

// Custody reads the custody chains.
type Custody struct{ pool *pgxpool.Pool }

var _ app.CustodyStore = (*Custody)(nil)

// NewCustody reads the custody chains of the intake schema of pool.
func NewCustody(pool *pgxpool.Pool) *Custody { return &Custody{pool: pool} }

const entryColumns = "seq, at, event, from_party, to_party, recorded_by, tracking_number, prev_hash, hash"

// Chain returns the entries of the chain of dossier id and its head, both read in one
// snapshot so that an entry appended meanwhile is in both or in neither.
func (s *Custody) Chain(ctx context.Context, id uuid.UUID) ([]custody.Entry, *custody.Head, error) {
	var entries []custody.Entry
	var head *custody.Head
	err := pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, "SELECT "+entryColumns+" FROM custody_entries WHERE dossier_id = $1 ORDER BY seq", id)
		if err != nil {
			return err
		}
		entries, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (custody.Entry, error) {
			e := custody.Entry{DossierID: id}
			err := r.Scan(&e.Seq, &e.At, &e.Event, &e.From, &e.To, &e.By, &e.TrackingNumber, &e.PrevHash, &e.Hash)
			return e, err
		})
		if err != nil {
			return err
		}
		h := custody.Head{DossierID: id}
		var at *time.Time
		err = tx.QueryRow(ctx, "SELECT seq, hash, at FROM custody_heads WHERE dossier_id = $1", id).Scan(&h.Seq, &h.Hash, &at)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		if at != nil {
			h.At = *at
		}
		head = &h
		return err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read custody chain: %w", err)
	}
	return entries, head, nil
}

// EachChain reads every chain in one statement (one snapshot), by dossier code, and
// calls fn with each. Entries whose head is missing, and heads without entries, are
// chains too; a chain that names no code is given intake's for its dossier, if any.
func (s *Custody) EachChain(ctx context.Context, fn func(uuid.UUID, string, []custody.Entry, *custody.Head) error) error {
	rows, err := s.pool.Query(ctx, `SELECT dossier_id, COALESCE(NULLIF(h.code, ''), d.code, '') AS code, h.seq, h.hash, h.at,
		e.seq, e.at, e.event, e.from_party, e.to_party, e.recorded_by, e.tracking_number, e.prev_hash, e.hash
		FROM custody_heads h FULL JOIN custody_entries e USING (dossier_id) LEFT JOIN dossiers d ON d.id = dossier_id
		ORDER BY code, dossier_id, e.seq`)
	if err != nil {
		return fmt.Errorf("read custody chains: %w", err)
	}
	defer rows.Close()
	var (
		id      uuid.UUID
		code    string
		entries []custody.Entry
		head    *custody.Head
		open    bool
	)
	flush := func() error {
		if !open {
			return nil
		}
		return fn(id, code, entries, head)
	}
	for rows.Next() {
		var (
			rowID                         uuid.UUID
			rowCode                       string
			hSeq, eSeq                    *int64
			hHash, ePrev, eHash           []byte
			hAt, eAt                      *time.Time
			event, from, to, by, tracking *string
		)
		if err := rows.Scan(&rowID, &rowCode, &hSeq, &hHash, &hAt, &eSeq, &eAt, &event, &from, &to, &by, &tracking, &ePrev, &eHash); err != nil {
			return fmt.Errorf("read custody chains: %w", err)
		}
		if !open || rowID != id {
			if err := flush(); err != nil {
				return err
			}
			id, code, entries, head, open = rowID, rowCode, nil, nil, true
			if hSeq != nil {
				head = &custody.Head{DossierID: rowID, Seq: *hSeq, Hash: hHash}
				if hAt != nil {
					head.At = *hAt
				}
			}
		}
		if eSeq != nil {
			entries = append(entries, custody.Entry{DossierID: rowID, Seq: *eSeq, Record: custody.Record{At: *eAt,
				Event: *event, From: *from, To: *to, By: *by, TrackingNumber: *tracking}, PrevHash: ePrev, Hash: eHash})
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read custody chains: %w", err)
	}
	return flush()
}
