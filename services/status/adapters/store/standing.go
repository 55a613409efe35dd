package store

import "github.com/motcua/motcua/services/status/app/indicators"

// standingSQL is how a dossier row d counts in statistics: as settled_standing gives it
// once settled (withdrawn, or its final timing: early, on_time, late), or, while open,
// overdue or within_deadline at $12 (the moment its clock stopped while paused). The same
// as tracking.Standing.At.
const standingSQL = `COALESCE(settled_standing(d), CASE
	WHEN COALESCE(d.paused_at, $12) > d.due_at THEN 'overdue'
	ELSE 'within_deadline'
END)`

// scopeSQL keeps the rows of alias (a dossier, or a group of stats_sums) of an
// indicators.Filter: that belonged to office $3 and to any of the offices $5, of
// procedure $4 (each when set). A group of the sums is kept or left whole, for its
// dossiers share these columns.
func scopeSQL(alias string) string {
	return `($3::text = '' OR ` + alias + `.offices @> ARRAY[$3::text])
	AND ($4::text = '' OR ` + alias + `.procedure_code = $4)
	AND (COALESCE(cardinality($5::text[]), 0) = 0 OR ` + alias + `.offices && $5::text[])`
}

// partsSQL are the counters of the dossiers of an indicators.Filter ($1–$5) as rows of
// the columns of stats_sums from procedure_code on, each with the instant at which its
// part starts (at), over the parts of a period that periodArgs gives ($1–$11), at the
// moment $12, the days cut in the zone $13. Settled dossiers come summed from
// stats_sums: the months whole within the period, then the days whole within it outside
// those months. Settled dossiers received in a part of a day at
// either end of the period (none when it is whole days, as the app asks) come one row
// each through the received-at index, and open ones, whose standing depends on $12 (as
// standingSQL judges it), one row each from open_dossiers.
var partsSQL = `parts AS (
		SELECT s.starts_on::timestamp AT TIME ZONE $13 AS at, ` + sumsColumns + `
		FROM stats_sums s
		WHERE s.span = 'month' AND s.starts_on >= $8 AND s.starts_on < $9 AND ` + scopeSQL("s") + `
		UNION ALL
		SELECT s.starts_on::timestamp AT TIME ZONE $13, ` + sumsColumns + `
		FROM stats_sums s
		WHERE s.span = 'day' AND s.starts_on >= $6 AND s.starts_on < $7 AND NOT (s.starts_on >= $8 AND s.starts_on < $9)
			AND ` + scopeSQL("s") + `
		UNION ALL
		SELECT d.received_at, ` + rowSumsSQL + `
		FROM dossiers d CROSS JOIN LATERAL (SELECT ` + standingSQL + ` AS standing) s
		WHERE d.received_at >= $1 AND d.received_at < $10 AND (d.finished_at IS NOT NULL OR d.status = 'withdrawn')
			AND ` + scopeSQL("d") + `
		UNION ALL
		SELECT d.received_at, ` + rowSumsSQL + `
		FROM dossiers d CROSS JOIN LATERAL (SELECT ` + standingSQL + ` AS standing) s
		WHERE d.received_at >= $11 AND d.received_at < $2 AND (d.finished_at IS NOT NULL OR d.status = 'withdrawn')
			AND ` + scopeSQL("d") + `
		UNION ALL
		SELECT o.received_at, o.procedure_code, o.handling_office_code, 1, 0, 0, 0,
			(COALESCE(o.paused_at, $12) <= o.due_at)::int, (COALESCE(o.paused_at, $12) > o.due_at)::int, 0,
			(o.channel = 'desk')::int, (o.channel = 'post')::int, (o.channel = 'online')::int, 0, 0, 0, 0,
			CASE WHEN o.channel = 'online' THEN COALESCE(o.check_seconds, 0) ELSE 0 END,
			(o.channel = 'online' AND o.check_seconds IS NOT NULL)::int
		FROM open_dossiers o
		WHERE o.received_at >= $1 AND o.received_at < $2 AND ` + scopeSQL("o") + `
	)`

// sumsColumns are the columns of the counters of a group s of stats_sums, with
// within_deadline and overdue (never settled) after late, in the order rowSumsSQL gives
// them for a dossier and countersSQL sums them.
const sumsColumns = `s.procedure_code, s.handling_office_code, s.received, s.early, s.on_time, s.late,
	0::bigint AS within_deadline, 0::bigint AS overdue, s.withdrawn, s.desk, s.post, s.online, s.processing_seconds,
	s.ratings, s.score_sum, s.dislikes, s.check_seconds, s.checked`

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
