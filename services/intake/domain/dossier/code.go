package dossier

import (
	"fmt"
	"regexp"
	"time"
)

// codePattern matches <agency code>-YYMMDD-NNNN; the sequence may grow past four
// digits on a day with more than 9,999 dossiers at one office.
var codePattern = regexp.MustCompile(`^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{4,6}$`)

// ValidCode reports whether s has the form of a dossier code.
func ValidCode(s string) bool { return len(s) <= 40 && codePattern.MatchString(s) }

// FormatCode builds the dossier code from the receiving agency's code, the local date
// received and the day's sequence number at that agency (from 1).
func FormatCode(agency string, receivedLocal time.Time, seq int) string {
	return fmt.Sprintf("%s-%s-%04d", agency, receivedLocal.Format("060102"), seq)
}
