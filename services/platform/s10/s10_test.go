package s10

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// refCheck is an independent reading of the rule in domain.md §5, on the digit string.
func refCheck(serial string) int {
	w := []int{8, 6, 4, 2, 3, 5, 9, 7}
	sum := 0
	for i := range 8 {
		sum += w[i] * int(serial[i]-'0')
	}
	c := 11 - sum%11
	if c == 10 {
		return 0
	}
	if c == 11 {
		return 5
	}
	return c
}

func TestCheckDigit(t *testing.T) {
	for _, tc := range []struct {
		serial, want int
		why          string
	}{
		{12345678, 5, "the domain's example EE123456785VN: sum 204, 204 mod 11 = 6"},
		{0, 5, "sum 0: c = 11 → 5"},
		{10000002, 5, "sum 22: c = 11 → 5"},
		{8, 0, "sum 56, 56 mod 11 = 1: c = 10 → 0"},
		{10000014, 0, "sum 45, 45 mod 11 = 1: c = 10 → 0"},
		{10000000, 3, "sum 8"},
		{10000005, 1, "sum 43, 43 mod 11 = 10"},
		{99999999, 5, "sum 396 = 36×11: c = 11 → 5"},
	} {
		if got := CheckDigit(tc.serial); got != tc.want {
			t.Errorf("CheckDigit(%08d) = %d, want %d (%s)", tc.serial, got, tc.want, tc.why)
		}
	}
}

func TestCheckDigitPanicsOutOfRange(t *testing.T) {
	for _, serial := range []int{-1, MaxSerial + 1} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("CheckDigit(%d) did not panic", serial)
				}
			}()
			CheckDigit(serial)
		}()
	}
}

