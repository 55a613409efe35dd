package apiclient

import (
	"encoding/json"
	"time"
)

// The answers of the public API as its clients read them. They are written out from
// docs/api, not taken from the services' own types, so that a test decoding into them
// reads the names the API promises. A field no client reads is left out.

// Ref is an office or a procedure in an answer.
type Ref struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Heading is what every answer about a dossier says of it, the receipt as the staff's
// and the citizen's views: its code, its status (with the portal's code), when it was
// received and when it is due.
type Heading struct {
	Code       string    `json:"code"`
	Status     string    `json:"status"`
	StatusCode int       `json:"status_code"`
	ReceivedAt time.Time `json:"received_at"`
	DueAt      time.Time `json:"due_at"`
}

// Receipt is the answer to a registration.
type Receipt struct {
	ID string `json:"id"`
	Heading
	LookupPIN string `json:"lookup_pin"`
}

// Dossier is intake's answer to an action, and the head of the whole dossier.
type Dossier struct {
	Heading
	CurrentOffice  Ref      `json:"current_office"`
	PendingOffice  *Ref     `json:"pending_office"`
	ClockPaused    bool     `json:"clock_paused"`
	Timing         string   `json:"timing"`
	Version        int      `json:"version"`
	AllowedActions []string `json:"allowed_actions"`
	LastStep       *Step    `json:"last_step"`
}

// Step is an entry of a dossier's hand-over log (last_step holds its first four fields).
type Step struct {
	Action         string    `json:"action"`
	At             time.Time `json:"at"`
	By             string    `json:"by"`
	Office         Ref       `json:"office"`
	ToOffice       *Ref      `json:"to_office"`
	TrackingNumber string    `json:"tracking_number"`
}

// WholeDossier is the whole dossier as intake shows it to staff, with its hand-over log.
type WholeDossier struct {
	Dossier
	Steps []Step `json:"steps"`
}

// Actions are the actions of the dossier's log, in order.
func (w WholeDossier) Actions() []string {
	return each(w.Steps, func(s Step) string { return s.Action })
}

// Summary is a dossier in a line as status shows it: the head of a citizen's lookup and
// an item of a staff list.
type Summary struct {
	Heading
	Procedure     Ref     `json:"procedure"`
	StatusLabel   string  `json:"status_label"`
	Timing        *string `json:"timing"`
	CurrentOffice Ref     `json:"current_office"`
	PendingOffice *Ref    `json:"pending_office"`
	Applicant     string  `json:"applicant"`
}

// Track is status's answer to a citizen's lookup.
type Track struct {
	Summary
	TimeRemainingHours float64         `json:"time_remaining_hours"`
	Timeline           []TrackEntry    `json:"timeline"`
	Shipments          []TrackShipment `json:"shipments"`
}

// TrackEntry is an entry of the citizen's timeline: a step of the dossier, or of one of
// its shipments (with its tracking number).
type TrackEntry struct {
	At             time.Time `json:"at"`
	Type           string    `json:"type"`
	Label          string    `json:"label"`
	Office         *Ref      `json:"office"`
	TrackingNumber string    `json:"tracking_number"`
	Detail         *struct {
		Items    []string   `json:"items"`
		NewDueAt *time.Time `json:"new_due_at"`
	} `json:"detail"`
}

