package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// State is a dossier as an event after Received leaves it. intake computes it with the
// rules of the dossier; status takes the newest one it has seen and judges nothing.
type State struct {
	Status            string
	StatusCode        int32
	CurrentOfficeCode string
	CurrentOfficeName string
	PendingOfficeCode string
	PendingOfficeName string
	// DueAt is the appointment; nil while the clock has not started (an online dossier
	// no desk has received yet).
	DueAt              *time.Time
	PausedAt           *time.Time
	SupplementRequests int32
	Extended           bool
	FinishedAt         *time.Time
	// Timing is the final timing (early, on_time, late); empty while open or withdrawn.
	Timing            string
	ProcessingSeconds int64
	FeeDueVND         int64
	FeePaidVND        int64
	// ResultDownloadable says the citizen can download the result now (a result given
	// electronically, completed with its file).
	ResultDownloadable bool
}

// Change is what one event after Received does to the read model: a newer state (applied
// only when the event is newer than the row) and a step of the timeline (always kept, in
// version order, once per version).
type Change struct {
	ID      uuid.UUID
	Version int64
	State   State
	// Outcome is approved or rejected for a Completed event, empty for the others. It is
	// kept whatever the order events arrive in: no state carries it.
	Outcome string
	// ReceivedAt is when a desk received an online dossier (an Admitted event), nil for
	// the other kinds; kept whatever the order, as Outcome is.
	ReceivedAt *time.Time
	// ResultFile is the result's file a Completed event names, nil for the others; kept
	// whatever the order, as Outcome is.
	ResultFile *ResultFile
	// CheckSeconds is the wait for the desk's first check of a dossier submitted online,
	// on the event of that check only; kept whatever the order, as Outcome is.
	CheckSeconds *int64
	// ResultPostOffice is the post office where the citizen collects the result, when a
	// Completed event names one (the result is then collected there); kept whatever the
	// order, as Outcome is.
	ResultPostOffice *PostOffice
	Step             Step
}

// ResultFile is the fingerprint of a result's file, as the row keeps it: never its
// bytes, which intake keeps and gives.
type ResultFile struct {
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
}

// ErrNotReceivedYet is a later event of a dossier whose Received event has not been
// folded yet (events of one dossier may arrive out of order after a relay retry): it can
// be applied once Received is, so it is to be retried, not dead-lettered.
var ErrNotReceivedYet = errors.New("the dossier's received event has not been folded yet")

// FoldChange applies c to its dossier's row in one statement. Each column of the state
// is set only when the event is newer than the row (the version compared is the row's
// latest, even when another transaction updated it meanwhile); the step joins the
// timeline unless a step of that version is already there; the offices only grow, with
// the handling office once the dossier has an appointment (it was received). A replay,
// or an older event arriving late, therefore leaves the row as it would be had the
// events come in order.
//
// An appointment once made is never unmade: a state without one (an online dossier no
// desk has received yet) leaves due_at as it is, NULL until a desk receives it, so that
// every dossier keeps its place in the staff's lists (queue_at).
func FoldChange(ctx context.Context, tx pgx.Tx, c Change) error {
	c.Step.Version = c.Version
	step, err := json.Marshal(c.Step)
	if err != nil {
		return fmt.Errorf("fold %s: %w", c.Step.Type, err)
	}
	s := c.State
	var resultPostOfficeCode, resultPostOfficeName *string
	if p := c.ResultPostOffice; p != nil {
		resultPostOfficeCode, resultPostOfficeName = &p.Code, &p.Name
	}
	tag, err := tx.Exec(ctx, `UPDATE dossiers d SET
		status              = CASE WHEN d.version < $2 THEN $3 ELSE d.status END,
		status_code         = CASE WHEN d.version < $2 THEN $4 ELSE d.status_code END,
		current_office_code = CASE WHEN d.version < $2 THEN $5 ELSE d.current_office_code END,
		current_office_name = CASE WHEN d.version < $2 THEN $6 ELSE d.current_office_name END,
		pending_office_code = CASE WHEN d.version < $2 THEN NULLIF($7, '') ELSE d.pending_office_code END,
		pending_office_name = CASE WHEN d.version < $2 THEN NULLIF($8, '') ELSE d.pending_office_name END,
		due_at              = CASE WHEN d.version < $2 THEN COALESCE($9, d.due_at) ELSE d.due_at END,
		paused_at           = CASE WHEN d.version < $2 THEN $10 ELSE d.paused_at END,
		supplement_requests = CASE WHEN d.version < $2 THEN $11 ELSE d.supplement_requests END,
		extended            = CASE WHEN d.version < $2 THEN $12 ELSE d.extended END,
		finished_at         = CASE WHEN d.version < $2 THEN $13 ELSE d.finished_at END,
		timing              = CASE WHEN d.version < $2 THEN $14 ELSE d.timing END,
		processing_seconds  = CASE WHEN d.version < $2 THEN $15 ELSE d.processing_seconds END,
		fee_due_vnd         = CASE WHEN d.version < $2 THEN $16 ELSE d.fee_due_vnd END,
		fee_paid_vnd        = CASE WHEN d.version < $2 THEN $17 ELSE d.fee_paid_vnd END,
		version             = GREATEST(d.version, $2),
		outcome             = CASE WHEN $18 <> '' THEN $18 ELSE d.outcome END,
		received_at         = COALESCE($20, d.received_at),
		result_downloadable = CASE WHEN d.version < $2 THEN $21 ELSE d.result_downloadable END,
		result_file         = COALESCE($22, d.result_file),
		check_seconds       = COALESCE($23, d.check_seconds),
		result_delivery     = CASE WHEN $24::text IS NOT NULL THEN 'post_office' ELSE d.result_delivery END,
		result_post_office_code = COALESCE($24, d.result_post_office_code),
		result_post_office_name = CASE WHEN $24::text IS NOT NULL THEN $25 ELSE d.result_post_office_name END,
		offices             = ARRAY(SELECT DISTINCT o FROM unnest(d.offices || ARRAY[$5::text, $7::text,
			CASE WHEN $9::timestamptz IS NOT NULL THEN d.handling_office_code END]) o
			WHERE o <> '' ORDER BY o),
		timeline            = CASE WHEN d.timeline @> jsonb_build_array(jsonb_build_object('version', $2::int))
			THEN d.timeline
			ELSE (SELECT jsonb_agg(e ORDER BY (e->>'version')::int)
				FROM jsonb_array_elements(d.timeline || jsonb_build_array($19::jsonb)) e) END,
		updated_at          = clock_timestamp()
		WHERE d.id = $1`,
		c.ID, c.Version, s.Status, s.StatusCode, s.CurrentOfficeCode, s.CurrentOfficeName,
		s.PendingOfficeCode, s.PendingOfficeName, s.DueAt, s.PausedAt, s.SupplementRequests, s.Extended,
		s.FinishedAt, s.Timing, s.ProcessingSeconds, s.FeeDueVND, s.FeePaidVND, c.Outcome, step, c.ReceivedAt,
		s.ResultDownloadable, c.ResultFile, c.CheckSeconds, resultPostOfficeCode, resultPostOfficeName)
	if err != nil {
		return fmt.Errorf("fold %s: %w", c.Step.Type, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("fold %s of %s: %w", c.Step.Type, c.ID, ErrNotReceivedYet)
	}
	if c.ResultPostOffice != nil {
		return namePostOffices(ctx, tx, *c.ResultPostOffice)
	}
	return nil
}
