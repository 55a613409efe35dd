// Package s10 reads, checks and builds postal item identifiers in the UPU S10 form:
// two letters (the service indicator), eight serial digits, a check digit and the ISO
// country code of the post that issued the item, here always VN, e.g. EE123456785VN.
// No I/O.
//
// The check digit is computed from the serial alone: the digits are weighted 8 6 4 2 3 5
// 9 7, c = 11 − (sum mod 11), and c = 10 is written 0, c = 11 is written 5. Because 10
// and 11 are folded onto 0 and 5, and 5 is also the digit for a remainder of 6, the check
// digit catches every single mistyped serial digit except one that moves the remainder
// between 0 and 6 (EE000000005VN and EE000020005VN are both valid); that is a property
// of the S10 scheme, not of this package.
package s10

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/motcua/motcua/proto/vocabulary"
)

// Country is the ISO 3166-1 alpha-2 code every item number handled here ends with.
const Country = "VN"

// MaxSerial is the largest serial number: the serial has eight digits.
const MaxSerial = 99_999_999

// Service indicators the product gives its own items. They are configuration-like
// choices of the product, not assignments of the UPU or of Vietnam Post: the
// public-administration service (bưu chính công ích) may use indicators of its own, and
// these constants are the one place to change if it does.
const (
	// ServiceToAuthority marks an item carrying a dossier or documents to an authority:
	// the pickup leg from the citizen and the transfer leg to the office.
	ServiceToAuthority = "EA"
	// ServiceToCitizen marks an item carrying a result to a citizen: the delivery leg
	// and, when delivery fails, the return leg.
	ServiceToCitizen = "EB"
	// ServiceFromCounter marks the pickup of a dossier a post office took at its counter
	// on an authority's behalf: intake numbers these when the worker registers the
	// dossier, in a series of its own, so that the number is on the slip at once.
	ServiceFromCounter = "EC"
)

// length is the number of significant characters of a number: 2 letters, 8 serial
// digits, 1 check digit, 2 letters.
const length = 13

// The kinds of error Parse and New return; test with errors.Is. The error itself is an
// *Error whose message says what to correct.
var (
	// ErrFormat: the text does not have the S10 shape (two letters, nine digits, two
	// letters), or New was given a bad service indicator or serial.
	ErrFormat = errors.New("not an S10 item number")
	// ErrCheckDigit: the shape is right but the check digit does not match the serial,
	// usually a mistyped digit.
	ErrCheckDigit = errors.New("wrong check digit")
	// ErrCountry: the shape is right but the number was not issued in Vietnam.
	ErrCountry = errors.New("not a Vietnam Post item number")
)

// Error is the error Parse and New return. It unwraps to its Kind, so
// errors.Is(err, ErrCheckDigit) and the like work.
type Error struct {
	// Kind is ErrFormat, ErrCheckDigit or ErrCountry.
	Kind error
	// Input is the text given to Parse, or for New the service and serial as written.
	Input string
	// Code says what is wrong (the catalogue's "s10 code" words say it to a person, e.g.
	// "the check digit should be 5, not 4"), and Args fill its words.
	Code string
	Args []any
	// Want and Got are the expected and the given check digit when Kind is
	// ErrCheckDigit, and -1 otherwise.
	Want, Got int
}

// Error returns the kind, the input (shortened if long) and what is wrong, in English.
func (e *Error) Error() string {
	return fmt.Sprintf("%v: %q: %s", e.Kind, shorten(e.Input), e.Words().EN)
}

// Words say what is wrong with the number and what to do about it, in Vietnamese and
// English, to follow "this is not a valid tracking number: ".
func (e *Error) Words() vocabulary.Words { return vocabulary.Problem("s10", e.Code, e.Args...) }

// Unwrap returns the Kind, so errors.Is matches the sentinel errors.
func (e *Error) Unwrap() error { return e.Kind }

// Number is a valid S10 item number in canonical form: 13 characters, upper case, no
// spaces or hyphens, ending in VN, with a correct check digit. Obtain one from Parse or
// New; the zero Number is not valid.
type Number string

// String returns the canonical form, e.g. EE123456785VN.
func (n Number) String() string { return string(n) }

// Service returns the two-letter service indicator, e.g. "EE", or "" if n is not
// a 13-character value.
func (n Number) Service() string {
	if len(n) != length {
		return ""
	}
	return string(n[:2])
}

// Serial returns the eight-digit serial as a number (without the check digit), e.g.
// 12345678 for EE123456785VN, or -1 if n is not a valid Number.
func (n Number) Serial() int {
	if len(n) != length {
		return -1
	}
	v := 0
	for i := 2; i < 10; i++ {
		c := n[i]
		if c < '0' || c > '9' {
			return -1
		}
		v = v*10 + int(c-'0')
	}
	return v
}

var weights = [8]int{8, 6, 4, 2, 3, 5, 9, 7}

// CheckDigit returns the S10 check digit of an eight-digit serial (0..MaxSerial). It
// panics if serial is out of range, which is a programming error; New checks the range.
func CheckDigit(serial int) int {
	if serial < 0 || serial > MaxSerial {
		panic(fmt.Sprintf("s10: serial %d out of range 0..%d", serial, MaxSerial))
	}
	sum := 0
	for i := 7; i >= 0; i-- {
		sum += weights[i] * (serial % 10)
		serial /= 10
	}
	switch c := 11 - sum%11; c {
	case 10:
		return 0
	case 11:
		return 5
	default:
		return c
	}
}

