package app

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/domain/warning"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/web/session"
	"github.com/motcua/motcua/services/worktime"
)

// Warnings warns staff by mail of the dossiers that need them. Each working day from
// 07:30 (Digest), every officer with an e-mail address is sent the open dossiers of
// their offices at risk: due within AtRiskHours working hours and not yet overdue,
// soonest first; an officer with none is sent nothing. And a dossier whose appointment
// passed (TellLate) is told once to the supervisors of its office who have an address.
// Each pass queues its mails in the transaction that decides them (the day's digest
// recorded as made, the dossiers marked told), and a queue sends them (Deliver).
type Warnings struct {
	Store    WarningStore
	Calendar *worktime.Live
	Catalog  *Catalog
	// AtRiskHours is MOTCUA_AT_RISK_HOURS: an open dossier due within this many working
	// hours is at risk.
	AtRiskHours int
	// Mail says staff mail can be sent (an SMTP server is set). Without it no digest is
	// made, and a dossier that goes late is marked told with nobody written to, so that
	// a mail server set up later is not flooded with old warnings.
	Mail bool
	Send StaffMailer
	// PublicURL is the address staff reach the product at, for the links of the mails.
	PublicURL string
	Now       func() time.Time
}

// WarningStore is where warnings find their dossiers and addressees and queue mail.
type WarningStore interface {
	// Addressees are the accounts of role that are not disabled and have an e-mail
	// address, by username, each with its offices.
	Addressees(ctx context.Context, role string) ([]Addressee, error)
	// AtRisk is the open, received and unfinished dossiers held by one of offices whose
	// clock runs and whose appointment is in [from, until], soonest first: at risk at
	// from (worktime.Calendar.AtRisk) when until is AtRiskUntil(from).
	AtRisk(ctx context.Context, offices []string, from, until time.Time) ([]WarnedDossier, error)
	// Digest queues the mails build makes, in one transaction that records day's digest
	// as made, unless it was made already (made false): once a day, whatever the
	// replicas or restarts.
	Digest(ctx context.Context, day worktime.Date, build func(ctx context.Context) ([]StaffMail, error)) (made bool, err error)
	// TellLate takes, locked, up to limit open dossiers that went past their appointment
	// by now and were never told, hands them to tell, queues the mails it makes and marks
	// the dossiers told, in one transaction; it returns how many it took.
	TellLate(ctx context.Context, now time.Time, limit int, tell func(ctx context.Context, late []WarnedDossier) ([]StaffMail, error)) (int, error)
}

// StaffMailer sends a mail to staff under its id.
type StaffMailer interface {
	StaffMail(ctx context.Context, id uuid.UUID, m StaffMail) error
}

// Addressee is a member of staff who can be written to.
type Addressee struct {
	Username, Email string
	Offices         []string
}

// WarnedDossier is a dossier as a warning names it: no citizen, only the code, the
// procedure, where it is, how it stands and when it is due.
type WarnedDossier struct {
	ID            uuid.UUID
	Code          string
	ProcedureCode string
	Office        string
	Status        string
	DueAt         time.Time
}

// StaffMail is a mail to a member of staff, rendered, as its queue keeps it.
type StaffMail struct {
	ID      uuid.UUID    `json:"-"`
	Kind    warning.Kind `json:"kind"`
	To      string       `json:"to"`
	Subject string       `json:"subject"`
	Text    string       `json:"text"`
	HTML    string       `json:"html"`
}

// lateBatch is how many late dossiers one transaction takes.
const lateBatch = 100

// Digest makes the day's digests when they are due (a working day, from 07:30) and
// were not made yet, and says how many it queued.
func (w *Warnings) Digest(ctx context.Context) (int, error) {
	if !w.Mail {
		return 0, nil
	}
	now := w.Now()
	cal := w.Calendar.Calendar()
	day, due := warning.DigestDay(cal, now)
	if !due {
		return 0, nil
	}
	until := cal.AtRiskUntil(now, w.AtRiskHours)
	var queued int
	_, err := w.Store.Digest(ctx, day, func(ctx context.Context) ([]StaffMail, error) {
		officers, err := w.Store.Addressees(ctx, auth.RoleOfficer)
		if err != nil {
			return nil, err
		}
		var out []StaffMail
		for _, o := range officers {
			risky, err := w.Store.AtRisk(ctx, o.Offices, now, until)
			if err != nil {
				return nil, err
			}
			if len(risky) == 0 {
				continue
			}
			m, err := w.render(ctx, warning.Digest, o, risky, day)
			if err != nil {
				return nil, err
			}
			m.ID = warning.DigestID(day, o.Username)
			out = append(out, m)
		}
		queued = len(out)
		return out, nil
	})
	if err != nil {
		return 0, fmt.Errorf("digest of %s: %w", day, err)
	}
	return queued, nil
}

// TellLate tells the supervisors of the dossiers that went late since the last pass,
// one mail to each supervisor per batch, and says how many dossiers it took.
func (w *Warnings) TellLate(ctx context.Context) (int, error) {
	now := w.Now()
	total := 0
	for {
		n, err := w.Store.TellLate(ctx, now, lateBatch, func(ctx context.Context, late []WarnedDossier) ([]StaffMail, error) {
			if !w.Mail {
				return nil, nil
			}
			supervisors, err := w.Store.Addressees(ctx, auth.RoleSupervisor)
			if err != nil {
				return nil, err
			}
			var out []StaffMail
			for _, s := range supervisors {
				var theirs []WarnedDossier
				ids := []uuid.UUID{}
				for _, d := range late {
					if slices.Contains(s.Offices, d.Office) {
						theirs = append(theirs, d)
						ids = append(ids, d.ID)
					}
				}
				if len(theirs) == 0 {
					continue
				}
				m, err := w.render(ctx, warning.Late, s, theirs, worktime.DateOf(now.In(w.Calendar.Calendar().Location())))
				if err != nil {
					return nil, err
				}
				m.ID = warning.LateID(s.Username, ids)
				out = append(out, m)
			}
			return out, nil
		})
		total += n
		if err != nil {
			return total, fmt.Errorf("tell late dossiers: %w", err)
		}
		if n < lateBatch {
			return total, nil
		}
	}
}

// Deliver sends the queued staff mail with id (its payload as queued).
func (w *Warnings) Deliver(ctx context.Context, id uuid.UUID, payload []byte) Delivery {
	var m StaffMail
	if err := json.Unmarshal(payload, &m); err != nil || m.To == "" {
		return Delivery{Err: fmt.Errorf("staff mail %s: unreadable", id), Permanent: true}
	}
	return Delivery{Err: w.Send.StaffMail(ctx, id, m)}
}

// workListLink is the address of office's list of dossiers on its tab.
func (w *Warnings) workListLink(office, tab string) string {
	return w.PublicURL + session.DeskHome + "?" + url.Values{"office": {office}, "tab": {tab}}.Encode()
}
