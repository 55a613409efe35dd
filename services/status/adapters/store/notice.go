package store

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// NoticeSent is a notice intake sent a dossier's citizen, as status keeps it.
type NoticeSent struct {
	EventID, DossierID, NoticeID uuid.UUID
	Kind, Channel                string
	SentAt                       time.Time
}

// FoldNotice keeps n, once.
func FoldNotice(ctx context.Context, tx pgx.Tx, n NoticeSent) error {
	_, err := tx.Exec(ctx, `INSERT INTO notices_sent (event_id, dossier_id, notice_id, kind, channel, sent_at)
		VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING`,
		n.EventID, n.DossierID, n.NoticeID, n.Kind, n.Channel, n.SentAt)
	if err != nil {
		return fmt.Errorf("fold notice: %w", err)
	}
	return nil
}
