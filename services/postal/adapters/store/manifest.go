package store

import (
	"context"
	"time"

	"github.com/motcua/motcua/services/postal/app"
)

// pickupDuty: shipments the post office picks up, open when the day ends or picked up
// during it. $1 post office, [$2, $3) the day.
const pickupDuty = `WHERE s.origin_post_office = $1 AND s.created_at < $3 AND (s.status IN ('created', 'accepted')
		OR EXISTS (SELECT 1 FROM shipment_events e WHERE e.shipment_id = s.id
			AND e.type IN ('accepted', 'picked_up') AND e.occurred_at >= $2 AND e.occurred_at < $3))
	ORDER BY s.from_office, s.created_at, s.id`

// deliveryDuty: shipments the post office delivers, on the way when the day ends or
// delivered, failed or returned during it.
const deliveryDuty = `WHERE s.destination_post_office = $1 AND s.created_at < $3 AND (
		s.status IN ('picked_up', 'in_transit', 'arrived', 'out_for_delivery', 'delivery_failed')
		OR EXISTS (SELECT 1 FROM shipment_events e WHERE e.shipment_id = s.id
			AND e.type IN ('out_for_delivery', 'delivered', 'delivery_failed', 'returned')
			AND e.occurred_at >= $2 AND e.occurred_at < $3))
	ORDER BY s.to_office, s.created_at, s.id`

// RunSheet returns the duties of postOffice for the day [from, to).
func (r queries) RunSheet(ctx context.Context, postOffice string, from, to time.Time) (app.RunSheet, error) {
	var sheet app.RunSheet
	var err error
	if sheet.Pickups, err = r.shipments(ctx, "manifest", pickupDuty, postOffice, from, to); err != nil {
		return sheet, err
	}
	sheet.Deliveries, err = r.shipments(ctx, "manifest", deliveryDuty, postOffice, from, to)
	return sheet, err
}
