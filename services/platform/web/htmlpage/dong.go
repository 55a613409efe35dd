package htmlpage

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
)

// ErrNotDong is returned by ParseDong for text that is not a whole number of đồng.
var ErrNotDong = errors.New("not a whole number of đồng")

// ParseDong reads a sum of đồng as people type it: "1500000", "1.500.000",
// "1,500,000" or "1 500 000", optionally followed by "₫", "đ" or "VND". Separators must
// group the digits by three, so "100,5" (a decimal comma) is refused rather than read
// as 1005. Empty text is 0. A leading minus gives a negative sum, for the caller to
// refuse in its own words.
func ParseDong(s string) (int64, error) {
	s = strings.TrimSpace(s)
	for _, unit := range []string{"₫", "đồng", "đ", "VND", "vnd", "VNĐ", "vnđ"} {
		s = strings.TrimSpace(strings.TrimSuffix(s, unit))
	}
	if s == "" {
		return 0, nil
	}
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		n, err := ParseDong(rest)
		if err != nil || rest == "" || strings.HasPrefix(rest, "-") {
			return 0, ErrNotDong
		}
		return -n, nil
	}
	groups := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == ',' || unicode.IsSpace(r) })
	if len(groups) == 0 || strings.Join(groups, "") == "" {
		return 0, ErrNotDong
	}
	if len(groups) > 1 {
		for i, g := range groups {
			if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				return 0, ErrNotDong
			}
		}
		// Each separator is one character between two groups, never two in a row.
		if len([]rune(s)) != len(strings.Join(groups, ""))+len(groups)-1 {
			return 0, ErrNotDong
		}
	}
	digits := strings.Join(groups, "")
	for _, r := range digits {
		if r < '0' || r > '9' {
			return 0, ErrNotDong
		}
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return 0, ErrNotDong
	}
	return n, nil
}
