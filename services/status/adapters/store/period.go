package store

import (
	"errors"
	"time"

	"github.com/motcua/motcua/services/status/app/indicators"
)

// periodArgs are the arguments $1–$11 of scopeSQL and of the sums' queries for the
// period of f: its bounds ($1, $2), the office, procedure and offices of the filter ($3–
// $5), then its whole days [$6, $7) and the whole months among them [$8, $9) (none
// unless months), as days in the zone of the sums; the part before its first whole day
// [$1, $10) and after its last [$11, $2).
func (s *Store) periodArgs(f indicators.Filter, months bool) ([]any, error) {
	if s.loc == nil {
		return nil, errors.New("statistics: no time zone (UseZone was not called)")
	}
	from, to := f.From.In(s.loc), f.To.In(s.loc)
	d1 := midnight(from)
	if d1.Before(from) {
		d1 = d1.AddDate(0, 0, 1)
	}
	d2 := midnight(to)
	t1, t2 := d1, d2
	if !d1.Before(d2) { // no whole day: every dossier of the period counts one by one
		d1, t1, t2 = d2, f.To, f.To
	}
	m1, m2 := d1, d1
	if months {
		m1 = time.Date(d1.Year(), d1.Month(), 1, 0, 0, 0, 0, s.loc)
		if m1.Before(d1) {
			m1 = m1.AddDate(0, 1, 0)
		}
		m2 = time.Date(d2.Year(), d2.Month(), 1, 0, 0, 0, 0, s.loc)
		if !m1.Before(m2) {
			m1, m2 = d1, d1
		}
	}
	return []any{f.From, f.To, f.Office, f.Procedure, f.Within, day(d1), day(d2), day(m1), day(m2), t1, t2}, nil
}

// midnight is the start of t's day, in t's zone.
func midnight(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}

// day is t's date as PostgreSQL's date type takes it: midnight UTC of the same
// calendar day.
func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// monthStarts reports whether every instant of starts but the first begins a month in
// loc: then the sums of whole months fall each in one part.
func monthStarts(starts []time.Time, loc *time.Location) bool {
	for _, t := range starts[min(1, len(starts)):] {
		t = t.In(loc)
		if !t.Equal(time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, loc)) {
			return false
		}
	}
	return true
}
