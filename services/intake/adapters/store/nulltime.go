package store

import (
	"time"

	"github.com/jackc/pgx/v5/pgtype"
)

// The domain keeps an absent time as the zero time (a dossier submitted online has no
// received_at or appointment until the desk receives it); the tables keep it as NULL.

// orZero scans a nullable timestamptz into t, the zero time for NULL.
func orZero(t *time.Time) pgtype.TimestamptzScanner { return zeroTime{t} }

type zeroTime struct{ t *time.Time }

func (z zeroTime) ScanTimestamptz(v pgtype.Timestamptz) error {
	*z.t = time.Time{}
	if v.Valid {
		*z.t = v.Time
	}
	return nil
}

// orNull is t for a nullable timestamptz column: NULL for the zero time.
func orNull(t time.Time) pgtype.Timestamptz { return pgtype.Timestamptz{Time: t, Valid: !t.IsZero()} }
