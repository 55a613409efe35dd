package store

import "github.com/motcua/motcua/services/status/app/indicators"

// standingSQL is how a dossier row d counts in statistics: as settled_standing gives it
// once settled (withdrawn, or its final timing: early, on_time, late), or, while open,
// overdue or within_deadline at $3 (the moment its clock stopped while paused). The same
// as tracking.Standing.At.
const standingSQL = `COALESCE(settled_standing(d), CASE
	WHEN COALESCE(d.paused_at, $3) > d.due_at THEN 'overdue'
	ELSE 'within_deadline'
END)`

// scopeSQL keeps the rows of alias (a dossier, or a group of stats_sums) of an
// indicators.Filter: that belonged to office $4 and to any of the offices $6, of
// procedure $5 (each when set). A group of the sums is kept or left whole, for its
// dossiers share these columns.
func scopeSQL(alias string) string {
	return `($4::text = '' OR ` + alias + `.offices @> ARRAY[$4::text])
	AND ($5::text = '' OR ` + alias + `.procedure_code = $5)
	AND (COALESCE(cardinality($6::text[]), 0) = 0 OR ` + alias + `.offices && $6::text[])`
}

// partsSQL are the counters of the dossiers of an indicators.Filter ($1–$6) as rows of
// the columns of stats_sums from received on, each with the instant at which its part
// starts (at). Settled dossiers come summed from stats_sums: the months whole within the
// period (when months is true: a SQL condition), the days whole within it but outside
// those months. Settled dossiers received in a part of a day at either end of the period
// (none when it is whole days, as the app asks), and open ones, whose standing depends
// on $3, come one row each, through the received-at index and its partial twin of open
// dossiers.
func partsSQL(months string) string {
	return `z AS (SELECT name AS zone FROM stats_zone),
	days AS (
		SELECT zone, CASE WHEN ($1::timestamptz AT TIME ZONE zone)::time = '00:00' THEN ($1::timestamptz AT TIME ZONE zone)::date
				ELSE ($1::timestamptz AT TIME ZONE zone)::date + 1 END AS d1,
			($2::timestamptz AT TIME ZONE zone)::date AS d2
		FROM z
	),
	b AS (
		SELECT zone, d1, d2, d1::timestamp AT TIME ZONE zone AS t1, d2::timestamp AT TIME ZONE zone AS t2,
			CASE WHEN ` + months + ` THEN (date_trunc('month', (d1 - 1)::timestamp) + interval '1 month')::date ELSE d1 END AS m1,
			CASE WHEN ` + months + ` THEN date_trunc('month', d2::timestamp)::date ELSE d1 END AS m2
		FROM days
	),
	parts AS (
		SELECT s.starts_on::timestamp AT TIME ZONE b.zone AS at, ` + sumsColumns("s") + `
		FROM stats_sums s, b
		WHERE s.span = 'month' AND s.starts_on >= b.m1 AND s.starts_on < b.m2 AND ` + scopeSQL("s") + `
		UNION ALL
		SELECT s.starts_on::timestamp AT TIME ZONE b.zone, ` + sumsColumns("s") + `
		FROM stats_sums s, b
		WHERE s.span = 'day' AND s.starts_on >= b.d1 AND s.starts_on < b.d2
			AND NOT (s.starts_on >= b.m1 AND s.starts_on < b.m2) AND ` + scopeSQL("s") + `
		UNION ALL
		SELECT d.received_at, ` + rowSumsSQL + `
		FROM dossiers d CROSS JOIN LATERAL (SELECT ` + standingSQL + ` AS standing) s, b
		WHERE d.received_at >= $1 AND d.received_at < $2 AND (d.received_at < b.t1 OR d.received_at >= b.t2)
			AND (d.finished_at IS NOT NULL OR d.status = 'withdrawn') AND ` + scopeSQL("d") + `
		UNION ALL
		SELECT d.received_at, ` + rowSumsSQL + `
		FROM dossiers d CROSS JOIN LATERAL (SELECT ` + standingSQL + ` AS standing) s
		WHERE d.finished_at IS NULL AND d.status <> 'withdrawn' AND d.received_at >= $1 AND d.received_at < $2
			AND ` + scopeSQL("d") + `
	)`
}

