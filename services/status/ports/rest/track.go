package rest

import (
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/status/app/citizen"
	"github.com/motcua/motcua/services/worktime"
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

// summaryJSON is a dossier in a line (the contract's DossierSummary but its channel):
// the head of a citizen's lookup and an item of a staff list.
type summaryJSON struct {
	Code        string `json:"code"`
	Procedure   ref    `json:"procedure"`
	Status      string `json:"status"`
	StatusCode  int    `json:"status_code"`
	StatusLabel string `json:"status_label"`
	// SubmittedAt is there for a dossier submitted online.
	SubmittedAt *time.Time `json:"submitted_at,omitempty"`
	// ReceivedAt and DueAt are null until a desk receives a dossier submitted online.
	ReceivedAt *time.Time `json:"received_at"`
	DueAt      *time.Time `json:"due_at"`
	// Timing is null for a withdrawn dossier, which is not scored, and for one whose
	// clock has not started.
	Timing        *string `json:"timing"`
	CurrentOffice ref     `json:"current_office"`
	PendingOffice *ref    `json:"pending_office,omitempty"`
	// Applicant is the applicant's name, masked.
	Applicant string `json:"applicant"`
}

type trackJSON struct {
	summaryJSON
	// TimeRemainingHours is null while the clock has not started.
	TimeRemainingHours *float64       `json:"time_remaining_hours"`
	Timeline           []stepJSON     `json:"timeline"`
	Shipments          []shipmentJSON `json:"shipments"`
	// Result is there when the citizen can download the electronic result.
	Result *resultJSON `json:"result,omitempty"`
	// FeeDueVND is the dossier's fee, FeePaidVND what was paid of it (at the desk or
	// online); Receipts are the receipts of the fees paid, oldest first.
	FeeDueVND  int64         `json:"fee_due_vnd"`
	FeePaidVND int64         `json:"fee_paid_vnd"`
	Receipts   []receiptJSON `json:"receipts"`
	// ResultCollection is there when the citizen collects the result at a post office's
	// counter: which one, by code and name only.
	ResultCollection *collectionJSON `json:"result_collection,omitempty"`
	// HeldBy is who has held the dossier, in turn: offices, post offices and the
	// citizen, never a member of staff.
	HeldBy []holdingJSON `json:"held_by"`
	// Notices are the notices the citizen was sent: what (kind), how (channel: mail,
	// sms, zns) and when, oldest first; never to which address.
	Notices []noticeJSON `json:"notices"`
}

// noticeJSON is a notice the citizen was sent.
type noticeJSON struct {
	Kind    string    `json:"kind"`
	Channel string    `json:"channel"`
	At      time.Time `json:"at"`
}

// holdingJSON is a holder of the dossier and when it held it: until is null while it
// holds it still.
type holdingJSON struct {
	Holder holderJSON `json:"holder"`
	Since  time.Time  `json:"since"`
	Until  *time.Time `json:"until"`
}

// holderJSON is an office, a post office or the citizen (kind), by its code (none for
// the citizen, nor for the post when no post office is known) and its name.
type holderJSON struct {
	Kind string `json:"kind"`
	Code string `json:"code,omitempty"`
	Name string `json:"name"`
}

// collectionJSON is where the citizen collects the result: the method and the post
// office.
type collectionJSON struct {
	Method     string `json:"method"`
	PostOffice ref    `json:"post_office"`
}

// receiptJSON is the receipt of a fee paid: its number, the amount and when it was
// recorded; electronic for the electronic receipt of a fee paid online.
type receiptJSON struct {
	Number     string    `json:"number"`
	AmountVND  int64     `json:"amount_vnd"`
	PaidAt     time.Time `json:"paid_at"`
	Electronic bool      `json:"electronic"`
}

// resultJSON is the electronic result a citizen can download: its file's fingerprint
// and the address to download it at, with the code and PIN the lookup was asked with.
type resultJSON struct {
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
	DownloadURL string `json:"download_url"`
}

// track answers GET /track/{code}?pin=: a citizen's lookup. An unknown code and a wrong
// PIN give the same 404; repeated failures from one client, or against one code, give 429.
func (a *API) track(w http.ResponseWriter, r *http.Request) {
	t, now, ok := a.lookup(w, r)
	if !ok {
		return
	}
	lang := httpapi.Language(r)
	v := a.Citizen.View(t, now, lang)
	out := trackJSON{
		summaryJSON: summaryJSON{
			Code: v.Code, Procedure: ref(v.Procedure),
			Status: v.Status, StatusCode: v.StatusCode, StatusLabel: v.StatusLabel,
			SubmittedAt: v.SubmittedAt, ReceivedAt: v.ReceivedAt, DueAt: v.DueAt, Timing: timingJSON(v.Timing),
			CurrentOffice: ref(v.CurrentOffice), PendingOffice: (*ref)(v.PendingOffice),
			Applicant: v.Applicant,
		},
		Timeline:   make([]stepJSON, 0, len(v.Timeline)),
		Shipments:  make([]shipmentJSON, 0, len(v.Shipments)),
		FeeDueVND:  v.FeeDueVND,
		FeePaidVND: v.FeePaidVND,
		Receipts:   make([]receiptJSON, len(v.Receipts)),
		HeldBy:     make([]holdingJSON, len(v.HeldBy)),
		Notices:    make([]noticeJSON, len(v.Notices)),
	}
	for i, n := range v.Notices {
		out.Notices[i] = noticeJSON{Kind: n.Kind, Channel: n.Channel, At: n.At}
	}
	for i, h := range v.HeldBy {
		out.HeldBy[i] = holdingJSON{Holder: holderJSON{Kind: h.Kind, Code: h.Code, Name: h.Name}, Since: h.Since, Until: h.Until}
	}
	for i, rc := range v.Receipts {
		out.Receipts[i] = receiptJSON{Number: rc.Number, AmountVND: rc.AmountVND, PaidAt: rc.At, Electronic: rc.Electronic}
	}
	if v.Started() {
		out.TimeRemainingHours = &v.RemainingHours
	}
	if c := v.Collection; c != nil {
		out.ResultCollection = &collectionJSON{Method: c.Method, PostOffice: ref(c.PostOffice)}
	}
	for _, s := range v.Timeline {
		step := stepJSON{At: s.At, Type: s.Type, Label: s.Label, TrackingNumber: s.TrackingNumber}
		if s.Office != nil {
			step.Office = &ref{Code: s.Office.Code, Name: s.Office.Name}
		}
		if s.Detail != nil {
			step.Detail = &detailJSON{Items: s.Detail.Items, NewDueAt: s.Detail.NewDueAt}
		}
		out.Timeline = append(out.Timeline, step)
	}
	for _, s := range v.Shipments {
		out.Shipments = append(out.Shipments, shipmentJSON(s))
	}
	if f := v.Result; f != nil {
		out.Result = &resultJSON{Name: f.Name, ContentType: f.ContentType, Size: f.Size, SHA256: f.SHA256,
			DownloadURL: citizen.ResultURL(v.Code, r.URL.Query().Get("pin"))}
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Language", string(lang))
	httpapi.WriteJSON(w, http.StatusOK, out)
}

// timingJSON is a timing for an answer: null when there is none (a withdrawn dossier).
func timingJSON(t worktime.Timing) *string {
	if t == "" {
		return nil
	}
	s := string(t)
	return &s
}

// lookup finds the dossier of {code} whose PIN is ?pin=, as a citizen may: it answers
// the request itself when there is none (404, 422, 429) and reports false then.
func (a *API) lookup(w http.ResponseWriter, r *http.Request) (citizen.Tracked, time.Time, bool) {
	t, now, err := a.Citizen.Find(r.Context(), httpapi.Client(r), chi.URLParam(r, "code"), r.URL.Query().Get("pin"))
	if err != nil {
		a.fail(w, r, err)
		return t, now, false
	}
	return t, now, true
}

// local shows a time as the offices keep it: their time zone, whole seconds.
func (a *API) local(t time.Time) time.Time { return t.In(a.Location).Truncate(time.Second) }

// localIfAny is local for a time that may be absent (nil stays nil).
func (a *API) localIfAny(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	l := a.local(*t)
	return &l
}
