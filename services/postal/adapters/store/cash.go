package store

import (
	"context"
	"time"

	"github.com/motcua/motcua/services/postal/app"
)

// counterPickups: the pickups a post office took on an authority's behalf, at its counter
// (they start there) or at a citizen's door (a pickup asked online), opened in [$2, $3)
// (when the worker registered the dossier and took the money), by the office each goes
// to. $1 is the post office.
const counterPickups = `WHERE s.kind = 'pickup' AND s.origin_post_office = $1 AND s.to_office <> ''
	AND (s.from_office = $1 OR EXISTS (SELECT 1 FROM pickup_requests p WHERE p.tracking_number = s.tracking_number))
	AND s.created_at >= $2 AND s.created_at < $3
	ORDER BY s.to_office, s.created_at, s.id`

// CounterPickups lists the pickups postOffice took at its counter during [from, to), by the
// office each goes to, then oldest first.
func (r queries) CounterPickups(ctx context.Context, postOffice string, from, to time.Time) ([]app.ShipmentRecord, error) {
	return r.shipments(ctx, "cash statement", counterPickups, postOffice, from, to)
}
