// Package citizen is what a citizen may do with status, whatever the port: look a
// dossier up by its code and the PIN printed on the receipt (with the failures limited)
// and read it in words, and rate the service once the result is returned. The JSON API
// and the pages both go through it, so they check the PIN, refuse and limit alike.
//
// It speaks neither HTTP nor SQL: the dossiers, the ratings and the cache of recent
// views are ports (ports.go) that the adapters implement.
package citizen

import (
	"time"

	"github.com/motcua/motcua/services/platform/ratelimit"
	"github.com/motcua/motcua/services/worktime"
)

// Service answers citizens: one per status process, shared by its ports so that a
// client's failures count once whichever way it asks.
type Service struct {
	dossiers Dossiers
	ratings  Ratings
	views    Views
	pinKey   []byte
	location *time.Location
	now      func() time.Time
	calendar func() *worktime.Calendar
	guard    *ratelimit.Guard
}

// Options are what a Service is built from.
type Options struct {
	Dossiers Dossiers
	Ratings  Ratings
	Views    Views
	// PINKey is the key the receipts' PINs are hashed with.
	PINKey []byte
	// Location is the offices' time zone: the answers show times in it.
	Location *time.Location
	Now      func() time.Time
	// Calendar is the working-time clock the answers count with; a function, so that an
	// administrator's edits of the calendar are taken up without a restart.
	Calendar func() *worktime.Calendar
	Limits   Limits
}

// Limits count failed lookups per client and per dossier code, so that neither a client
// nor many clients together can guess a PIN (see ratelimit.Guard).
type Limits struct {
	ByClient *ratelimit.Limiter
	ByCode   *ratelimit.Limiter
}

// DefaultLimits are the failure limits of a running status: 10 per client, refilled
// one every 6 seconds; 20 per dossier code, refilled one a minute.
func DefaultLimits() Limits {
	return Limits{ByClient: ratelimit.New(10, 6*time.Second, 100_000), ByCode: ratelimit.New(20, time.Minute, 100_000)}
}

// NewService returns the service of o; without limits it takes DefaultLimits.
func NewService(o Options) *Service {
	if o.Limits.ByClient == nil || o.Limits.ByCode == nil {
		o.Limits = DefaultLimits()
	}
	return &Service{dossiers: o.Dossiers, ratings: o.Ratings, views: o.Views, pinKey: o.PINKey,
		location: o.Location, now: o.Now, calendar: o.Calendar, guard: ratelimit.NewGuard(o.Limits.ByClient, o.Limits.ByCode)}
}
