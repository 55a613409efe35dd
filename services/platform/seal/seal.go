// Package seal holds the rule of a seal number: the number printed on the seal a dossier
// is packed under in front of the applicant, which a postal worker types at the counter,
// at the citizen's door, or when accepting an item. Intake and the postal service both
// check it, so it lives here once. No I/O.
package seal

import "unicode/utf8"

// MaxRunes is the longest seal number.
const MaxRunes = 40

// Problem is the problem code of seal number s (already cleaned: NFC, trimmed): empty
// when it is a seal number, "too_long" or "invalid_seal" (letters A–Z, digits and hyphens
// only, as printed on the seal) otherwise.
func Problem(s string) string {
	if utf8.RuneCountInString(s) > MaxRunes {
		return "too_long"
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return "invalid_seal"
		}
	}
	return ""
}
