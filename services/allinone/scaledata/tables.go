package scaledata

import "github.com/jackc/pgx/v5"

// table is a table the loader fills, with the columns it fills, in the order of its
// rows' values. Columns not named keep their defaults (and generated columns, such as
// status's queue_at, their expressions).
type table struct {
	schema, name string
	columns      []string
}

func (t table) identifier() pgx.Identifier { return pgx.Identifier{t.schema, t.name} }

// The tables, each after those its foreign keys point to: the order a batch is written
// in.
const (
	intakeDossiers = iota
	intakeSteps
	statusDossiers
	statusRatings
	statusShipments
	statusShipmentSteps
	postalDossiers
	postalDossierOffices
	postalDossierHolders
	postalShipments
	postalShipmentEvents
	tableCount
)

var tables = [tableCount]table{
	intakeDossiers: {"intake", "dossiers", []string{"id", "code", "procedure_code", "receiving_office",
		"handling_office", "current_office", "channel", "status", "status_code", "received_at", "due_at",
		"time_limit_hours", "applicant_name", "applicant_name_folded", "applicant_id_sealed", "applicant_id_index",
		"applicant_phone_sealed", "applicant_phone_index", "applicant_email_sealed", "applicant_address_sealed",
		"documents", "result_delivery", "result_address_sealed", "fee_due_vnd", "fee_paid_vnd", "pin_hash", "version",
		"registered_by", "created_at", "pending_office", "original_due_at", "paused_at", "paused_seconds",
		"supplement_requests", "extended", "finished_at", "timing", "outcome", "fee_receipt_number", "pin_sealed",
		"submitted_at", "contact_channel", "contact_index", "lang", "late_told_at"}},
	intakeSteps: {"intake", "dossier_steps", []string{"dossier_id", "version", "action", "at", "actor", "office",
		"from_office", "to_office", "via", "timing", "note", "reason", "details"}},
	statusDossiers: {"status", "dossiers", []string{"id", "code", "procedure_code", "procedure_name",
		"receiving_office_code", "receiving_office_name", "handling_office_code", "handling_office_name",
		"current_office_code", "current_office_name", "channel", "status", "status_code", "applicant_masked",
		"pin_hash", "received_at", "due_at", "time_limit_hours", "finished_at", "result_delivery", "fee_due_vnd",
		"fee_paid_vnd", "version", "timeline", "updated_at", "pending_office_code", "pending_office_name",
		"paused_at", "supplement_requests", "extended", "timing", "processing_seconds", "outcome", "offices",
		"submitted_at", "result_downloadable", "result_file", "check_seconds", "result_post_office_code",
		"result_post_office_name"}},
	statusRatings: {"status", "ratings", []string{"dossier_id", "score", "criteria", "comment", "created_at"}},
	statusShipments: {"status", "shipments", []string{"id", "tracking_number", "dossier_id", "kind", "status",
		"reason_code", "from_office_code", "to_office_code", "created_at", "updated_at", "version",
		"origin_post_office_code", "destination_post_office_code", "accepted_at", "delivered_at"}},
	statusShipmentSteps: {"status", "shipment_steps", []string{"event_id", "shipment_id", "dossier_id", "version",
		"at", "type", "kind", "tracking_number", "from_office_code", "to_office_code", "reason_code"}},
	postalDossiers: {"postal", "dossiers", []string{"id", "code", "receiving_office", "procedure_name",
		"pickup_address_sealed", "delivery_address_sealed"}},
	postalDossierOffices: {"postal", "dossier_offices", []string{"dossier_id", "office"}},
	postalDossierHolders: {"postal", "dossier_holders", []string{"dossier_id", "office", "version"}},
	postalShipments: {"postal", "shipments", []string{"id", "tracking_number", "kind", "status", "dossier_id",
		"from_office", "to_office", "address_sealed", "origin_post_office", "destination_post_office",
		"failed_attempts", "first_failed_at", "seal_number", "postage_vnd", "paid_by", "last_event_at", "version",
		"source", "returns_tracking_number", "created_at", "fee_collected_vnd"}},
	postalShipmentEvents: {"postal", "shipment_events", []string{"event_id", "shipment_id", "version", "type",
		"occurred_at", "recorded_at", "username", "post_office", "automatic", "seal_number", "reason_code",
		"action_code", "relation"}},
}

// batch is the rows of some dossiers, by table, written in one transaction.
type batch struct {
	rows    [tableCount][][]any
	samples []Dossier
}

func (b *batch) add(t int, values ...any) { b.rows[t] = append(b.rows[t], values) }
