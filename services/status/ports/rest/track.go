package rest

import (
	"math"
	"net"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/lookuppin"
	"github.com/motcua/motcua/services/status/adapters/store"
	"github.com/motcua/motcua/services/status/domain/tracking"
)

type ref struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type stepJSON struct {
	At    time.Time `json:"at"`
	Type  string    `json:"type"`
	Label string    `json:"label"`
	// Office is always there for a step of the dossier; for a shipment event, the
	// office the leg goes to (or leaves from, for a delivery to the applicant).
	Office *ref        `json:"office,omitempty"`
	Detail *detailJSON `json:"detail,omitempty"`
	// TrackingNumber is the shipment of a shipment event.
	TrackingNumber string `json:"tracking_number,omitempty"`
}

type detailJSON struct {
	Items    []string   `json:"items,omitempty"`
	NewDueAt *time.Time `json:"new_due_at,omitempty"`
}

type shipmentJSON struct {
	TrackingNumber string    `json:"tracking_number"`
	Kind           string    `json:"kind"`
	Status         string    `json:"status"`
	StatusLabel    string    `json:"status_label"`
	UpdatedAt      time.Time `json:"updated_at"`
}

type trackJSON struct {
	Code        string    `json:"code"`
	Procedure   ref       `json:"procedure"`
	Status      string    `json:"status"`
	StatusCode  int       `json:"status_code"`
	StatusLabel string    `json:"status_label"`
	ReceivedAt  time.Time `json:"received_at"`
	DueAt       time.Time `json:"due_at"`
	// Timing is null for a withdrawn dossier, which is not scored.
	Timing             *string        `json:"timing"`
	TimeRemainingHours float64        `json:"time_remaining_hours"`
	CurrentOffice      ref            `json:"current_office"`
	PendingOffice      *ref           `json:"pending_office,omitempty"`
	Applicant          string         `json:"applicant"`
	Timeline           []stepJSON     `json:"timeline"`
	Shipments          []shipmentJSON `json:"shipments"`
}

var errNotFound = httpapi.NotFound("dossier_not_found",
	"No dossier matches this code and PIN; check both against your receipt.")

