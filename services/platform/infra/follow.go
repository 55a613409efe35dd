package infra

import (
	"context"
	"log/slog"

	"github.com/motcua/motcua/services/platform/calendarsync"
	"github.com/motcua/motcua/services/platform/sessionsync"
)

// follow puts the administrators' calendar in force (calendarsync.Start, through the
// durable consumer o.Calendar) and, when o.Verifier is set, makes it refuse the tokens
// of ended sessions: through the durable consumer o.Sessions (sessionsync.Start), or,
// when o.Sessions is empty, from what the service records itself (sessionsync.Keep, in
// intake, which keeps the accounts).
func (i *Infra) follow(ctx context.Context, o Options, log *slog.Logger) error {
	live, calendar, err := calendarsync.Start(ctx, i.Pool, i.NC, i.JS, o.Calendar, log)
	if err != nil {
		return err
	}
	i.Calendar, i.workers = live, calendar
	switch {
	case o.Verifier == nil:
	case o.Sessions == "":
		_, reload, err := sessionsync.Keep(ctx, i.Pool, i.NC, o.Verifier, log)
		if err != nil {
			return err
		}
		i.workers = append(i.workers, reload)
	default:
		sessions, err := sessionsync.Start(ctx, i.Pool, i.NC, i.JS, o.Sessions, o.Verifier, log)
		if err != nil {
			return err
		}
		i.workers = append(i.workers, sessions...)
	}
	return nil
}
