// Package calendarsync keeps every service's working-time calendar the same: intake
// stores an administrator's edit of a year and publishes it through its outbox; every
// service (intake's other instances too) follows the REFERENCE stream, keeps a copy in
// its own schema and puts the year in force in its worktime.Live. At start each service
// loads its copy, so a restart does not fall back to the shipped days.
package calendarsync

import (
	"embed"
	"fmt"

	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/messaging"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migrations returns the steps that create the calendar table in a service's schema.
func Migrations() []database.Migration {
	return database.Embedded(migrationFS, "migrations", "platform_calendar_")
}

// Subject is where the edit of year is published.
func Subject(year int) string { return fmt.Sprintf("reference.v1.calendar.%d", year) }

// Consumer is the durable consumer of calendar edits for the service named durable.
func Consumer(durable string) messaging.ConsumerOptions {
	return messaging.Durable(messaging.ReferenceStream, durable, "reference.v1.calendar.>")
}
