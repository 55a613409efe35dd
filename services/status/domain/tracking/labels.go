// Package tracking holds what a citizen is told about a dossier: the words for each
// status and step, in Vietnamese and English, and whether it is on time. No I/O.
package tracking

// Lang is the language of an answer.
type Lang string

// The languages of the product: Vietnamese first, English alongside.
const (
	Vietnamese Lang = "vi"
	English    Lang = "en"
)

type label struct{ vi, en string }

var statusLabels = map[string]label{
	"received": {"Đã tiếp nhận", "Received"},
}

var stepLabels = map[string]label{
	"received": {"Tiếp nhận hồ sơ", "Dossier received"},
}

func pick(l label, ok bool, fallback string, lang Lang) string {
	switch {
	case !ok:
		return fallback
	case lang == English:
		return l.en
	default:
		return l.vi
	}
}

// StatusLabel names a status for a citizen.
func StatusLabel(status string, lang Lang) string {
	l, ok := statusLabels[status]
	return pick(l, ok, status, lang)
}

// StepLabel names a timeline step for a citizen.
func StepLabel(step string, lang Lang) string {
	l, ok := stepLabels[step]
	return pick(l, ok, step, lang)
}
