package app

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/worktime"
)

// NationalRecord is one status change of a dossier as the National Public Service
// Portal (or a provincial gateway) takes it: the dossier's code, its national status
// code (1-10) with our own status name, its procedure, the agency that received it, how
// it came, and its times (null until they exist).
type NationalRecord struct {
	// ID is the record's, the same on every try: a portal de-duplicates on it.
	ID                  uuid.UUID  `json:"id"`
	DossierCode         string     `json:"dossier_code"`
	StatusCode          int        `json:"status_code"`
	Status              string     `json:"status"`
	ProcedureCode       string     `json:"procedure_code"`
	ReceivingAgencyCode string     `json:"receiving_agency_code"`
	Channel             string     `json:"channel"`
	ReceivedAt          *time.Time `json:"received_at"`
	DueAt               *time.Time `json:"due_at"`
	FinishedAt          *time.Time `json:"finished_at"`
	// ChangedAt is when the dossier reached the status.
	ChangedAt time.Time `json:"changed_at"`
}

// NationalTx is what the national sync reads and writes in the transaction of the
// consumer that read the event.
type NationalTx interface {
	StatusTeller
	// AddNationalRecord owes r to the portal, after the dossier's earlier records; a
	// record already owed under its id is not owed again (false).
	AddNationalRecord(ctx context.Context, r NationalRecord) (bool, error)
}

// NationalSyncStore reads the records owed to the portal (a platform/delivery queue).
type NationalSyncStore interface {
	// SyncBacklog counts the records waiting and those the portal never took.
	SyncBacklog(ctx context.Context) (SyncBacklog, error)
	// FailedSyncRecords returns the oldest limit records the portal never took.
	FailedSyncRecords(ctx context.Context, limit int) ([]SyncRecord, error)
	// ResendSyncRecord puts the record id back to be sent now (ErrNoSyncRecord).
	ResendSyncRecord(ctx context.Context, id uuid.UUID) error
}

// SyncBacklog is how the national sync stands: the records waiting to be sent, those
// the portal never took after every try (each holding back its dossier's later ones),
// and when the portal last took one (nil before the first).
type SyncBacklog struct {
	Pending, Failed int
	LastSentAt      *time.Time
}

// SyncRecord is a record owed to the portal, as the administrator's page lists it.
type SyncRecord struct {
	ID          uuid.UUID
	DossierCode string
	Status      string
	StatusCode  int
	Tries       int
	LastError   string
	CreatedAt   time.Time
}

// FailedListSize is how many failed records the page lists.
const FailedListSize = 100

// NationalSync keeps the National Public Service Portal level with every dossier: each
// status change is owed as one record, in the transaction of the consumer that read the
// event, and sent in order per dossier by a queue; an administrator sees the backlog
// and sends a failed record again.
type NationalSync struct {
	Store NationalSyncStore
}

// Record owes the portal the record of c, when c's status is news to it.
func (NationalSync) Record(ctx context.Context, tx NationalTx, c StatusChange) error {
	news, err := tx.TellStatus(ctx, followerNationalSync, c.DossierID, c.Version, string(c.Status))
	if err != nil || !news {
		return err
	}
	f, ok, err := tx.DossierFacts(ctx, c.DossierID)
	if err != nil || !ok {
		return err
	}
	loc := worktime.VietnamLocation()
	r := NationalRecord{ID: uuid.NewSHA1(recordSpace, c.EventID[:]), DossierCode: f.Code, StatusCode: c.StatusCode,
		Status: string(c.Status), ProcedureCode: f.Procedure, ReceivingAgencyCode: f.ReceivingOffice, Channel: f.Channel,
		ReceivedAt: in(c.ReceivedAt, loc), DueAt: in(c.DueAt, loc), FinishedAt: in(c.FinishedAt, loc), ChangedAt: c.At.In(loc)}
	// A dossier submitted online is not received yet (national code 1); otherwise its
	// receipt is the event's when it tells it, else intake's.
	switch {
	case c.StatusCode == 1:
		r.ReceivedAt = nil
	case r.ReceivedAt == nil:
		r.ReceivedAt = in(f.ReceivedAt, loc)
	}
	_, err = tx.AddNationalRecord(ctx, r)
	return err
}

// Backlog is how the sync stands.
func (n *NationalSync) Backlog(ctx context.Context) (SyncBacklog, error) {
	return n.Store.SyncBacklog(ctx)
}

// Failed returns the oldest records the portal never took.
func (n *NationalSync) Failed(ctx context.Context) ([]SyncRecord, error) {
	return n.Store.FailedSyncRecords(ctx, FailedListSize)
}

// Resend sends the record id again now (ErrNoSyncRecord).
func (n *NationalSync) Resend(ctx context.Context, id uuid.UUID) error {
	return n.Store.ResendSyncRecord(ctx, id)
}

// in is t in loc, nil for nil.
func in(t *time.Time, loc *time.Location) *time.Time {
	if t == nil {
		return nil
	}
	l := t.In(loc)
	return &l
}
