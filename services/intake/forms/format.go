package forms

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// hoursPerDay is the number of working hours in a working day.
const hoursPerDay = 8

// money formats an amount in dong the Vietnamese way: "100.000 đồng".
func money(vnd int64) string {
	sign := ""
	u := uint64(vnd)
	if vnd < 0 {
		sign, u = "-", uint64(-(vnd+1))+1 // safe for the smallest int64
	}
	digits := strconv.FormatUint(u, 10)
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	b.WriteString(" đồng")
	return b.String()
}

// timePhrase writes a moment as forms do, in loc: "09 giờ 05 phút, ngày 01 tháng
// 12 năm 2026". The zero time gives "".
func timePhrase(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(loc)
	return fmt.Sprintf("%02d giờ %02d phút, %s", t.Hour(), t.Minute(), datePhrase(t, loc))
}

// datePhrase writes a day as forms do, in loc: "ngày 01 tháng 12 năm 2026". The
// zero time gives "".
func datePhrase(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(loc)
	return fmt.Sprintf("ngày %02d tháng %02d năm %04d", t.Day(), int(t.Month()), t.Year())
}

// timeLimit writes a legal time limit given in working hours: "3 ngày làm việc",
// "4 giờ làm việc", "1 ngày 4 giờ làm việc", or "Trong ngày" for 0. A negative
// limit (unknown) gives "".
func timeLimit(hours int) string {
	switch {
	case hours < 0:
		return ""
	case hours == 0:
		return "Trong ngày"
	case hours < hoursPerDay:
		return fmt.Sprintf("%d giờ làm việc", hours)
	case hours%hoursPerDay == 0:
		return fmt.Sprintf("%d ngày làm việc", hours/hoursPerDay)
	}
	return fmt.Sprintf("%d ngày %d giờ làm việc", hours/hoursPerDay, hours%hoursPerDay)
}

// capitalize upper-cases the first letter of a phrase ("ngày 01…" → "Ngày 01…").
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return strings.ToUpper(string(r)) + s[n:]
}