func TestParseValid(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"EE123456785VN", "EE123456785VN"},
		{"EE000000005VN", "EE000000005VN"}, // c = 11 → 5
		{"EE100000025VN", "EE100000025VN"}, // c = 11 → 5
		{"EE000000080VN", "EE000000080VN"}, // c = 10 → 0
		{"EA100000140VN", "EA100000140VN"}, // c = 10 → 0
		{"EB999999995VN", "EB999999995VN"}, // sum 396 = 36×11: c = 11 → 5
		// Normalisation.
		{"  EE123456785VN\t\n", "EE123456785VN"},
		{"ee123456785vn", "EE123456785VN"},
		{"Ee123456785vN", "EE123456785VN"},
		{"ee 1234 5678 5 vn", "EE123456785VN"},
		{"EE-12345678-5-VN", "EE123456785VN"},
		{"EE 123 456 785 VN", "EE123456785VN"},
		{"EE - 12345678 - 5 - VN", "EE123456785VN"},
		{"EE  12345678  5  VN", "EE123456785VN"},
		{"\u00a0EE123456785VN\u3000", "EE123456785VN"}, // Unicode white space around is trimmed
	} {
		got, err := Parse(tc.in)
		if err != nil || string(got) != tc.want {
			t.Errorf("Parse(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		in      string
		kind    error
		mention string // a piece of the message a person needs
	}{
		// Check digit.
		{"EE123456784VN", ErrCheckDigit, "should be 5, not 4"},
		{"EE123456780VN", ErrCheckDigit, "should be 5, not 0"},
		{"EE000000080VN", nil, ""}, // (valid, keeps the table honest about c = 10)
		{"EE000000085VN", ErrCheckDigit, "should be 0, not 5"},
		{"EE100000145VN", ErrCheckDigit, "should be 0, not 5"},
		{"EE000000000VN", ErrCheckDigit, "should be 5, not 0"},
		{"EE123456795VN", ErrCheckDigit, "should be"},
		{"ee-1234-5679-5-vn", ErrCheckDigit, "should be"},
		// Country.
		{"EE123456785GB", ErrCountry, "country code is GB"},
		{"EE123456785vn ", nil, ""},
		{"ee123456785us", ErrCountry, "country code is US"},
		{"EE123456784CN", ErrCountry, "only items of Vietnam Post"}, // country is reported first
		// Shape: length.
		{"", ErrFormat, "empty"},
		{"   ", ErrFormat, "empty"},
		{"EE12345678VN", ErrFormat, "this has 2 letters, 8 digits and 2 letters"},
		{"EE1234567855VN", ErrFormat, "10 digits"},
		{"E123456785VN", ErrFormat, "1 letter, 9 digits and 2 letters"},
		{"EEE123456785VN", ErrFormat, "3 letters"},
		{"EE123456785V", ErrFormat, "1 letter"},
		{"EE123456785VNN", ErrFormat, "3 letters"},
		{"EE123456785VN1", ErrFormat, "one too many"},
		{"EE1234", ErrFormat, "too short"},
		{"EE", ErrFormat, "too short"},
		{"123456785", ErrFormat, "character 1 should be a letter"},
		// Shape: letters in the serial, digits in the service or country.
		{"EE12345678OVN", ErrFormat, "character 11 should be a digit, not 'O' (the letter O"},
		{"EE1234S6785VN", ErrFormat, "character 7 should be a digit, not 'S'"},
		{"EEl23456785VN", ErrFormat, "character 3 should be a digit, not 'L'"},
		{"E1123456785VN", ErrFormat, "character 2 should be a letter, not '1'"},
		{"1E123456785VN", ErrFormat, "character 1 should be a letter"},
		{"EE123456785V1", ErrFormat, "character 13 should be a letter"},
		{"EE 12345A785 VN", ErrFormat, "character 9 should be a digit, not 'A'"},
		// Shape: look-alikes and other characters.
		{"EE１23456785VN", ErrFormat, "U+FF11"},           // fullwidth digit one
		{"ＥE123456785VN", ErrFormat, "U+FF25"},           // fullwidth E
		{"\u0415\u0415123456785VN", ErrFormat, "U+0415"}, // Cyrillic Е
		{"EE123456785\u0412N", ErrFormat, "U+0412"},      // Cyrillic В
		{"EE123456785V\u039d", ErrFormat, "U+039D"},      // Greek Ν
		{"EE12345678٥VN", ErrFormat, "U+0665"},           // Arabic-Indic five
		{"EE12345678\u2085VN", ErrFormat, "U+2085"},      // subscript five
		{"EE\u2013123456785VN", ErrFormat, "U+2013"},     // en dash
		{"EE\u00a0123456785VN", ErrFormat, "U+00A0"},     // no-break space inside
		{"EE\t123456785VN", ErrFormat, "character 3"},
		{"EE.123456785.VN", ErrFormat, "'.'"},
		{"EE_123456785VN", ErrFormat, "'_'"},
		{"EE123456785VN\xff", ErrFormat, "not valid text"},
		// Shape: separators in the wrong place.
		{"E E123456785VN", ErrFormat, "character 2 is misplaced"},
		{"EE123456785V N", ErrFormat, "character 13 is misplaced"},
		{"-EE123456785VN", ErrFormat, "character 1 is misplaced"},
		{"EE123456785VN-", ErrFormat, "character 14 is misplaced"},
	} {
		n, err := Parse(tc.in)
		if tc.kind == nil {
			if err != nil {
				t.Errorf("Parse(%q): %v, want it accepted", tc.in, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("Parse(%q) = %q, want %v", tc.in, n, tc.kind)
			continue
		}
		if n != "" {
			t.Errorf("Parse(%q) returned %q with an error", tc.in, n)
		}
		for _, other := range []error{ErrFormat, ErrCheckDigit, ErrCountry} {
			if errors.Is(err, other) != (other == tc.kind) {
				t.Errorf("Parse(%q): errors.Is(%v, %v) = %v", tc.in, err, other, !(other == tc.kind))
			}
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q): %T is not an *Error", tc.in, err)
			continue
		}
		if e.Input != tc.in {
			t.Errorf("Parse(%q): Input = %q", tc.in, e.Input)
		}
		if !strings.Contains(err.Error(), tc.mention) {
			t.Errorf("Parse(%q): message %q does not mention %q", tc.in, err.Error(), tc.mention)
		}
		if (tc.kind == ErrCheckDigit) != (e.Want >= 0 && e.Got >= 0) {
			t.Errorf("Parse(%q): Want, Got = %d, %d for %v", tc.in, e.Want, e.Got, tc.kind)
		}
	}
}

func TestCheckDigitErrorFields(t *testing.T) {
	_, err := Parse("EE123456784VN")
	var e *Error
	if !errors.As(err, &e) || e.Want != 5 || e.Got != 4 || e.Kind != ErrCheckDigit {
		t.Fatalf("got %#v", err)
	}
	want := `wrong check digit: "EE123456784VN": the check digit should be 5, not 4; if the last digit is right, one of the eight before it was mistyped`
	if err.Error() != want {
		t.Errorf("message\n got %s\nwant %s", err, want)
	}
}

func TestLongInputIsShortenedInMessage(t *testing.T) {
	_, err := Parse(strings.Repeat("EE123456785VN", 100))
	if err == nil || len(err.Error()) > 300 || !strings.Contains(err.Error(), "…") {
		t.Errorf("message not shortened: %v", err)
	}
}

func TestNew(t *testing.T) {
	for _, tc := range []struct {
		service string
		serial  int
		want    string
	}{
		{"EE", 12345678, "EE123456785VN"},
		{ServiceToAuthority, 0, "EA000000005VN"},
		{ServiceToCitizen, 8, "EB000000080VN"},
		{"ZZ", MaxSerial, "ZZ999999995VN"},
	} {
		n, err := New(tc.service, tc.serial)
		if err != nil || string(n) != tc.want {
			t.Errorf("New(%q, %d) = %q, %v; want %q", tc.service, tc.serial, n, err, tc.want)
			continue
		}
		if n.Service() != tc.service || n.Serial() != tc.serial || n.String() != tc.want {
			t.Errorf("%q: Service %q Serial %d String %q", n, n.Service(), n.Serial(), n.String())
		}
	}
	for _, tc := range []struct {
		service string
		serial  int
	}{
		{"ee", 1}, {"E", 1}, {"EEE", 1}, {"E1", 1}, {"", 1}, {"Е\u0415", 1}, {"ＥＥ", 1},
		{"EE", -1}, {"EE", MaxSerial + 1}, {"EE", 1 << 40},
	} {
		n, err := New(tc.service, tc.serial)
		var e *Error
		if err == nil || !errors.Is(err, ErrFormat) || !errors.As(err, &e) || n != "" {
			t.Errorf("New(%q, %d) = %q, %v; want an ErrFormat *Error", tc.service, tc.serial, n, err)
		}
	}
}

func TestServiceConstants(t *testing.T) {
	for _, s := range []string{ServiceToAuthority, ServiceToCitizen} {
		if _, err := New(s, 1); err != nil {
			t.Errorf("service %q: %v", s, err)
		}
	}
	if ServiceToAuthority == ServiceToCitizen {
		t.Error("the two legs must be told apart by their service indicator")
	}
}

func TestAccessorsOnInvalidNumber(t *testing.T) {
	for _, n := range []Number{"", "EE", "EE12345X785VN", "EE123456785VNX"} {
		if n.Serial() != -1 {
			t.Errorf("Number(%q).Serial() = %d, want -1", n, n.Serial())
		}
	}
	if Number("").Service() != "" {
		t.Error("Service of the zero Number is not empty")
	}
}

// TestRoundTripProperty: for random services and serials, New → String → Parse gives the
// same number back, also after the String is lower-cased and split into groups.
func TestRoundTripProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(45, 2016))
	for range 20000 {
		service := string([]byte{byte('A' + rng.IntN(26)), byte('A' + rng.IntN(26))})
		serial := rng.IntN(MaxSerial + 1)
		n, err := New(service, serial)
		if err != nil {
			t.Fatalf("New(%q, %d): %v", service, serial, err)
		}
		s := n.String()
		if CheckDigit(serial) != refCheck(s[2:10]) || int(s[10]-'0') != refCheck(s[2:10]) {
			t.Fatalf("%s: check digit disagrees with the reference", s)
		}
		for _, text := range []string{s, strings.ToLower(s), s[:2] + " " + s[2:6] + " " + s[6:10] + " " + s[10:11] + " " + s[11:],
			s[:2] + "-" + s[2:10] + "-" + s[10:11] + "-" + s[11:]} {
			back, err := Parse(text)
			if err != nil || back != n {
				t.Fatalf("Parse(%q) = %q, %v; want %q", text, back, err, n)
			}
		}
		if n.Service() != service || n.Serial() != serial {
			t.Fatalf("%s: Service %q Serial %d, want %q %d", n, n.Service(), n.Serial(), service, serial)
		}
	}
}

