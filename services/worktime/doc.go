// Package worktime is the working-time clock of a one-stop desk.
//
// A procedure's legal time limit is counted in working hours (one working
// day is eight hours with the default office hours) or is "same day". The
// appointment given to the citizen is the instant that many working hours
// after receipt, counting only office hours on working days; a dossier
// received outside office hours starts its clock at the next opening.
//
// A [Calendar] holds the office hours, the days off and the weekend days
// that are worked (government day swaps) for a location, normally
// Asia/Ho_Chi_Minh. Working days are Monday to Friday unless listed as a day
// off, plus the listed working Saturdays and Sundays.
//
// The public holidays are data. [DefaultDaysOff] generates the fixed-date
// holidays of the Labour Code 2019 (art. 112) and the compensatory days for
// those that fall on a weekend; the days decided each year (Lunar New Year,
// Hùng Kings' day, the day beside 2 September, day swaps) are shipped as a
// table of overrides ([Overrides]). [YearDays] merges both for one year so
// they can be stored, and [DefaultCalendar] builds a calendar from them.
//
// Intervals are half-open: an instant at the start of a span of office hours
// is inside it, an instant at its end is not. A count of working time that
// ends exactly at the end of a span ends there (11:30 or 17:00), not at the
// next opening.
//
// The package is pure: it does no I/O and keeps no mutable global state.
package worktime
