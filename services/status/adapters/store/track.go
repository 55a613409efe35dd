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

// Step is one entry of a dossier's timeline, as kept in the row's JSON.
type Step struct {
	Version int64     `json:"version"`
	EventID uuid.UUID `json:"event_id"`
	At      time.Time `json:"at"`
	// Type names the step: the event's kind, or result_transferred / result_accepted
	// for the legs of the result on its way back.
	Type string `json:"type"`
	// The office concerned: where a transfer goes, otherwise the office that acted.
	OfficeCode string      `json:"office_code"`
	OfficeName string      `json:"office_name"`
	Detail     *StepDetail `json:"detail,omitempty"`
}

// StepDetail is what a citizen may learn of a step beyond its name: the documents a
// supplement request asks for, the new appointment of an apology.
type StepDetail struct {
	Items    []string   `json:"items,omitempty"`
	NewDueAt *time.Time `json:"new_due_at,omitempty"`
}

// Tracked is what a citizen may see of a dossier, plus the PIN hash to check first.
type Tracked struct {
	ID            uuid.UUID
	Version       int
	Code          string
	ProcedureCode string
	ProcedureName string
	Status        string
	StatusCode    int
	ReceivedAt    time.Time
	DueAt         time.Time
	FinishedAt    *time.Time
	PausedAt      *time.Time
	// Timing is the final timing once finished (early, on_time, late); empty while open
	// and for a withdrawn dossier.
	Timing            string
	CurrentOfficeCode string
	CurrentOfficeName string
	PendingOfficeCode string
	PendingOfficeName string
	ApplicantMasked   string
	PINHash           []byte
	// The offices the dossier was received at and is handled by, to name the offices
	// of postal steps.
	ReceivingOfficeCode string
	ReceivingOfficeName string
	HandlingOfficeCode  string
	HandlingOfficeName  string
	// Timeline is the dossier's own steps, in version order.
	Timeline []Step
	// Shipments are the dossier's postal legs, in the order they were created.
	Shipments []Shipment
	// Postal is one step per shipment event, by time (then tracking number and
	// version); the answer merges it into Timeline by time.
	Postal []PostalStep
}

// Track returns the dossier with code, its timeline, shipments and postal steps in one
// statement (so one snapshot); ok is false when status does not know the code.
func (s *Store) Track(ctx context.Context, code string) (t Tracked, ok bool, err error) {
	var steps, shipments, postal []byte
	err = s.pool.QueryRow(ctx, `SELECT d.id, d.version, d.code, d.procedure_code, d.procedure_name, d.status, d.status_code,
		d.received_at, d.due_at, d.finished_at, d.paused_at, d.timing, d.current_office_code, d.current_office_name,
		COALESCE(d.pending_office_code, ''), COALESCE(d.pending_office_name, ''), d.applicant_masked,
		d.pin_hash, d.receiving_office_code, d.receiving_office_name, d.handling_office_code, d.handling_office_name,
		d.timeline,
		COALESCE((SELECT jsonb_agg(to_jsonb(s) ORDER BY s.created_at, s.tracking_number)
			FROM shipments s WHERE s.dossier_id = d.id), '[]'),
		COALESCE((SELECT jsonb_agg(to_jsonb(p) ORDER BY p.at, p.tracking_number, p.version)
			FROM shipment_steps p WHERE p.dossier_id = d.id), '[]')
		FROM dossiers d WHERE d.code = $1`, code).
		Scan(&t.ID, &t.Version, &t.Code, &t.ProcedureCode, &t.ProcedureName, &t.Status, &t.StatusCode, &t.ReceivedAt, &t.DueAt,
			&t.FinishedAt, &t.PausedAt, &t.Timing, &t.CurrentOfficeCode, &t.CurrentOfficeName,
			&t.PendingOfficeCode, &t.PendingOfficeName, &t.ApplicantMasked, &t.PINHash,
			&t.ReceivingOfficeCode, &t.ReceivingOfficeName, &t.HandlingOfficeCode, &t.HandlingOfficeName,
			&steps, &shipments, &postal)
	if errors.Is(err, pgx.ErrNoRows) {
		return t, false, nil
	}
	if err != nil {
		return t, false, fmt.Errorf("track: %w", err)
	}
	if err := json.Unmarshal(steps, &t.Timeline); err != nil {
		return t, false, fmt.Errorf("track: timeline: %w", err)
	}
	if err := json.Unmarshal(shipments, &t.Shipments); err != nil {
		return t, false, fmt.Errorf("track: shipments: %w", err)
	}
	if err := json.Unmarshal(postal, &t.Postal); err != nil {
		return t, false, fmt.Errorf("track: postal steps: %w", err)
	}
	return t, true, nil
}
