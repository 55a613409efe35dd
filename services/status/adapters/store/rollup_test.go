package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/platform/pgtest"
	"github.com/motcua/motcua/services/status/adapters/store"
	"github.com/motcua/motcua/services/status/app/indicators"
	"github.com/motcua/motcua/services/worktime"
)

var dbURL string

func TestMain(m *testing.M) { pgtest.Main(m, &dbURL) }

// The offices and procedures the dossiers of these tests are spread over.
var (
	offices    = []string{"O1", "O2", "O3"}
	procedures = []string{"P1", "P2"}
	statuses   = []string{"processing", "returned", "refused", "withdrawn", "processed"}
)

// addDossiers adds n dossiers in every state statistics tell apart, received over two
// months around the turn of a month, in random order.
func addDossiers(t *testing.T, pool *pgxpool.Pool, rng *rand.Rand, n int) {
	t.Helper()
	ctx := context.Background()
	base := time.Date(2026, 10, 15, 0, 0, 0, 0, worktime.VietnamLocation())
	for i := range n {
		received := base.Add(time.Duration(rng.IntN(60*24)) * time.Hour).Add(time.Duration(rng.IntN(3600)) * time.Second)
		due := received.Add(time.Duration(rng.IntN(20*24)) * time.Hour)
		status := statuses[rng.IntN(len(statuses))]
		var finished *time.Time
		timing := ""
		if status == "returned" || status == "refused" || status == "processed" {
			f := received.Add(time.Duration(rng.IntN(25*24)) * time.Hour)
			finished = &f
			if rng.IntN(4) > 0 { // some folded before status knew the timing
				timing = []string{"early", "on_time", "late"}[rng.IntN(3)]
			}
		}
		var paused *time.Time
		if finished == nil && rng.IntN(3) == 0 {
			p := received.Add(time.Hour)
			paused = &p
		}
		var check *int64
		channel := []string{"desk", "post", "online"}[rng.IntN(3)]
		if channel == "online" && rng.IntN(3) > 0 {
			c := int64(rng.IntN(30000))
			check = &c
		}
		office := offices[rng.IntN(len(offices))]
		handling := offices[rng.IntN(len(offices))]
		procedure := procedures[rng.IntN(len(procedures))]
		_, err := pool.Exec(ctx, `INSERT INTO dossiers (id, code, procedure_code, procedure_name,
			receiving_office_code, receiving_office_name, handling_office_code, handling_office_name,
			current_office_code, current_office_name, channel, status, status_code, applicant_masked, pin_hash,
			received_at, due_at, time_limit_hours, result_delivery, version, timeline, offices, finished_at, timing,
			paused_at, processing_seconds, check_seconds)
			VALUES ($1, $2, $3, 'Thủ tục ' || $3, $4, 'Văn phòng ' || $4, $5, 'Văn phòng ' || $5, $4, 'Văn phòng ' || $4,
			$6, $7, 1, 'N***', '', $8, $9, 8, 'desk', 1, '[]',
			ARRAY(SELECT DISTINCT o FROM unnest(ARRAY[$4::text, $5::text]) o ORDER BY o), $10, $11, $12, $13, $14)`,
			uuid.New(), fmt.Sprintf("C-%d", i), procedure, office, handling, channel, status, received, due, finished,
			timing, paused, rng.Int64N(100000), check)
		if err != nil {
			t.Fatal(err)
		}
	}
}

// addLegs gives every third dossier a pickup and a delivery, some delivered (the rest
// are delivered by stir).
func addLegs(t *testing.T, pool *pgxpool.Pool) {
	t.Helper()
	_, err := pool.Exec(context.Background(), `INSERT INTO shipments (id, tracking_number, dossier_id, kind, status,
		created_at, updated_at, version, origin_post_office_code, destination_post_office_code, accepted_at, delivered_at)
		SELECT gen_random_uuid(), 'EE' || k || d.code, d.id, k, 'created', d.received_at, d.received_at, 1,
			CASE k WHEN 'pickup' THEN 'PO' || (hashtext(d.code) & 1) ELSE '' END,
			CASE k WHEN 'delivery' THEN 'PO' || (hashtext(d.code) & 3) ELSE '' END,
			d.received_at + interval '1 hour',
			CASE WHEN hashtext(d.code) & 4 = 0 THEN d.received_at + interval '30 hours' END
		FROM dossiers d CROSS JOIN (VALUES ('pickup'), ('delivery')) AS l (k)
		WHERE hashtext(d.code) % 3 = 0`)
	if err != nil {
		t.Fatal(err)
	}
}

