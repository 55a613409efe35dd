package store

import "github.com/motcua/motcua/services/status/app/indicators"

// standingSQL is how a dossier row d counts in statistics: withdrawn (not scored), its
// final timing once finished (early, on_time, late; judged from its finish when the row
// was folded before status knew it), or, while open, overdue or within_deadline at $3
// (the moment its clock stopped while paused). The same as tracking.Standing.At.
const standingSQL = `CASE
	WHEN d.status = 'withdrawn' THEN 'withdrawn'
	WHEN d.finished_at IS NOT NULL AND d.timing <> '' THEN d.timing
	WHEN d.finished_at IS NOT NULL THEN CASE WHEN d.finished_at > d.due_at THEN 'late' ELSE 'on_time' END
	WHEN COALESCE(d.paused_at, $3) > d.due_at THEN 'overdue'
	ELSE 'within_deadline'
END`

// statsWhereSQL selects the dossiers d of an indicators.Filter: received in [$1, $2), that
// belonged to office $4 and to any of the offices $6, of procedure $5 (each when set).
const statsWhereSQL = `d.received_at >= $1 AND d.received_at < $2
	AND ($4::text = '' OR d.offices @> ARRAY[$4::text])
	AND ($5::text = '' OR d.procedure_code = $5)
	AND (COALESCE(cardinality($6::text[]), 0) = 0 OR d.offices && $6::text[])`

// countersSQL are the aggregates of Counters, in the order of counterTargets, over rows
// with a standing (standingSQL), a channel, processing_seconds, a rating score and
// check_seconds. The wait for the desk's check is that of dossiers submitted online: a
// dossier a post office took waited on the road first, which is the post's time, told
// with its legs.
const countersSQL = `count(*),
		count(*) FILTER (WHERE standing = 'early'),
		count(*) FILTER (WHERE standing = 'on_time'),
		count(*) FILTER (WHERE standing = 'late'),
		count(*) FILTER (WHERE standing = 'within_deadline'),
		count(*) FILTER (WHERE standing = 'overdue'),
		count(*) FILTER (WHERE standing = 'withdrawn'),
		count(*) FILTER (WHERE channel = 'desk'),
		count(*) FILTER (WHERE channel = 'post'),
		count(*) FILTER (WHERE channel = 'online'),
		avg(processing_seconds) FILTER (WHERE standing IN ('early', 'on_time', 'late'))::float8,
		count(score),
		avg(score)::float8,
		count(*) FILTER (WHERE score <= 2),
		avg(check_seconds) FILTER (WHERE channel = 'online')::float8`

// counterTargets are c's fields to scan the columns of countersSQL into.
func counterTargets(c *indicators.Counters) []any {
	return []any{&c.Received, &c.Early, &c.OnTime, &c.Late, &c.WithinDeadline, &c.Overdue, &c.Withdrawn,
		&c.Desk, &c.Post, &c.Online, &c.AvgProcessingSeconds, &c.Ratings, &c.AvgScore, &c.Dislikes,
		&c.AvgCheckSeconds}
}
