// Package dossier holds the rules of a dossier: what a registration must contain, its
// code, its statuses and their national codes, the actions staff may take from each
// status, and how its timing is judged. No I/O.
package dossier

import "github.com/motcua/motcua/proto/vocabulary"

// Status is the dossier's own, richer state; each maps to a national status code.
type Status string

// The statuses of a dossier, in the order a dossier usually passes through them.
const (
	// StatusSubmitted: submitted online, with its code and PIN, awaiting the desk's
	// check; the clock has not started.
	StatusSubmitted Status = "submitted"
	// StatusReceived: registered at a desk, the papers are there.
	StatusReceived Status = "received"
	// StatusInTransit: handed to another office (by hand or by post), not yet accepted there.
	StatusInTransit Status = "in_transit"
	// StatusProcessing: the office that holds it is working on it.
	StatusProcessing Status = "processing"
	// StatusSupplementRequested: waiting for the citizen's supplement; the clock is paused.
	StatusSupplementRequested Status = "supplement_requested"
	// StatusPaymentRequested: waiting for a fee fixed during processing.
	StatusPaymentRequested Status = "payment_requested"
	// StatusProcessed: the result is ready at the office that holds it.
	StatusProcessed Status = "processed"
	// StatusResultInTransit: the result is on its way to another office (usually the desk).
	StatusResultInTransit Status = "result_in_transit"
	// StatusReturned: the result was handed or delivered to the citizen.
	StatusReturned Status = "returned"
	// StatusRefused: the office refused to take or decide the dossier (form 03).
	StatusRefused Status = "refused"
	// StatusStopped: processing stopped (for example, the supplement never came).
	StatusStopped Status = "stopped"
	// StatusWithdrawn: the citizen withdrew the dossier.
	StatusWithdrawn Status = "withdrawn"
)

// Statuses lists every status.
var Statuses = []Status{StatusSubmitted, StatusReceived, StatusInTransit, StatusProcessing, StatusSupplementRequested,
	StatusPaymentRequested, StatusProcessed, StatusResultInTransit, StatusReturned, StatusRefused,
	StatusStopped, StatusWithdrawn}

// nationalCodes map each status to the National Public Service Portal's code.
var nationalCodes = map[Status]int{
	StatusSubmitted:           1,
	StatusReceived:            2,
	StatusInTransit:           4,
	StatusProcessing:          4,
	StatusSupplementRequested: 5,
	StatusPaymentRequested:    6,
	StatusProcessed:           9,
	StatusResultInTransit:     9,
	StatusReturned:            10,
	StatusRefused:             3,
	StatusStopped:             8,
	StatusWithdrawn:           7,
}

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool { _, ok := nationalCodes[s]; return ok }

// NationalCode is the status code of the National Public Service Portal (1-10):
// 1 newly registered, 2 accepted, 3 not accepted, 4 processing, 5 supplement requested,
// 6 payment requested, 7 withdrawn, 8 processing stopped, 9 processed, 10 result returned.
// It is 0 for an unknown status.
func (s Status) NationalCode() int { return nationalCodes[s] }

// Labels returns the status in Vietnamese and in English, from the one catalogue of
// words every service reads.
func (s Status) Labels() (vi, en string) {
	w := vocabulary.Status(string(s))
	return w.VI, w.EN
}

// Terminal reports whether no action can follow s.
func (s Status) Terminal() bool {
	return s == StatusReturned || s == StatusRefused || s == StatusStopped || s == StatusWithdrawn
}
