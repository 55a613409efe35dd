package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/dossier"
)

// workList is the home page's list of an office's dossiers, as the template shows it.
type workList struct {
	// Offices are the signed-in member of staff's offices, to choose from when several.
	Offices []option
	Office  app.OfficeRef
	Tab     string
	Tabs    []tabLink
	// Status and Text are the filters as typed, kept in the form.
	Status   string
	Statuses []option
	Text     string
	Rows     []app.WorkRow
	// First is the list's first page, set when this is a later one; Next the page after.
	First, Next string
}

// tabLink is one tab of the work list with the number of dossiers it holds.
type tabLink struct {
	Key, URL string
	Count    int
	Current  bool
}

// home answers GET /mot-cua[?office=&tab=&status=&q=&after=]: the work list of one of the
// officer's offices, earliest appointment first (tab=checking: what was submitted online
// and awaits the desk's check, oldest submission first); ?code= opens a dossier by its
// code.
func (p *Pages) home(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "home")
	q := r.URL.Query()
	if code := strings.TrimSpace(q.Get("code")); code != "" {
		http.Redirect(w, r, DossierPath+url.PathEscape(code), http.StatusSeeOther)
		return
	}
	in := app.WorkListInput{Office: strings.TrimSpace(q.Get("office")), Tab: q.Get("tab"), Status: q.Get("status"),
		Text: strings.TrimSpace(q.Get("q")), Cursor: q.Get("after")}
	if in.Tab == "" {
		in.Tab = app.TabAll
	}
	if in.Office == "" {
		in.Office = rememberedOffice(r, pg.Who)
	}
	wl := &workList{Tab: in.Tab, Status: in.Status, Text: in.Text}
	if r := []rune(wl.Text); len(r) > 200 {
		wl.Text = string(r[:200])
	}
	pg.List = wl
	page, err := p.Reader.WorkList(r.Context(), pg.Who, in)
	var fe *dossier.FieldError
	switch {
	case errors.As(err, &fe):
		pg.Errors[fe.Field] = fieldMessage(pg, fe)
		if fe.Field == "tab" || fe.Field == "cursor" {
			pg.Error = pg.Errors[fe.Field]
		}
		// The list is shown again without filters; a text too long stays in its field
		// beside the message.
		in = app.WorkListInput{Office: in.Office, Tab: app.TabAll}
		wl.Tab, wl.Status = app.TabAll, ""
		if fe.Field != "q" {
			wl.Text = ""
		}
		if page, err = p.Reader.WorkList(r.Context(), pg.Who, in); err != nil {
			p.fail(w, r, pg, err)
			return
		}
		p.fillList(r.Context(), pg, page)
		p.render(w, http.StatusUnprocessableEntity, pg)
		return
	case err != nil:
		p.fail(w, r, pg, err)
		return
	}
	p.fillList(r.Context(), pg, page)
	if len(pg.Who.Offices) > 1 && page.Office.Code != "" {
		rememberOffice(w, r, page.Office.Code)
	}
	if in.Cursor != "" {
		wl.First = listURL(page.Office.Code, in.Tab, in.Status, in.Text, "")
	}
	p.render(w, http.StatusOK, pg)
}

// fillList puts the page of the work list into pg's list, with the offices, tabs and
// statuses to choose from.
func (p *Pages) fillList(ctx context.Context, pg *page, page *app.WorkPage) {
	wl := pg.List
	wl.Office, wl.Rows = page.Office, page.Rows
	pg.Day = p.Calendar.Calendar().WorkingDayLength()
	for _, code := range pg.Who.Offices {
		wl.Offices = append(wl.Offices, option{Value: code, Label: p.Registrar.Catalog.OfficeName(ctx, code),
			Selected: code == page.Office.Code})
	}
	counts := map[string]int{app.TabAll: page.Counts.All, app.TabHere: page.Counts.Here,
		app.TabIncoming: page.Counts.Incoming, app.TabAtRisk: page.Counts.AtRisk, app.TabOverdue: page.Counts.Overdue,
		app.TabChecking: page.Counts.Checking}
	for _, t := range app.Tabs {
		wl.Tabs = append(wl.Tabs, tabLink{Key: t, URL: listURL(page.Office.Code, t, wl.Status, wl.Text, ""),
			Count: counts[t], Current: t == wl.Tab})
	}
	for _, s := range dossier.Statuses {
		vi, en := s.Labels()
		label := vi
		if pg.English() {
			label = en
		}
		wl.Statuses = append(wl.Statuses, option{Value: string(s), Label: label, Selected: string(s) == wl.Status})
	}
	if page.Next != "" {
		wl.Next = listURL(page.Office.Code, wl.Tab, wl.Status, wl.Text, page.Next)
	}
}

// listURL is the address of a page of the work list.
func listURL(office, tab, status, text, after string) string {
	v := url.Values{"office": {office}}
	if tab != "" && tab != app.TabAll {
		v.Set("tab", tab)
	}
	if status != "" {
		v.Set("status", status)
	}
	if text != "" {
		v.Set("q", text)
	}
	if after != "" {
		v.Set("after", after)
	}
	return HomePath + "?" + v.Encode()
}

// RowStatus is a row's status in the page's language, with where it is going.
func (pg *page) RowStatus(row app.WorkRow) string {
	s := row.StatusLabel
	if pg.English() {
		s = row.StatusLabelEN
	}
	if row.PendingOffice != nil {
		s += " " + pg.T("to.office", row.PendingOffice.Name)
	}
	return s
}

// RowTime says how the row's dossier stands against its appointment, in words: the
// working time left, or how long it is overdue, or its final timing once processed.
func (pg *page) RowTime(row app.WorkRow) string {
	var s string
	switch row.Timing {
	case string(dossier.WithinDeadline):
		s = pg.T("left", pg.Duration(row.Left))
	case string(dossier.Overdue):
		s = pg.T("overdue.by", pg.Duration(row.Left))
	case "":
		return ""
	default:
		return vocabulary.Timing(row.Timing).In(pg.Lang)
	}
	if row.ClockPaused {
		s += " " + pg.T("paused")
	}
	return s
}

// Duration shows working time in working days (of the calendar's length), hours and
// minutes.
func (pg *page) Duration(d time.Duration) string {
	day := pg.Day
	if day <= 0 {
		day = 8 * time.Hour
	}
	days, rest := d/day, d%day
	hours, mins := rest/time.Hour, (rest%time.Hour)/time.Minute
	var parts []string
	if days > 0 {
		parts = append(parts, pg.T("n.days", strconv.Itoa(int(days))))
	}
	if hours > 0 {
		parts = append(parts, pg.T("n.hours", strconv.Itoa(int(hours))))
	}
	if days == 0 && (mins > 0 || hours == 0) {
		parts = append(parts, pg.T("n.minutes", strconv.Itoa(int(mins))))
	}
	return strings.Join(parts, " ")
}
