package worktime

import "time"

// reason joins the Vietnamese and English names of a day off.
func reason(vi, en string) string { return vi + " / " + en }

// holiday is a public holiday on the same date every year.
type holiday struct {
	month  time.Month
	day    int
	vi, en string
}

// fixedHolidays are the fixed-date public holidays of the Labour Code 2019,
// art. 112(1), in date order.
var fixedHolidays = []holiday{
	{time.January, 1, "Tết Dương lịch", "New Year's Day"},
	{time.April, 30, "Ngày Chiến thắng", "Reunification Day"},
	{time.May, 1, "Ngày Quốc tế lao động", "International Labour Day"},
	{time.September, 2, "Quốc khánh", "National Day"},
}

// Reasons for the days off decided each year, used by the overrides table.
var (
	reasonTet            = reason("Tết Âm lịch", "Lunar New Year")
	reasonHungKings      = reason("Giỗ Tổ Hùng Vương", "Hùng Kings' Commemoration Day")
	reasonHungKingsComp  = reason("Nghỉ bù Giỗ Tổ Hùng Vương", "Compensatory day off for Hùng Kings' Commemoration Day")
	reasonNationalDayAdj = reason("Nghỉ Quốc khánh (ngày liền kề)", "National Day holiday (adjacent day)")
)

// DefaultDaysOff returns the days off of year that follow from fixed rules:
// the fixed-date holidays of the Labour Code 2019, art. 112 (1 January,
// 30 April, 1 May, 2 September) and, for each of them that falls on a
// Saturday or Sunday, a compensatory day off on the next working day
// (Monday to Friday, skipping days already off). The days decided each year
// are not included; see Overrides and YearDays.
func DefaultDaysOff(year int) map[Date]string {
	return yearDaysOff(year, Override{})
}

// yearDaysOff merges the fixed holidays of year with the days off of o and
// then adds the compensatory days for fixed holidays on a weekend, each on
// the next working day that is not already off (taking o's days off and
// working weekend days into account).
func yearDaysOff(year int, o Override) map[Date]string {
	off := make(map[Date]string, len(fixedHolidays)+len(o.DaysOff)+2)
	for _, h := range fixedHolidays {
		off[Date{year, h.month, h.day}] = reason(h.vi, h.en)
	}
	for d, r := range o.DaysOff {
		off[d] = r
	}
	working := func(d Date) bool {
		if _, isOff := off[d]; isOff {
			return false
		}
		return !d.IsWeekend() || o.WorkingWeekendDays[d]
	}
	for _, h := range fixedHolidays {
		d := Date{year, h.month, h.day}
		if !d.IsWeekend() {
			continue
		}
		comp := d.AddDays(1)
		for !working(comp) {
			comp = comp.AddDays(1)
		}
		off[comp] = reason("Nghỉ bù "+h.vi, "Compensatory day off for "+h.en)
	}
	return off
}
