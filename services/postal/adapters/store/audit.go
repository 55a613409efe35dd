package store

import (
	"context"
	"fmt"

	"github.com/google/uuid"
)

// RecordReads audits a member of staff's reads of the personal data of shipments.
func (r queries) RecordReads(ctx context.Context, shipmentIDs []uuid.UUID, username, purpose string) error {
	if len(shipmentIDs) == 0 {
		return nil
	}
	_, err := r.db.Exec(ctx, `INSERT INTO personal_data_reads (shipment_id, username, purpose)
		SELECT unnest($1::uuid[]), $2, $3`, shipmentIDs, username, purpose)
	if err != nil {
		return fmt.Errorf("audit personal data reads: %w", err)
	}
	return nil
}
