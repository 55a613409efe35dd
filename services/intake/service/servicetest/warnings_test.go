package servicetest

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/mailtest"
	"github.com/motcua/motcua/services/platform/waitfor"
	"github.com/motcua/motcua/services/worktime"
)

// TestStaffWarnings: on a working Monday at 07:35 the officer of the district desk is
// mailed the one dossier of the desk due within 8 working hours, with the link to the
// desk's list of dossiers at risk, and neither the dossier due in three days nor the
// one already overdue; the officer of another office, with none at risk, is sent
// nothing. Two replicas deciding at once, and a pass later that day, mail nobody twice;
// nor is anything made on a Sunday. The supervisor of the desk is told once of the
// overdue dossier, whatever the replicas. The passes run at the test's clock, the mail
// goes through the service's own queue to a real SMTP server.
func TestStaffWarnings(t *testing.T) {
	mails := mailtest.Start(t)
	e := startWith(t, nil, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL})
	cal := e.Warnings.Calendar.Calendar()
	loc := cal.Location()
	// A Monday weeks ahead whose week is worked, so that the service's own passes, on
	// the real clock, see none of the dossiers below at risk or late.
	monday := worktime.DateOf(time.Now().In(loc).AddDate(0, 0, 21))
	for monday.Weekday() != time.Monday || !worked(cal, monday.AddDays(-3), monday, monday.AddDays(1), monday.AddDays(2), monday.AddDays(3)) {
		monday = monday.AddDays(1)
	}
	at := func(d worktime.Date, h, m int) time.Time { return time.Date(d.Year, d.Month, d.Day, h, m, 0, 0, loc) }
	morning := at(monday, 7, 35)

	soon, later, overdue := e.registerAtDistrict(t), e.registerAtDistrict(t), e.registerAtDistrict(t)
	for code, due := range map[string]time.Time{soon.Code: at(monday, 10, 0), later.Code: at(monday.AddDays(3), 10, 0),
		overdue.Code: at(monday.AddDays(-3), 16, 0)} {
		if _, err := e.DB.Exec(t.Context(), "UPDATE dossiers SET due_at = $2 WHERE code = $1", code, due); err != nil {
			t.Fatal(err)
		}
	}
	replica := func(now time.Time) *app.Warnings {
		w := *e.Warnings
		w.Now = func() time.Time { return now }
		return &w
	}
	// Two replicas at once: a result each, their sum what was queued.
	both := func(now time.Time, pass func(*app.Warnings, context.Context) (int, error)) int {
		var wg sync.WaitGroup
		var n [2]int
		var errs [2]error
		for i := range 2 {
			wg.Go(func() { n[i], errs[i] = pass(replica(now), t.Context()) })
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		return n[0] + n[1]
	}

	// Not on the Sunday before, nor on the Monday before 07:30.
	for _, now := range []time.Time{at(monday.AddDays(-1), 9, 0), at(monday, 7, 29)} {
		if n := both(now, (*app.Warnings).Digest); n != 0 {
			t.Errorf("%d digests queued at %s", n, now.Format(time.RFC1123))
		}
	}
	if got := e.count(t, "SELECT count(*) FROM staff_digests WHERE day >= $1", monday.AddDays(-1).String()); got != 0 {
		t.Errorf("%d days made before the Monday's 07:30", got)
	}
	if n := both(morning, (*app.Warnings).Digest); n != 1 {
		t.Errorf("%d digests queued by two replicas at 07:35, want 1", n)
	}
	if n, err := replica(at(monday, 9, 0)).Digest(t.Context()); err != nil || n != 0 {
		t.Errorf("the pass at 09:00 queued %d digests (%v), want none", n, err)
	}

	officer := "officer.xuanloc@" + demo.MailDomain
	var digest mailtest.Mail
	waitfor.Until(t, "the digest in the officer's mailbox", func() bool {
		got := mails.To(t, officer)
		if len(got) > 0 {
			digest = got[0]
		}
		return len(got) > 0
	})
	if !strings.Contains(digest.Subject, "1 hồ sơ sắp đến hạn") || !strings.Contains(digest.Text, soon.Code) ||
		!strings.Contains(digest.Text, "10:00 "+time.Date(monday.Year, monday.Month, monday.Day, 0, 0, 0, 0, loc).Format("02/01/2006")) ||
		!strings.Contains(digest.Text, "/mot-cua?office="+demo.DistrictDesk+"&tab=at_risk") {
		t.Errorf("the digest: %q\n%s", digest.Subject, digest.Text)
	}
	for _, code := range []string{later.Code, overdue.Code} {
		if strings.Contains(digest.Text, code) || strings.Contains(digest.HTML, code) {
			t.Errorf("the digest names %s, not at risk:\n%s", code, digest.Text)
		}
	}
	if !strings.HasPrefix(digest.MessageID, "staff-") {
		t.Errorf("the digest's Message-ID %q does not name it", digest.MessageID)
	}

	// The supervisor of every office is told of the overdue dossier, once.
	if n := both(morning, (*app.Warnings).TellLate); n != 1 {
		t.Errorf("two replicas took %d late dossiers, want 1", n)
	}
	if n, err := replica(morning.Add(time.Minute)).TellLate(t.Context()); err != nil || n != 0 {
		t.Errorf("the next pass took %d late dossiers (%v), want none", n, err)
	}
	supervisor := "supervisor.xuanloc@" + demo.MailDomain
	var warned mailtest.Mail
	waitfor.Until(t, "the late warning in the supervisor's mailbox", func() bool {
		got := mails.To(t, supervisor)
		if len(got) > 0 {
			warned = got[0]
		}
		return len(got) > 0
	})
	if !strings.Contains(warned.Text, overdue.Code) || strings.Contains(warned.Text, soon.Code) || strings.Contains(warned.Text, later.Code) ||
		!strings.Contains(warned.Text, "/giam-sat") {
		t.Errorf("the late warning: %q\n%s", warned.Subject, warned.Text)
	}
	if got := e.count(t, "SELECT count(*) FROM dossiers WHERE late_told_at IS NOT NULL"); got != 1 {
		t.Errorf("%d dossiers told late, want the overdue one", got)
	}

	// Once every mail is sent: one to each, none to the officer with nothing at risk.
	waitfor.Until(t, "the staff mail sent", func() bool {
		return e.count(t, "SELECT count(*) FROM staff_mail WHERE state <> 'sent'") == 0
	})
	for address, want := range map[string]int{officer: 1, supervisor: 1, "officer.baohoa@" + demo.MailDomain: 0} {
		if got := len(mails.To(t, address)); got != want {
			t.Errorf("%s got %d mails, want %d", address, got, want)
		}
	}
}

// worked reports whether each of days is a working day of cal.
func worked(cal *worktime.Calendar, days ...worktime.Date) bool {
	for _, d := range days {
		if !cal.IsWorkingDay(d) {
			return false
		}
	}
	return true
}