// track answers GET /track/{code}?pin=: a citizen's lookup. An unknown code and a wrong
// PIN give the same 404; repeated failures from one client, or against one code, give 429.
func (a *API) track(w http.ResponseWriter, r *http.Request) {
	t, now, ok := a.lookup(w, r)
	if !ok {
		return
	}
	lang := language(r)
	standing := tracking.Standing{Status: t.Status, Final: t.Timing, DueAt: t.DueAt, FinishedAt: t.FinishedAt,
		PausedAt: t.PausedAt}
	out := trackJSON{
		Code:               t.Code,
		Procedure:          ref{Code: t.ProcedureCode, Name: t.ProcedureName},
		Status:             t.Status,
		StatusCode:         t.StatusCode,
		StatusLabel:        tracking.StatusLabel(t.Status, lang),
		ReceivedAt:         a.local(t.ReceivedAt),
		DueAt:              a.local(t.DueAt),
		Timing:             timingJSON(standing.At(now, a.Location)),
		TimeRemainingHours: standing.RemainingHours(now, a.Calendar()),
		CurrentOffice:      ref{Code: t.CurrentOfficeCode, Name: t.CurrentOfficeName},
		Applicant:          t.ApplicantMasked,
		Timeline:           a.timeline(t, lang),
		Shipments:          make([]shipmentJSON, 0, len(t.Shipments)),
	}
	if t.PendingOfficeCode != "" {
		out.PendingOffice = &ref{Code: t.PendingOfficeCode, Name: t.PendingOfficeName}
	}
	for _, s := range t.Shipments {
		out.Shipments = append(out.Shipments, shipmentJSON{TrackingNumber: s.TrackingNumber, Kind: s.Kind,
			Status: s.Status, StatusLabel: tracking.ShipmentStatusLabel(s.Status, s.ReasonCode, lang),
			UpdatedAt: a.local(s.UpdatedAt)})
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Language", string(lang))
	httpapi.WriteJSON(w, http.StatusOK, out)
}

// timeline is the dossier's steps (in version order) and its shipment events (by time)
// merged by time: a shipment event goes before the first dossier step that happened
// after it, and after dossier steps of the same instant. The dossier's steps keep their
// order whatever their times.
func (a *API) timeline(t store.Tracked, lang tracking.Lang) []stepJSON {
	out := make([]stepJSON, 0, len(t.Timeline)+len(t.Postal))
	names := officeNames(t)
	postal := func(p store.PostalStep) stepJSON {
		step := stepJSON{At: a.local(p.At), Type: tracking.PostalStepType(p.Type), TrackingNumber: p.TrackingNumber,
			Label: tracking.PostalStepLabel(tracking.PostalStep{Kind: p.Kind, Type: p.Type,
				AtAddress: p.FromOfficeCode == "", Reason: p.ReasonCode}, lang)}
		office := p.ToOfficeCode
		if office == "" {
			office = p.FromOfficeCode
		}
		if office != "" {
			step.Office = &ref{Code: office, Name: names[office]}
		}
		return step
	}
	i := 0
	for _, s := range t.Timeline {
		for ; i < len(t.Postal) && t.Postal[i].At.Before(s.At); i++ {
			out = append(out, postal(t.Postal[i]))
		}
		step := stepJSON{At: a.local(s.At), Type: s.Type,
			Label: tracking.StepLabel(s.Type, lang), Office: &ref{Code: s.OfficeCode, Name: s.OfficeName}}
		if s.Detail != nil {
			step.Detail = &detailJSON{Items: s.Detail.Items}
			if s.Detail.NewDueAt != nil {
				due := a.local(*s.Detail.NewDueAt)
				step.Detail.NewDueAt = &due
			}
		}
		out = append(out, step)
	}
	for ; i < len(t.Postal); i++ {
		out = append(out, postal(t.Postal[i]))
	}
	return out
}

// officeNames are the names of the offices the dossier knows, by code: shipment events
// carry codes only.
func officeNames(t store.Tracked) map[string]string {
	names := map[string]string{}
	add := func(code, name string) {
		if code != "" && name != "" {
			names[code] = name
		}
	}
	add(t.ReceivingOfficeCode, t.ReceivingOfficeName)
	add(t.HandlingOfficeCode, t.HandlingOfficeName)
	for _, s := range t.Timeline {
		add(s.OfficeCode, s.OfficeName)
	}
	add(t.CurrentOfficeCode, t.CurrentOfficeName)
	add(t.PendingOfficeCode, t.PendingOfficeName)
	return names
}

// timingJSON is a timing for an answer: null when there is none (a withdrawn dossier).
func timingJSON(t tracking.Timing) *string {
	if t == "" {
		return nil
	}
	s := string(t)
	return &s
}

// lookup finds the dossier of {code} whose PIN is ?pin=, as a citizen may: it answers
// the request itself (404, 422, 429) and reports false when it may not go on. An
// unknown code and a wrong PIN give the same 404; repeated failures from one client, or
// against one code, give 429.
func (a *API) lookup(w http.ResponseWriter, r *http.Request) (store.Tracked, time.Time, bool) {
	now := a.Now()
	client := clientKey(r)
	code := strings.TrimSpace(chi.URLParam(r, "code"))
	if blocked, wait := a.ByClient.Blocked(client, now); blocked {
		a.tooMany(w, r, wait)
		return store.Tracked{}, now, false
	}
	if blocked, wait := a.ByCode.Blocked(code, now); blocked {
		a.tooMany(w, r, wait)
		return store.Tracked{}, now, false
	}
	pin := lookuppin.Normalize(r.URL.Query().Get("pin"))
	if pin == "" {
		httpapi.WriteError(w, r, a.Log, httpapi.Invalid("pin", "required", "Enter the PIN printed on your receipt."))
		return store.Tracked{}, now, false
	}
	if !plausibleCode(code) {
		// No dossier has such a code. It counts against the client only: kept as a key
		// of the per-code limiter, long made-up codes would fill its memory. Nor is it
		// sent to the database, which refuses text that is not UTF-8 or holds a NUL.
		a.ByClient.Fail(client, now)
		httpapi.WriteError(w, r, a.Log, errNotFound)
		return store.Tracked{}, now, false
	}
	if len(pin) > 32 {
		a.fail(w, r, client, code, now)
		return store.Tracked{}, now, false
	}
	t, ok, err := a.view(r, code)
	if err != nil {
		httpapi.WriteError(w, r, a.Log, err)
		return store.Tracked{}, now, false
	}
	if !ok || !lookuppin.Check(a.PINKey, t.Code, pin, t.PINHash) {
		a.fail(w, r, client, code, now)
		return store.Tracked{}, now, false
	}
	return t, now, true
}

// plausibleCode reports whether code could be a dossier's: at most 40 characters of
// UTF-8 text without NUL.
func plausibleCode(code string) bool {
	return utf8.ValidString(code) && utf8.RuneCountInString(code) <= 40 && !strings.ContainsRune(code, 0)
}

func (a *API) fail(w http.ResponseWriter, r *http.Request, client, code string, now time.Time) {
	a.ByClient.Fail(client, now)
	a.ByCode.Fail(code, now)
	httpapi.WriteError(w, r, a.Log, errNotFound)
}

func (a *API) tooMany(w http.ResponseWriter, r *http.Request, wait time.Duration) {
	secs := int(math.Ceil(wait.Seconds()))
	httpapi.WriteError(w, r, a.Log, httpapi.TooMany("Too many failed lookups; wait a little and try again.", max(secs, 1)))
}

// clientKey is the client's address, and for IPv6 its /64 network (what one subscriber
// is given, so rotating addresses inside it does not escape the limit). Behind a proxy
// every client shares the proxy's address, so deployments behind one should limit there
// too.
func clientKey(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip := net.ParseIP(host)
	if ip == nil || ip.To4() != nil {
		return host
	}
	return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
}

// language picks English when asked (?lang=en or Accept-Language starting with en),
// Vietnamese otherwise.
func language(r *http.Request) tracking.Lang {
	if l := r.URL.Query().Get("lang"); l != "" {
		if strings.HasPrefix(strings.ToLower(l), "en") {
			return tracking.English
		}
		return tracking.Vietnamese
	}
	if strings.HasPrefix(strings.ToLower(r.Header.Get("Accept-Language")), "en") {
		return tracking.English
	}
	return tracking.Vietnamese
}

// local shows a time as the offices keep it: their time zone, whole seconds.
func (a *API) local(t time.Time) time.Time { return t.In(a.Location).Truncate(time.Second) }

var cacheLookups = promauto.NewCounterVec(prometheus.CounterOpts{
	Name: "motcua_track_cache_lookups_total",
	Help: "Citizen lookups by whether the view came from memory (hit) or the database (miss).",
}, []string{"result"})

// view returns the citizen view of code from the cache, or from the database (caching it).
func (a *API) view(r *http.Request, code string) (store.Tracked, bool, error) {
	if t, ok := a.Cache.Get(code); ok {
		cacheLookups.WithLabelValues("hit").Inc()
		return t, true, nil
	}
	cacheLookups.WithLabelValues("miss").Inc()
	t, ok, err := a.Store.Track(r.Context(), code)
	if ok {
		a.Cache.Put(t)
	}
	return t, ok, err
}
