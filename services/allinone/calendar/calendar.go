// Package calendar is the command line's editing of the working-time calendar: an
// administrator sets a year from a file, as PUT /api/v1/calendar/{year} does.
package calendar

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/allinone/intakedb"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/calendarsync"
)

// maxFile bounds the calendar file: a year is a few dozen days.
const maxFile = 1 << 20

// Set runs "calendar set --year Y [--file F] [--by NAME]": the year's calendar from F
// (standard input without it), in the shape GET /api/v1/calendar/{year} answers with.
// It writes to intake's schema on the database of databaseURL (migrating it first);
// intake publishes the edit to the other services when it runs.
func Set(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer, databaseURL string, log *slog.Logger) error {
	fs := flag.NewFlagSet("calendar set", flag.ContinueOnError)
	fs.SetOutput(stdout)
	year := fs.Int("year", 0, "the year to set, e.g. 2028")
	file := fs.String("file", "", "JSON file of the year's calendar (default: standard input)")
	by := fs.String("by", "command-line", "who makes the change, for the record")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *year == 0 {
		return errors.New("--year is required")
	}
	if databaseURL == "" {
		return errors.New("DATABASE_URL must be set")
	}
	in := stdin
	if *file != "" {
		f, err := os.Open(*file)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	data, err := io.ReadAll(io.LimitReader(in, maxFile+1))
	if err != nil {
		return fmt.Errorf("read calendar: %w", err)
	}
	if len(data) > maxFile {
		return errors.New("the calendar file is larger than 1 MiB")
	}
	var cal app.CalendarInput
	if err := json.Unmarshal(data, &cal); err != nil {
		return fmt.Errorf("the calendar file is not valid JSON: %w", err)
	}
	y, err := cal.ForYear(*year)
	if err != nil {
		return err
	}
	var rev int64
	err = intakedb.With(ctx, databaseURL, log, func(pool *pgxpool.Pool) error {
		var err error
		rev, err = (&app.Calendars{Years: calendarsync.NewYears(pool), Now: time.Now}).Set(ctx, *by, y)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "calendar %d saved (revision %d): %d days off, %d working weekend days\n",
		*year, rev, len(y.DaysOff), len(y.WorkingWeekendDays))
	return nil
}