// TrackShipment is a shipment of the dossier as the citizen's lookup lists it.
type TrackShipment struct {
	TrackingNumber string    `json:"tracking_number"`
	Kind           string    `json:"kind"`
	Status         string    `json:"status"`
	StatusLabel    string    `json:"status_label"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// Listed is one item of a staff list of dossiers.
type Listed struct {
	Summary
	Channel string `json:"channel"`
}

// ListPage is a page of a staff list; NextCursor is null on the last.
type ListPage struct {
	Items      []Listed `json:"items"`
	NextCursor *string  `json:"next_cursor"`
}

// Shipment is a shipment as postal answers it.
type Shipment struct {
	TrackingNumber string `json:"tracking_number"`
	Kind           string `json:"kind"`
	Status         string `json:"status"`
	StatusLabel    string `json:"status_label"`
	DossierCode    string `json:"dossier_code"`
	From           *Ref   `json:"from"`
	To             *Ref   `json:"to"`
	Address        string `json:"address"`
	// The post offices (their address, which no client reads, is left out).
	OriginPostOffice      Ref             `json:"origin_post_office"`
	DestinationPostOffice Ref             `json:"destination_post_office"`
	FailedAttempts        int             `json:"failed_attempts"`
	SealNumber            string          `json:"seal_number"`
	PostageVND            int64           `json:"postage_vnd"`
	PaidBy                string          `json:"paid_by"`
	ReturnsTrackingNumber string          `json:"returns_tracking_number"`
	UpdatedAt             time.Time       `json:"updated_at"`
	Version               int             `json:"version"`
	Events                []ShipmentEvent `json:"events"`
}

// ShipmentEvent is a step of a shipment as postal answers it.
type ShipmentEvent struct {
	EventID    string    `json:"event_id"`
	Type       string    `json:"type"`
	Label      string    `json:"label"`
	OccurredAt time.Time `json:"occurred_at"`
	By         string    `json:"by"`
	PostOffice *Ref      `json:"post_office"`
	Automatic  bool      `json:"automatic"`
	SealNumber string    `json:"seal_number"`
	ReasonCode string    `json:"reason_code"`
	ActionCode string    `json:"action_code"`
	Proof      *struct {
		RecipientName string `json:"recipient_name"`
		Relation      string `json:"relation"`
		IDLast4       string `json:"id_last4"`
	} `json:"proof"`
}

// EventTypes are the types of the shipment's steps, in order.
func (s Shipment) EventTypes() []string {
	return each(s.Events, func(e ShipmentEvent) string { return e.Type })
}

// EventsOf is how many of the shipment's steps have type typ.
func (s Shipment) EventsOf(typ string) int {
	n := 0
	for _, e := range s.Events {
		if e.Type == typ {
			n++
		}
	}
	return n
}

// Shipments is postal's list of the shipments of a dossier.
type Shipments struct {
	Items []Shipment `json:"items"`
}

// Manifest is a post office's run sheet.
type Manifest struct {
	PostOffice Ref        `json:"post_office"`
	Date       string     `json:"date"`
	Pickups    []Shipment `json:"pickups"`
	Deliveries []Shipment `json:"deliveries"`
}

// Figures are the statistics of a set of dossiers.
type Figures struct {
	Received int `json:"received"`
	Finished struct {
		Early  int `json:"early"`
		OnTime int `json:"on_time"`
		Late   int `json:"late"`
	} `json:"finished"`
	Open struct {
		WithinDeadline int `json:"within_deadline"`
		Overdue        int `json:"overdue"`
	} `json:"open"`
	Withdrawn          int      `json:"withdrawn"`
	OnTimeRate         *float64 `json:"on_time_rate"`
	AvgProcessingHours *float64 `json:"avg_processing_hours"`
	Channels           struct {
		Desk   int `json:"desk"`
		Post   int `json:"post"`
		Online int `json:"online"`
	} `json:"channels"`
	OnlineShare      *float64 `json:"online_share"`
	SatisfactionRate *float64 `json:"satisfaction_rate"`
	Ratings          struct {
		Count    int      `json:"count"`
		Average  *float64 `json:"average"`
		Dislikes int      `json:"dislikes"`
	} `json:"ratings"`
}

// String is the figures as JSON, for messages.
func (f Figures) String() string {
	b, _ := json.Marshal(f)
	return string(b)
}

// StatsGroup is the figures of one procedure or one office.
type StatsGroup struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Figures
}

// Stats is status's statistics over a period, in all and by procedure and by office.
type Stats struct {
	From string `json:"from"`
	To   string `json:"to"`
	Figures
	ByProcedure []StatsGroup `json:"by_procedure"`
	ByOffice    []StatsGroup `json:"by_office"`
}

// ErrorBody is the error answer of the contract.
type ErrorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Field   string `json:"field"`
	} `json:"error"`
}

// each is f of every item of xs, in order.
func each[T any](xs []T, f func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}
