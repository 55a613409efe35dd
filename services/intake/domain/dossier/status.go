// Package dossier holds the rules of a dossier at the desk: what a registration must
// contain, its code, its statuses and their national codes. No I/O.
package dossier

// Status is the dossier's own, richer state; each maps to a national status code.
type Status string

// The statuses of a dossier.
const (
	StatusReceived Status = "received"
)

// NationalCode is the status code of the National Public Service Portal (1-10):
// 1 newly registered, 2 accepted, 3 not accepted, 4 processing, 5 supplement requested,
// 6 payment requested, 7 withdrawn, 8 processing stopped, 9 processed, 10 result returned.
func (s Status) NationalCode() int {
	switch s {
	case StatusReceived:
		return 2
	}
	return 0
}

// Labels returns the status in Vietnamese and in English.
func (s Status) Labels() (vi, en string) {
	switch s {
	case StatusReceived:
		return "Đã tiếp nhận", "Received"
	}
	return string(s), string(s)
}
