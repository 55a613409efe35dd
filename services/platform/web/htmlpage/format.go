package htmlpage

import (
	"strconv"
	"strings"
	"time"
)

// Zone is Vietnam's time zone, in which every office works.
var Zone = time.FixedZone("ICT", 7*3600)

// When shows a time in Vietnam's zone: "15:04, 02/01/2006" or "2 Jan 2006, 15:04".
func When(lang Lang, t time.Time) string {
	t = t.In(Zone)
	if lang == English {
		return t.Format("2 Jan 2006, 15:04")
	}
	return t.Format("15:04, 02/01/2006")
}

// Day shows a date: "02/01/2006" or "2 Jan 2006".
func Day(lang Lang, t time.Time) string {
	t = t.In(Zone)
	if lang == English {
		return t.Format("2 Jan 2006")
	}
	return t.Format("02/01/2006")
}

// Decimal shows x with digits decimals (-1: as few as say it exactly), with a decimal
// comma in Vietnamese: "12,5" or "12.5".
func Decimal(lang Lang, x float64, digits int) string {
	s := strconv.FormatFloat(x, 'f', digits, 64)
	if lang != English {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Money shows a sum of đồng with dots between thousands: "1.500.000 ₫".
func Money(vnd int64) string {
	s := strconv.FormatInt(vnd, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String() + " ₫"
}