// TestSingleDigitErrorProperty: changing one serial digit of a valid number is detected
// as a wrong check digit, with exactly one exception built into S10: the remainders 0
// and 6 (sum mod 11) both give the check digit 5, so a change that moves the remainder
// from one to the other goes unnoticed. Changing the check digit itself is always caught.
func TestSingleDigitErrorProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(766, 2022))
	undetected := 0
	for range 5000 {
		n, _ := New("EE", rng.IntN(MaxSerial+1))
		s := []byte(n.String())
		r0 := remainder(string(s[2:10]))
		for i := 2; i < 11; i++ {
			orig := s[i]
			for d := byte('0'); d <= '9'; d++ {
				if d == orig {
					continue
				}
				s[i] = d
				_, err := Parse(string(s))
				exception := i < 10 && isFiveCollision(r0, remainder(string(s[2:10])))
				switch {
				case exception && err != nil:
					t.Fatalf("%s: expected the 0/6 collision to pass, got %v", s, err)
				case exception:
					undetected++
				case !errors.Is(err, ErrCheckDigit):
					t.Fatalf("%s (from %s): single-digit change not detected: %v", s, n, err)
				}
				s[i] = orig
			}
		}
	}
	if undetected == 0 {
		t.Error("no 0/6 collision met; the seed no longer exercises the exception")
	}
	// The documented example of the exception.
	for _, s := range []string{"EE000000005VN", "EE000020005VN"} {
		if _, err := Parse(s); err != nil {
			t.Errorf("Parse(%q): %v", s, err)
		}
	}
}

