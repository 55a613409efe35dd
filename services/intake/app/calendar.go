package app

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/calendarsync"
	"github.com/motcua/motcua/services/worktime"
)

// Calendars lets an administrator set the working-time calendar of a year.
type Calendars struct {
	Pool  *pgxpool.Pool
	Live  *worktime.Live
	Relay Notifier
	Now   func() time.Time
}

// CalendarError is an edited year that cannot be a calendar; its message says why.
type CalendarError struct{ Reason string }

func (e *CalendarError) Error() string { return e.Reason }

// Set stores y, which replaces the shipped days of its year, publishes it to every
// service and puts it in force here at once. Appointments already given keep their
// dates: they were promised to citizens. It returns the edit's revision.
func (c *Calendars) Set(ctx context.Context, who *auth.Principal, y worktime.Year) (int64, error) {
	if err := y.Validate(); err != nil {
		return 0, &CalendarError{Reason: err.Error()}
	}
	rev, err := calendarsync.Set(ctx, c.Pool, y, who.Username, c.Now())
	if err != nil {
		return 0, err
	}
	if _, err := c.Live.Set(y, rev); err != nil {
		return 0, err
	}
	c.Relay.Notify()
	return rev, nil
}
