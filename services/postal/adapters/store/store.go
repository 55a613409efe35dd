// Package store keeps postal's data in PostgreSQL, in the postal schema.
package store

import (
	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/outbox"
)

// Schema is postal's own schema; no other service reads it.
const Schema = "postal"

// Migrations returns every step of the postal schema: so far the event backbone's
// outbox (shipment events leave through it) and inbox (dossier events arrive through it).
func Migrations() []database.Migration {
	return append(outbox.Migrations(), messaging.InboxMigrations()...)
}
