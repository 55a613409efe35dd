package rest

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/status/app/stafflist"
	"github.com/motcua/motcua/services/worktime"
)

// The page sizes of staff lists.
const (
	defaultListLimit = 50
	maxListLimit     = 200
)

type listItemJSON struct {
	summaryJSON
	Channel string `json:"channel"`
}

type listJSON struct {
	Items      []listItemJSON `json:"items"`
	NextCursor *string        `json:"next_cursor"`
}

// list answers GET /dossiers: a page of the dossiers of the caller's offices (or of one
// of them), by appointment (a dossier submitted online and not received yet, by its
// submission), with filters. status=submitted is a desk's list of what awaits checking,
// the oldest submission first; at_risk=true the open dossiers due within
// MOTCUA_AT_RISK_HOURS working hours, the soonest due first.
func (a *API) list(w http.ResponseWriter, r *http.Request) {
	p := auth.FromContext(r.Context())
	now := a.Now()
	f, err := a.listFilter(r, p, now)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	page, err := a.Lists.Page(r.Context(), f)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := listJSON{Items: make([]listItemJSON, 0, len(page.Dossiers))}
	if page.Next != nil {
		c := encodeCursor(*page.Next)
		out.NextCursor = &c
	}
	lang := httpapi.Language(r)
	for _, d := range page.Dossiers {
		item := listItemJSON{summaryJSON: summaryJSON{
			Code: d.Code, Procedure: ref{Code: d.ProcedureCode, Name: d.ProcedureName},
			Status: d.Status, StatusCode: d.StatusCode, StatusLabel: vocabulary.Status(d.Status).In(lang),
			SubmittedAt: a.localIfAny(d.SubmittedAt),
			ReceivedAt:  a.localIfAny(d.ReceivedAt), DueAt: a.localIfAny(d.DueAt),
			Timing:        timingJSON(d.Standing.At(now, a.Location)),
			CurrentOffice: ref{Code: d.CurrentOfficeCode, Name: d.CurrentOfficeName},
			Applicant:     d.ApplicantMasked,
		}, Channel: d.Channel}
		if d.PendingOfficeCode != "" {
			item.PendingOffice = &ref{Code: d.PendingOfficeCode, Name: d.PendingOfficeName}
		}
		out.Items = append(out.Items, item)
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Language", string(lang))
	httpapi.WriteJSON(w, http.StatusOK, out)
}

// listFilter reads the query of a staff list, or says what is wrong with it.
func (a *API) listFilter(r *http.Request, p *auth.Principal, now time.Time) (stafflist.Filter, error) {
	q := r.URL.Query()
	f := stafflist.Filter{Now: now, Limit: defaultListLimit, Offices: slices.Clone(p.Offices)}
	if office := strings.TrimSpace(q.Get("office")); office != "" {
		if !p.InOffice(office) {
			return f, httpapi.Forbidden("list_not_your_office")
		}
		f.Offices = []string{office}
	}
	if s := strings.TrimSpace(q.Get("status")); s != "" {
		if !vocabulary.KnownStatus(s) {
			return f, invalid("status", "unknown_status",
				strings.Join(vocabulary.Statuses(), ", "))
		}
		f.Status = s
	}
	if s := strings.TrimSpace(q.Get("due_before")); s != "" {
		t, err := a.instantOrDay(s)
		if err != nil {
			return f, invalid("due_before", "invalid_time")
		}
		f.DueBefore = &t
	}
	var err error
	if f.Late, err = boolean(q, "late"); err != nil {
		return f, err
	}
	if f.AtRisk, err = boolean(q, "at_risk"); err != nil {
		return f, err
	}
	if f.Late && f.AtRisk {
		// An overdue dossier is late, not at risk: together they would list nothing.
		return f, invalid("at_risk", "not_with_late")
	}
	if s := strings.TrimSpace(q.Get("limit")); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxListLimit {
			return f, invalid("limit", "out_of_range", maxListLimit)
		}
		f.Limit = n
	}
	if s := q.Get("cursor"); s != "" {
		pos, ok := decodeCursor(s)
		if !ok {
			return f, httpapi.Problem(http.StatusBadRequest, "cursor", "invalid_cursor")
		}
		f.After = &pos
	}
	return f, nil
}

// boolean reads the flag name of q: true or 1, false or 0, or absent (false).
func boolean(q url.Values, name string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(q.Get(name))) {
	case "", "false", "0":
		return false, nil
	case "true", "1":
		return true, nil
	default:
		return false, invalid(name, "invalid_boolean")
	}
}

// instantOrDay reads an RFC 3339 time, or a date meaning the start of that day in the
// offices' time zone (so "due before 2026-03-10" leaves out the dossiers due that day).
func (a *API) instantOrDay(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	d, err := worktime.ParseDate(s)
	if err != nil {
		return time.Time{}, err
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, a.Location), nil
}

// encodeCursor writes a position as an opaque token: base64url of "<time>|<id>".
func encodeCursor(p stafflist.Position) string {
	return base64.RawURLEncoding.EncodeToString([]byte(p.At.UTC().Format(time.RFC3339Nano) + "|" + p.ID.String()))
}

func decodeCursor(s string) (stafflist.Position, bool) {
	if len(s) > 200 {
		return stafflist.Position{}, false
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return stafflist.Position{}, false
	}
	at, id, ok := strings.Cut(string(b), "|")
	if !ok {
		return stafflist.Position{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, at)
	if err != nil || t.Year() < 1 || t.Year() > 9999 {
		return stafflist.Position{}, false
	}
	u, err := uuid.Parse(id)
	if err != nil {
		return stafflist.Position{}, false
	}
	return stafflist.Position{At: t, ID: u}, true
}
