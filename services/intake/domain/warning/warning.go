// Package warning holds the rules of what staff are warned of by mail, and when: each
// working day from 07:30 an office's officers are sent the list of its open dossiers
// coming due (the digest), and a dossier that goes past its appointment is told to its
// office's supervisors once. A warning names dossiers by code and procedure, never a
// citizen. The ids of the mails are made from what they are about, so that a mail is
// queued once whatever the number of replicas deciding it or their restarts.
package warning

import (
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/worktime"
)

// Kind is what a mail to staff tells.
type Kind string

// The kinds of staff mail.
const (
	// Digest is an officer's morning list of the dossiers of their offices at risk.
	Digest Kind = "digest"
	// Late is a supervisor's warning that dossiers of their offices went late.
	Late Kind = "late"
)

// DigestAt is the local time of day from which a working day's digest is sent: 07:30,
// when the offices open; DigestUntil the time after which a day's digest not made yet
// (the product was down, or mail was set up later) is no longer sent: 17:00, when they
// close. Nobody is mailed a day's work list at night.
const (
	DigestAt    = 7*time.Hour + 30*time.Minute
	DigestUntil = 17 * time.Hour
)

// DigestDay is the working day whose digest is due at now: ok when now, in the
// calendar's time zone, is on a working day of cal (weekends, days off and worked
// weekend days as it says) from 07:30 and before 17:00.
func DigestDay(cal *worktime.Calendar, now time.Time) (worktime.Date, bool) {
	local := now.In(cal.Location())
	day := worktime.DateOf(local)
	midnight := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, cal.Location())
	if since := local.Sub(midnight); !cal.IsWorkingDay(day) || since < DigestAt || since >= DigestUntil {
		return worktime.Date{}, false
	}
	return day, true
}

// namespace makes the ids of staff mail.
var namespace = uuid.MustParse("0b7e6c2e-3f41-4d8a-9c55-8e1f4a2d7b63")

// DigestID is the id of the digest to username on day: the same day and officer always
// give the same id, so the digest is queued once.
func DigestID(day worktime.Date, username string) uuid.UUID {
	return uuid.NewSHA1(namespace, []byte(string(Digest)+"/"+day.String()+"/"+username))
}

// LateID is the id of the warning to username that the dossiers ids went late: the
// same dossiers, in any order, and supervisor always give the same id.
func LateID(username string, ids []uuid.UUID) uuid.UUID {
	sorted := slices.Clone(ids)
	slices.SortFunc(sorted, func(a, b uuid.UUID) int { return slices.Compare(a[:], b[:]) })
	b := []byte(string(Late) + "/" + username)
	for _, id := range sorted {
		b = append(b, '/')
		b = append(b, id[:]...)
	}
	return uuid.NewSHA1(namespace, b)
}
