package infra

import (
	"slices"

	"github.com/motcua/motcua/services/platform/calendarsync"
	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/platform/sessionsync"
)

// Migrations are every step of the schema of a service that only consumes events
// (status), in order: the inbox's table, the service's own steps, then the copies of the
// calendar and of the ends of sessions that Open follows.
func Migrations(own []database.Migration) []database.Migration {
	return slices.Concat(messaging.InboxMigrations(), own, calendarsync.Migrations(), sessionsync.Migrations())
}

// PublisherMigrations are Migrations for a service that publishes events too (intake,
// postal): the outbox's table first.
func PublisherMigrations(own []database.Migration) []database.Migration {
	return slices.Concat(outbox.Migrations(), Migrations(own))
}
