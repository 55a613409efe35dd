// Package dossier holds the rules of a dossier: what a registration must contain, its
// code, its statuses and their national codes, the actions staff may take from each
// status, and how its timing is judged. No I/O.
package dossier

// Status is the dossier's own, richer state; each maps to a national status code.
type Status string

// The statuses of a dossier, in the order a dossier usually passes through them.
const (
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
var Statuses = []Status{StatusReceived, StatusInTransit, StatusProcessing, StatusSupplementRequested,
	StatusPaymentRequested, StatusProcessed, StatusResultInTransit, StatusReturned, StatusRefused,
	StatusStopped, StatusWithdrawn}

type statusInfo struct {
	national int
	vi, en   string
}

var statusInfos = map[Status]statusInfo{
	StatusReceived:            {2, "Đã tiếp nhận", "Received"},
	StatusInTransit:           {4, "Đang chuyển hồ sơ", "Being transferred"},
	StatusProcessing:          {4, "Đang xử lý", "Processing"},
	StatusSupplementRequested: {5, "Chờ bổ sung hồ sơ", "Supplement requested"},
	StatusPaymentRequested:    {6, "Chờ nộp phí, lệ phí", "Payment requested"},
	StatusProcessed:           {9, "Đã có kết quả", "Result ready"},
	StatusResultInTransit:     {9, "Đang chuyển kết quả", "Result being transferred"},
	StatusReturned:            {10, "Đã trả kết quả", "Result returned"},
	StatusRefused:             {3, "Không tiếp nhận, từ chối giải quyết", "Refused"},
	StatusStopped:             {8, "Dừng xử lý", "Processing stopped"},
	StatusWithdrawn:           {7, "Công dân đã rút hồ sơ", "Withdrawn"},
}

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool { _, ok := statusInfos[s]; return ok }

// NationalCode is the status code of the National Public Service Portal (1-10):
// 1 newly registered, 2 accepted, 3 not accepted, 4 processing, 5 supplement requested,
// 6 payment requested, 7 withdrawn, 8 processing stopped, 9 processed, 10 result returned.
// It is 0 for an unknown status.
func (s Status) NationalCode() int { return statusInfos[s].national }

// Labels returns the status in Vietnamese and in English.
func (s Status) Labels() (vi, en string) {
	i, ok := statusInfos[s]
	if !ok {
		return string(s), string(s)
	}
	return i.vi, i.en
}

// Terminal reports whether no action can follow s.
func (s Status) Terminal() bool {
	return s == StatusReturned || s == StatusRefused || s == StatusStopped || s == StatusWithdrawn
}
