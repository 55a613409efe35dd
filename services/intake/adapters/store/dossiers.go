package store

import (
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/sealing"
)

// Dossiers keeps dossiers in intake's schema: it implements app.DossierStore.
type Dossiers struct {
	pool *pgxpool.Pool
	// sealer seals the remembered receipts of registrations, which carry the lookup PIN.
	sealer *sealing.Sealer
}

var _ app.DossierStore = (*Dossiers)(nil)

// NewDossiers keeps dossiers in the pool's schema; sealer seals what must not rest in
// clear.
func NewDossiers(pool *pgxpool.Pool, sealer *sealing.Sealer) *Dossiers {
	return &Dossiers{pool: pool, sealer: sealer}
}
