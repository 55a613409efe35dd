package scaledata

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/worktime"
)

// Keys are the keys the services were started with (MOTCUA_DATA_KEY and
// MOTCUA_DATA_EARLIER_KEYS, MOTCUA_PIN_KEY), decoded: personal data sealed and indexed
// with other keys would not open, nor be found, and no PIN would match.
type Keys struct {
	Data        []byte
	EarlierData [][]byte
	PIN         []byte
}

// Options shape a load.
type Options struct {
	// Seed draws every dossier; the same seed gives the same dossiers.
	Seed uint64
	// Now is the moment histories run up to (default: the time New is called).
	Now time.Time
	// Years is how far back dossiers were received (default 3).
	Years int
	Keys  Keys
	// Workers play histories and make rows (default: one per CPU) in batches of
	// BatchSize dossiers (default 1000). One writer writes the batches, one after the
	// other: status's triggers add every dossier to sums kept per day and month, and two
	// batches adding to the same sums in another order would deadlock.
	Workers, BatchSize int
	// Progress, when set, is told the number of dossiers loaded after each batch.
	Progress func(loaded int)
}

// Loader loads dossiers into a database whose schemas the services have migrated (and
// the demo data loaded), adding to what it loaded before. A Loader starts from a
// database without loaded dossiers: its numbering starts again at 0.
type Loader struct {
	pool    *pgxpool.Pool
	opts    Options
	cat     catalogue
	cal     *worktime.Calendar
	planner *planner
	builder *builder
	// serialBase is the last tracking serial postal had given before the first load.
	serialBase int
	done       int
	// observe, when set (by this package's tests), is shown every history played.
	observe func(*life)
}

// New prepares a loader on pool: it reads the numbers intake and postal have given
// already (code sequences, tracking serials) so that the loaded ones follow them.
func New(ctx context.Context, pool *pgxpool.Pool, o Options) (*Loader, error) {
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	o.Now = o.Now.Truncate(time.Second)
	if o.Years == 0 {
		o.Years = 3
	}
	if o.Workers == 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.BatchSize == 0 {
		o.BatchSize = 1000
	}
	sealer, err := sealing.New(o.Keys.Data, o.Keys.EarlierData...)
	if err != nil {
		return nil, err
	}
	var years []int
	for y := o.Now.Year() - o.Years - 1; y <= o.Now.Year()+3; y++ {
		years = append(years, y)
	}
	cal, err := worktime.DefaultCalendar(years...)
	if err != nil {
		return nil, err
	}
	l := &Loader{pool: pool, opts: o, cat: newCatalogue(), cal: cal}
	sequences, err := l.readSequences(ctx)
	if err != nil {
		return nil, err
	}
	if err := pool.QueryRow(ctx, `SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END
		FROM postal.s10_serial`).Scan(&l.serialBase); err != nil {
		return nil, fmt.Errorf("read tracking serial: %w", err)
	}
	l.planner = newPlanner(o.Seed, l.cat, cal, o.Now, o.Years, sequences)
	l.builder = &builder{cat: l.cat, sealer: sealer, pinKey: o.Keys.PIN, clock: cal}
	return l, nil
}

// Loaded is how many dossiers are loaded.
func (l *Loader) Loaded() int { return l.done }

// Now is the moment the histories run up to.
func (l *Loader) Now() time.Time { return l.opts.Now }

// Loaded is what a Load added.
type Loaded struct {
	From, To int
	// Took is the time the rows took to write, Settled the time VACUUM ANALYZE took.
	Took, Settled time.Duration
	// Rows counts the rows written per table (schema.table).
	Rows map[string]int
	// Samples are the dossiers kept for measuring (every keepEvery-th).
	Samples []Dossier
}