// stir changes the dossiers as later events would: some finish, some are rated, some
// move to another office, some are withdrawn, one is received later than thought.
func stir(t *testing.T, pool *pgxpool.Pool) {
	t.Helper()
	for _, sql := range []string{
		`UPDATE dossiers SET status = 'processed', finished_at = received_at + interval '3 days', timing = 'on_time',
			processing_seconds = 7200 WHERE finished_at IS NULL AND status <> 'withdrawn' AND code LIKE '%3'`,
		`UPDATE dossiers SET status = 'returned' WHERE status = 'processed' AND code LIKE '%5'`,
		`INSERT INTO ratings (dossier_id, score) SELECT id, 1 + (hashtext(code) & 3) FROM dossiers WHERE status = 'returned'`,
		`UPDATE dossiers SET offices = ARRAY(SELECT DISTINCT o FROM unnest(offices || ARRAY['O4']) o ORDER BY o)
			WHERE code LIKE '%7'`,
		`UPDATE dossiers SET status = 'withdrawn' WHERE code LIKE '%11'`,
		`UPDATE dossiers SET received_at = received_at + interval '20 days' WHERE code LIKE '%9'`,
		`UPDATE dossiers SET paused_at = NULL, due_at = due_at + interval '2 days' WHERE code LIKE '%2'`,
		`UPDATE shipments SET delivered_at = created_at + interval '2 days' WHERE delivered_at IS NULL AND tracking_number LIKE '%1'`,
		`UPDATE shipments SET accepted_at = NULL WHERE tracking_number LIKE '%8'`,
		`DELETE FROM shipments WHERE tracking_number LIKE '%6'`,
		`DELETE FROM dossiers WHERE code LIKE '%13' AND id NOT IN (SELECT dossier_id FROM ratings)
			AND id NOT IN (SELECT dossier_id FROM shipments)`,
	} {
		if _, err := pool.Exec(context.Background(), sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
}

// sums reads stats_sums, the groups that count nothing left out, and open_dossiers.
func sums(t *testing.T, pool *pgxpool.Pool) map[string]string {
	t.Helper()
	rows, err := pool.Query(context.Background(), `SELECT s::text FROM stats_sums s
		WHERE (received, early, on_time, late, withdrawn, desk, post, online, processing_seconds, ratings, score_sum,
			dislikes, check_seconds, checked) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
		UNION ALL SELECT o::text FROM open_dossiers o
		UNION ALL SELECT k::text FROM leg_sums_kept k WHERE (legs, millis) <> (0, 0)`)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out[s] = s
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// The sums, the open dossiers and the legs' sums the triggers keep, row change after row
// change, are those a recount from the dossiers and shipments gives.
func TestSumsFollowEveryChangeOfTheDossiers(t *testing.T) {
	pool, _ := pgtest.NewSchema(t, dbURL, store.Migrations()...)
	rng := rand.New(rand.NewPCG(1, 2))
	addDossiers(t, pool, rng, 400)
	addLegs(t, pool)
	stir(t, pool)
	kept := sums(t, pool)
	var legs int
	if err := pool.QueryRow(context.Background(), `SELECT count(*) FROM leg_sums_kept WHERE legs > 0`).Scan(&legs); err != nil || legs == 0 {
		t.Fatalf("no legs' sums kept (%v)", err)
	}
	if _, err := pool.Exec(context.Background(), `SELECT figures_rebuild()`); err != nil {
		t.Fatal(err)
	}
	recounted := sums(t, pool)
	for k := range recounted {
		if _, ok := kept[k]; !ok {
			t.Errorf("recounted, not kept: %s", k)
		}
	}
	for k := range kept {
		if _, ok := recounted[k]; !ok {
			t.Errorf("kept, not recounted: %s", k)
		}
	}
}

// rawCounters counts the dossiers of f from their rows one by one: the oracle the sums
// must agree with.
func rawCounters(t *testing.T, pool *pgxpool.Pool, f indicators.Filter) indicators.Counters {
	t.Helper()
	var c indicators.Counters
	err := pool.QueryRow(context.Background(), `WITH d AS (
		SELECT d.*, COALESCE(settled_standing(d), CASE WHEN COALESCE(d.paused_at, $3) > d.due_at THEN 'overdue'
			ELSE 'within_deadline' END) AS standing
		FROM dossiers d
		WHERE d.received_at >= $1 AND d.received_at < $2
			AND ($4::text = '' OR d.offices @> ARRAY[$4::text]) AND ($5::text = '' OR d.procedure_code = $5)
			AND (COALESCE(cardinality($6::text[]), 0) = 0 OR d.offices && $6::text[]))
	SELECT count(*), count(*) FILTER (WHERE standing = 'early'), count(*) FILTER (WHERE standing = 'on_time'),
		count(*) FILTER (WHERE standing = 'late'), count(*) FILTER (WHERE standing = 'within_deadline'),
		count(*) FILTER (WHERE standing = 'overdue'), count(*) FILTER (WHERE standing = 'withdrawn'),
		count(*) FILTER (WHERE channel = 'desk'), count(*) FILTER (WHERE channel = 'post'),
		count(*) FILTER (WHERE channel = 'online'),
		avg(processing_seconds) FILTER (WHERE standing IN ('early', 'on_time', 'late'))::float8,
		count(score), avg(score)::float8, count(*) FILTER (WHERE score <= 2),
		avg(check_seconds) FILTER (WHERE channel = 'online')::float8
	FROM d`, f.From, f.To, f.Now, f.Office, f.Procedure, f.Within).Scan(&c.Received, &c.Early, &c.OnTime, &c.Late,
		&c.WithinDeadline, &c.Overdue, &c.Withdrawn, &c.Desk, &c.Post, &c.Online, &c.AvgProcessingSeconds,
		&c.Ratings, &c.AvgScore, &c.Dislikes, &c.AvgCheckSeconds)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Figures from the sums are those counted dossier by dossier, for periods of whole days
// and months, for bounds inside a day, and for every filter; after the zone changes too.
func TestFiguresFromTheSumsAreThoseOfTheRows(t *testing.T) {
	pool, _ := pgtest.NewSchema(t, dbURL, store.Migrations()...)
	st := store.New(pool)
	ctx := context.Background()
	if err := st.UseZone(ctx, worktime.VietnamLocation()); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	addDossiers(t, pool, rng, 600)
	stir(t, pool)
	loc := worktime.VietnamLocation()
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, loc) }
	periods := [][2]time.Time{
		{day(10, 1), day(1, 1).AddDate(1, 0, 0)},                           // whole months
		{day(10, 20), day(12, 3)},                                          // a month and days either side
		{day(11, 4), day(11, 18)},                                          // days within a month
		{day(10, 20).Add(5 * time.Hour), day(11, 2).Add(30 * time.Minute)}, // parts of days
		{day(11, 5).Add(time.Hour), day(11, 5).Add(9 * time.Hour)},         // within a day
	}
	filters := []indicators.Filter{{}, {Office: "O2"}, {Procedure: "P1"}, {Within: []string{"O1", "O4"}},
		{Office: "O3", Procedure: "P2", Within: []string{"O3"}}}
	check := func(label string) {
		for _, p := range periods {
			for _, f := range filters {
				f.From, f.To, f.Now = p[0], p[1], day(11, 20)
				want := rawCounters(t, pool, f)
				got, err := st.Breakdown(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if d := diff(got.Total, want); d != "" {
					t.Errorf("%s: %v–%v %+v: %s", label, f.From, f.To, f, d)
				}
				series, err := st.Series(ctx, f, []time.Time{f.From})
				if err != nil {
					t.Fatal(err)
				}
				if d := diff(series[0], want); d != "" {
					t.Errorf("%s series: %v–%v %+v: %s", label, f.From, f.To, f, d)
				}
			}
		}
	}
	check("Asia/Ho_Chi_Minh")
	if err := st.UseZone(ctx, time.UTC); err != nil {
		t.Fatal(err)
	}
	loc = time.UTC
	check("UTC")
}

// diff tells how got differs from want, averages to a millionth.
func diff(got, want indicators.Counters) string {
	avg := func(p *float64) string {
		if p == nil {
			return "nil"
		}
		return fmt.Sprintf("%.6f", *p)
	}
	g := fmt.Sprintf("%d %d %d %d %d %d %d %d %d %d %d %d %s %s %s", got.Received, got.Early, got.OnTime, got.Late,
		got.WithinDeadline, got.Overdue, got.Withdrawn, got.Desk, got.Post, got.Online, got.Ratings, got.Dislikes,
		avg(got.AvgProcessingSeconds), avg(got.AvgScore), avg(got.AvgCheckSeconds))
	w := fmt.Sprintf("%d %d %d %d %d %d %d %d %d %d %d %d %s %s %s", want.Received, want.Early, want.OnTime, want.Late,
		want.WithinDeadline, want.Overdue, want.Withdrawn, want.Desk, want.Post, want.Online, want.Ratings, want.Dislikes,
		avg(want.AvgProcessingSeconds), avg(want.AvgScore), avg(want.AvgCheckSeconds))
	if g == w {
		return ""
	}
	return "got " + g + ", want " + w
}