// New builds the number of an item issued in Vietnam from a service indicator (two
// letters A–Z, upper case) and a serial (0..MaxSerial), adding the check digit and VN.
// A bad argument gives an *Error of kind ErrFormat.
func New(service string, serial int) (Number, error) {
	if len(service) != 2 || !isUpper(service[0]) || !isUpper(service[1]) {
		return "", &Error{Kind: ErrFormat, Input: service, Want: -1, Got: -1, Code: "service"}
	}
	if serial < 0 || serial > MaxSerial {
		return "", &Error{Kind: ErrFormat, Input: fmt.Sprint(serial), Want: -1, Got: -1, Code: "serial",
			Args: []any{MaxSerial}}
	}
	return Number(fmt.Sprintf("%s%08d%d%s", service, serial, CheckDigit(serial), Country)), nil
}

// Parse reads an item number as a person may type or a scanner may give it and returns
// its canonical form. It accepts surrounding white space, lower-case letters, and spaces
// or hyphens (one or several) between the service indicator and the digits, between any
// two digits, and between the digits and the country code, so "ee 1234 5678 5 vn" and
// "EE-12345678-5-VN" both give EE123456785VN. Only ASCII letters and digits count:
// look-alikes such as fullwidth digits or Cyrillic letters are refused.
//
// The error is an *Error of kind ErrFormat if the text is not in the S10 shape,
// ErrCountry if it is but does not end in VN, and ErrCheckDigit if it ends in VN but
// the check digit does not match the serial.
func Parse(s string) (Number, error) {
	in := strings.TrimSpace(s)
	fail := func(kind error, code string, args ...any) (Number, error) {
		return "", &Error{Kind: kind, Input: s, Code: code, Args: args, Want: -1, Got: -1}
	}
	if in == "" {
		return fail(ErrFormat, "empty")
	}

	// The significant characters, upper-cased, with their positions (1-based, in
	// characters of the trimmed text), and for each separator how many significant
	// characters came before it and where it stands.
	var (
		sig     []byte
		pos     []int
		sepAt   []int
		sepPos  []int
		runeIdx = 0
	)
	for _, r := range in {
		runeIdx++
		switch {
		case r == ' ' || r == '-':
			sepAt = append(sepAt, len(sig))
			sepPos = append(sepPos, runeIdx)
		case r >= '0' && r <= '9', r >= 'A' && r <= 'Z':
			sig = append(sig, byte(r))
			pos = append(pos, runeIdx)
		case r >= 'a' && r <= 'z':
			sig = append(sig, byte(r-'a'+'A'))
			pos = append(pos, runeIdx)
		case r == utf8.RuneError:
			return fail(ErrFormat, "not_text", runeIdx)
		case r >= utf8.RuneSelf:
			return fail(ErrFormat, "look_alike", runeIdx, r, r)
		default:
			return fail(ErrFormat, "bad_character", runeIdx, r)
		}
	}

	// With the right number of characters, a letter for a digit (or the other way
	// round) is the likely slip; otherwise say how many of each there are.
	if len(sig) != length {
		if counts := describe(sig); counts != nil {
			return fail(ErrFormat, "counts", counts...)
		}
	}
	if code, args := mismatch(sig, pos); code != "" {
		return fail(ErrFormat, code, args...)
	}
	if len(sig) > length {
		return fail(ErrFormat, "one_too_many", pos[length], sig[length])
	}
	if len(sig) < length {
		return fail(ErrFormat, "too_short")
	}
	for i, k := range sepAt {
		if k < 2 || k > 11 {
			return fail(ErrFormat, "misplaced_separator", sepPos[i])
		}
	}

	if country := string(sig[11:]); country != Country {
		return fail(ErrCountry, "country", country, Country)
	}
	serial := 0
	for _, c := range sig[2:10] {
		serial = serial*10 + int(c-'0')
	}
	want, got := CheckDigit(serial), int(sig[10]-'0')
	if want != got {
		return "", &Error{Kind: ErrCheckDigit, Input: s, Want: want, Got: got, Code: "check_digit", Args: []any{want, got}}
	}
	return Number(sig), nil
}

// describe counts the letters, digits and letters of a wrong shape when the text is
// letters, then digits, then letters in the wrong numbers (e.g. 2 letters, 10 digits and
// 2 letters), as the words of "counts" take them; nil when the counts are right or the
// text is not of that shape.
func describe(sig []byte) []any {
	var runs [3]int
	part := 0
	for i, c := range sig {
		digit := isDigit(c)
		if i > 0 && digit != isDigit(sig[i-1]) {
			part++
		}
		if part > 2 || part == 0 && digit || part == 1 && !digit {
			return nil
		}
		runs[part]++
	}
	if part != 2 || runs == [3]int{2, 9, 2} {
		return nil
	}
	return []any{count(runs[0], "letter"), count(runs[1], "digit"), count(runs[2], "letter")}
}

// mismatch finds the first character that is a letter where a digit belongs or the
// other way round, and returns the code and arguments that say so; "" if there is none.
func mismatch(sig []byte, pos []int) (string, []any) {
	for i, c := range sig[:min(len(sig), length)] {
		wantDigit := i >= 2 && i < 11
		if isDigit(c) == wantDigit {
			continue
		}
		code := "want_letter"
		if wantDigit {
			code = "want_digit"
			switch c {
			case 'O':
				code = "want_digit.zero"
			case 'I', 'L':
				code = "want_digit.one"
			}
		}
		return code, []any{pos[i], c}
	}
	return "", nil
}

// count is n of noun (letter or digit), in the catalogue's words.
func count(n int, noun string) vocabulary.Words {
	if n == 1 {
		return vocabulary.Problem("s10", "one_"+noun)
	}
	return vocabulary.Problem("s10", noun+"s", n)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// shorten keeps error messages readable when the input is long.
func shorten(s string) string {
	const limit = 40
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	n := 0
	for i := range s {
		if n == limit {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