// Load adds dossiers until upTo are loaded, keeping every keepEvery-th of those added
// as a sample (none when keepEvery is 0), then VACUUM ANALYZEs the tables it wrote so
// that the planner knows them and index-only scans work as in a settled system.
func (l *Loader) Load(ctx context.Context, upTo, keepEvery int) (Loaded, error) {
	out := Loaded{From: l.done, To: upTo, Rows: map[string]int{}}
	if upTo <= l.done {
		return out, nil
	}
	start := time.Now()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	plans := make(chan []*plan, l.opts.Workers)
	batches := make(chan *batch, 2)
	go func() {
		defer close(plans)
		for i := l.done; i < upTo; i += l.opts.BatchSize {
			chunk := make([]*plan, 0, l.opts.BatchSize)
			for j := i; j < min(upTo, i+l.opts.BatchSize); j++ {
				chunk = append(chunk, l.planner.next(j))
			}
			select {
			case plans <- chunk:
			case <-ctx.Done():
				return
			}
		}
	}()
	var builders sync.WaitGroup
	for range l.opts.Workers {
		builders.Go(func() {
			for chunk := range plans {
				b, err := l.build(chunk, keepEvery)
				if err != nil {
					cancel(err)
					return
				}
				select {
				case batches <- b:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() { builders.Wait(); close(batches) }()
	loaded := l.done
	for b := range batches {
		if err := l.write(ctx, b); err != nil {
			cancel(err)
			for range batches { // let the builders end
			}
			break
		}
		loaded += len(b.rows[intakeDossiers])
		for t, rows := range b.rows {
			out.Rows[tables[t].schema+"."+tables[t].name] += len(rows)
		}
		out.Samples = append(out.Samples, b.samples...)
		if l.opts.Progress != nil {
			l.opts.Progress(loaded)
		}
	}
	if err := context.Cause(ctx); err != nil {
		return out, err
	}
	if err := l.finish(ctx, upTo); err != nil {
		return out, err
	}
	l.done = upTo
	out.Took = time.Since(start)
	settle := time.Now()
	if err := l.settle(ctx); err != nil {
		return out, err
	}
	out.Settled = time.Since(settle)
	return out, nil
}

// build plays the histories of a chunk of plans and makes their rows.
func (l *Loader) build(chunk []*plan, keepEvery int) (*batch, error) {
	b := &batch{}
	for _, p := range chunk {
		lf, err := live(p, l.cat, l.cal, l.opts.Now, l.serialBase+1+p.index*maxLegs)
		if err != nil {
			return nil, err
		}
		if err := errors.Join(l.builder.intakeRows(lf, b), l.builder.statusRows(lf, b), l.builder.postalRows(lf, b)); err != nil {
			return nil, err
		}
		if l.observe != nil {
			l.observe(lf)
		}
		if keepEvery > 0 && p.index%keepEvery == 0 {
			b.samples = append(b.samples, summary(lf))
		}
	}
	return b, nil
}

// write copies a batch in one transaction, table by table, parents first.
func (l *Loader) write(ctx context.Context, b *batch) error {
	return pgx.BeginFunc(ctx, l.pool, func(tx pgx.Tx) error {
		// A batch lost to a crash is loaded again by the next run: no need to wait for
		// the disk at each commit.
		if _, err := tx.Exec(ctx, "SET LOCAL synchronous_commit = off"); err != nil {
			return err
		}
		for i, t := range tables {
			if len(b.rows[i]) == 0 {
				continue
			}
			// The tables' triggers name the tables beside them without their schema, as
			// the service they belong to runs them: in its own schema.
			if _, err := tx.Exec(ctx, "SET LOCAL search_path TO "+pgx.Identifier{t.schema}.Sanitize()+", public"); err != nil {
				return err
			}
			if _, err := tx.CopyFrom(ctx, t.identifier(), t.columns, pgx.CopyFromRows(b.rows[i])); err != nil {
				return fmt.Errorf("copy into %s.%s: %w", t.schema, t.name, err)
			}
		}
		return nil
	})
}
