package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/status/app/citizen"
)

var _ citizen.Dossiers = (*Store)(nil)

// shipmentRow is a row of shipments as to_jsonb writes it, the columns a citizen reads.
type shipmentRow struct {
	TrackingNumber string    `json:"tracking_number"`
	Kind           string    `json:"kind"`
	Status         string    `json:"status"`
	ReasonCode     string    `json:"reason_code"`
	UpdatedAt      time.Time `json:"updated_at"`
	// The post offices of the leg, with the names post_offices knows them by (null,
	// hence "", for one no dossier event named).
	OriginPostOfficeCode      string `json:"origin_post_office_code"`
	OriginPostOfficeName      string `json:"origin_post_office_name"`
	DestinationPostOfficeCode string `json:"destination_post_office_code"`
	DestinationPostOfficeName string `json:"destination_post_office_name"`
}

// postalStepRow is a row of shipment_steps as to_jsonb writes it, the columns a citizen
// reads.
type postalStepRow struct {
	EventID        uuid.UUID `json:"event_id"`
	At             time.Time `json:"at"`
	Type           string    `json:"type"`
	Kind           string    `json:"kind"`
	TrackingNumber string    `json:"tracking_number"`
	FromOfficeCode string    `json:"from_office_code"`
	ToOfficeCode   string    `json:"to_office_code"`
	ReasonCode     string    `json:"reason_code"`
}

// noticeRow is a notice sent as the lookup's query gives it.
type noticeRow struct {
	EventID uuid.UUID `json:"event_id"`
	Kind    string    `json:"kind"`
	Channel string    `json:"channel"`
	At      time.Time `json:"at"`
}

// ByCode returns the dossier with code, its timeline, shipments (with the names of
// their post offices) and postal steps, the result's file when the citizen can download
// it, its fees and receipts (those the timeline's payments carry) and the post office
// where the result is collected, if it is collected at one, and the notices its citizen
// was sent, in one statement (so one
// snapshot); citizen.ErrNotFound when status does not know the code.
func (s *Store) ByCode(ctx context.Context, code string) (citizen.Tracked, error) {
	var t citizen.Tracked
	var steps []Step
	var shipments []shipmentRow
	var postal []postalStepRow
	var notices []noticeRow
	var result *ResultFile
	var postOfficeCode *string
	var postOfficeName string
	err := s.pool.QueryRow(ctx, `SELECT `+summaryColumns+`, d.version, d.pin_hash,
		d.channel, d.receiving_office_code, d.receiving_office_name, d.handling_office_code, d.handling_office_name,
		d.timeline, CASE WHEN d.result_downloadable THEN d.result_file END, d.fee_due_vnd, d.fee_paid_vnd,
		CASE WHEN d.result_delivery = 'post_office' THEN d.result_post_office_code END,
		COALESCE(NULLIF(d.result_post_office_name, ''), d.result_post_office_code, ''),
		COALESCE((SELECT jsonb_agg(to_jsonb(s) || jsonb_build_object(
				'origin_post_office_name', (SELECT o.name FROM post_offices o WHERE o.code = s.origin_post_office_code),
				'destination_post_office_name', (SELECT o.name FROM post_offices o WHERE o.code = s.destination_post_office_code))
			ORDER BY s.created_at, s.tracking_number)
			FROM shipments s WHERE s.dossier_id = d.id), '[]'),
		COALESCE((SELECT jsonb_agg(to_jsonb(p) ORDER BY p.at, p.tracking_number, p.version)
			FROM shipment_steps p WHERE p.dossier_id = d.id), '[]'),
		COALESCE((SELECT jsonb_agg(jsonb_build_object('event_id', n.event_id, 'kind', n.kind, 'channel', n.channel,
			'at', n.sent_at) ORDER BY n.sent_at, n.event_id) FROM notices_sent n WHERE n.dossier_id = d.id), '[]')
		FROM dossiers d WHERE d.code = $1`, code).
		Scan(append(summaryTargets(&t.Summary), &t.Version, &t.PINHash,
			&t.Channel, &t.ReceivingOfficeCode, &t.ReceivingOfficeName, &t.HandlingOfficeCode, &t.HandlingOfficeName,
			&steps, &result, &t.FeeDueVND, &t.FeePaidVND, &postOfficeCode, &postOfficeName, &shipments, &postal, &notices)...)
	if errors.Is(err, pgx.ErrNoRows) {
		return t, citizen.ErrNotFound
	}
	if err != nil {
		return t, fmt.Errorf("track: %w", err)
	}
	for _, n := range notices {
		t.Notices = append(t.Notices, citizen.NoticeSent{EventID: n.EventID, Kind: n.Kind, Channel: n.Channel, At: n.At})
	}
	t.Timeline = make([]citizen.DossierStep, len(steps))
	for i, st := range steps {
		t.Timeline[i] = citizen.DossierStep{Version: st.Version, EventID: st.EventID, At: st.At, Type: st.Type,
			OfficeCode: st.OfficeCode, OfficeName: st.OfficeName}
		if st.Detail != nil {
			t.Timeline[i].Detail = &citizen.StepDetail{Items: st.Detail.Items, NewDueAt: st.Detail.NewDueAt}
		}
		if r := st.Receipt; r != nil {
			t.Receipts = append(t.Receipts, citizen.Receipt{Number: r.Number, AmountVND: r.AmountVND, At: st.At, Electronic: r.Online})
		}
	}
	t.Shipments = make([]citizen.ShipmentLeg, len(shipments))
	for i, row := range shipments {
		t.Shipments[i] = citizen.ShipmentLeg(row)
	}
	t.Postal = make([]citizen.PostalStep, len(postal))
	for i, row := range postal {
		t.Postal[i] = citizen.PostalStep(row)
	}
	if result != nil {
		r := citizen.ResultFile(*result)
		t.Result = &r
	}
	if postOfficeCode != nil {
		t.ResultPostOffice = &citizen.Ref{Code: *postOfficeCode, Name: postOfficeName}
	}
	return t, nil
}