// sumsColumns are the columns of the counters of a group of stats_sums alias, with
// within_deadline and overdue (never settled) after late, in the order rowSumsSQL gives
// them for a dossier and countersSQL sums them.
func sumsColumns(alias string) string {
	a := alias + "."
	return a + `procedure_code, ` + a + `handling_office_code, ` + a + `received, ` + a + `early, ` + a + `on_time, ` +
		a + `late, 0::bigint AS within_deadline, 0::bigint AS overdue, ` + a + `withdrawn, ` + a + `desk, ` + a + `post, ` +
		a + `online, ` + a + `processing_seconds, ` + a + `ratings, ` + a + `score_sum, ` + a + `dislikes, ` +
		a + `check_seconds, ` + a + `checked`
}

// rowSumsSQL are the columns of sumsColumns for one dossier row d, standing (s.standing)
// as standingSQL judges it.
const rowSumsSQL = `d.procedure_code, d.handling_office_code, 1::bigint,
	(s.standing = 'early')::int::bigint, (s.standing = 'on_time')::int::bigint, (s.standing = 'late')::int::bigint,
	(s.standing = 'within_deadline')::int::bigint, (s.standing = 'overdue')::int::bigint,
	(s.standing = 'withdrawn')::int::bigint, (d.channel = 'desk')::int::bigint, (d.channel = 'post')::int::bigint,
	(d.channel = 'online')::int::bigint,
	CASE WHEN s.standing IN ('early', 'on_time', 'late') THEN d.processing_seconds ELSE 0 END,
	(d.score IS NOT NULL)::int::bigint, COALESCE(d.score, 0)::bigint, COALESCE(d.score <= 2, false)::int::bigint,
	CASE WHEN d.channel = 'online' AND d.check_seconds IS NOT NULL THEN d.check_seconds ELSE 0 END,
	(d.channel = 'online' AND d.check_seconds IS NOT NULL)::int::bigint`

// countersSQL are the aggregates of Counters, in the order of counterTargets, over
// rows of partsSQL. The wait for the desk's check is that of dossiers submitted online:
// a dossier a post office took waited on the road first, which is the post's time, told
// with its legs.
const countersSQL = `COALESCE(sum(received), 0)::bigint, COALESCE(sum(early), 0)::bigint,
		COALESCE(sum(on_time), 0)::bigint, COALESCE(sum(late), 0)::bigint, COALESCE(sum(within_deadline), 0)::bigint,
		COALESCE(sum(overdue), 0)::bigint, COALESCE(sum(withdrawn), 0)::bigint, COALESCE(sum(desk), 0)::bigint,
		COALESCE(sum(post), 0)::bigint, COALESCE(sum(online), 0)::bigint,
		(sum(processing_seconds) / NULLIF(sum(early + on_time + late), 0))::float8,
		COALESCE(sum(ratings), 0)::bigint,
		(sum(score_sum)::numeric / NULLIF(sum(ratings), 0))::float8,
		COALESCE(sum(dislikes), 0)::bigint,
		(sum(check_seconds)::numeric / NULLIF(sum(checked), 0))::float8`

// counterTargets are c's fields to scan the columns of countersSQL into.
func counterTargets(c *indicators.Counters) []any {
	return []any{&c.Received, &c.Early, &c.OnTime, &c.Late, &c.WithinDeadline, &c.Overdue, &c.Withdrawn,
		&c.Desk, &c.Post, &c.Online, &c.AvgProcessingSeconds, &c.Ratings, &c.AvgScore, &c.Dislikes,
		&c.AvgCheckSeconds}
}