func remainder(serial string) int {
	w := []int{8, 6, 4, 2, 3, 5, 9, 7}
	sum := 0
	for i := range 8 {
		sum += w[i] * int(serial[i]-'0')
	}
	return sum % 11
}

func isFiveCollision(a, b int) bool { return a == 0 && b == 6 || a == 6 && b == 0 }

// TestSingleDigitErrorsExhaustive checks the same on every remainder class: for each
// position and each pair of different digits the change in remainder is weight×(d'−d)
// mod 11, never 0, so only the 0↔6 move can keep the check digit.
func TestSingleDigitErrorsExhaustive(t *testing.T) {
	check := func(r int) int { return refCheck(fmt.Sprintf("%08d", serialWithRemainder(r))) }
	for _, w := range weights {
		for delta := -9; delta <= 9; delta++ {
			if delta == 0 {
				continue
			}
			for r := range 11 {
				r2 := ((r+w*delta)%11 + 11) % 11
				if r2 == r {
					t.Fatalf("weight %d, change %d leaves the remainder", w, delta)
				}
				if check(r) == check(r2) && !isFiveCollision(r, r2) {
					t.Fatalf("remainders %d and %d share check digit %d", r, r2, check(r))
				}
			}
		}
	}
}

// serialWithRemainder returns a serial whose weighted sum mod 11 is r.
func serialWithRemainder(r int) int {
	for s := 0; ; s++ {
		if remainder(fmt.Sprintf("%08d", s)) == r {
			return s
		}
	}
}
