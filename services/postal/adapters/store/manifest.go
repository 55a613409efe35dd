package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// Manifest is a post office's run sheet for a day: what to pick up (where it starts)
// and what to deliver (where it ends), each still to do or done that day.
type Manifest struct {
	Pickups    []Shipment
	Deliveries []Shipment
}

// pickupDutySQL: shipments the post office picks up, open when the day ends or picked
// up during it. $1 post office, [$2, $3) the day.
const pickupDutySQL = `SELECT ` + shipmentColumns + shipmentFrom + `
	WHERE s.origin_post_office = $1 AND s.created_at < $3 AND (s.status IN ('created', 'accepted')
		OR EXISTS (SELECT 1 FROM shipment_events e WHERE e.shipment_id = s.id
			AND e.type IN ('accepted', 'picked_up') AND e.occurred_at >= $2 AND e.occurred_at < $3))
	ORDER BY s.from_office, s.created_at, s.id`

// deliveryDutySQL: shipments the post office delivers, on the way when the day ends or
// delivered, failed or returned during it.
const deliveryDutySQL = `SELECT ` + shipmentColumns + shipmentFrom + `
	WHERE s.destination_post_office = $1 AND s.created_at < $3 AND (
		s.status IN ('picked_up', 'in_transit', 'arrived', 'out_for_delivery', 'delivery_failed')
		OR EXISTS (SELECT 1 FROM shipment_events e WHERE e.shipment_id = s.id
			AND e.type IN ('out_for_delivery', 'delivered', 'delivery_failed', 'returned')
			AND e.occurred_at >= $2 AND e.occurred_at < $3))
	ORDER BY s.to_office, s.created_at, s.id`

// ManifestOf returns the run sheet of postOffice for the day [from, to).
func (s *Store) ManifestOf(ctx context.Context, postOffice string, from, to time.Time) (Manifest, error) {
	var m Manifest
	for _, q := range []struct {
		sql  string
		into *[]Shipment
	}{{pickupDutySQL, &m.Pickups}, {deliveryDutySQL, &m.Deliveries}} {
		rows, err := s.pool.Query(ctx, q.sql, postOffice, from, to)
		if err != nil {
			return m, fmt.Errorf("manifest: %w", err)
		}
		*q.into, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (Shipment, error) { return scanShipment(r) })
		if err != nil {
			return m, fmt.Errorf("manifest: %w", err)
		}
	}
	return m, nil
}
