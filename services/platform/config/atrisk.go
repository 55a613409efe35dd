package config

import (
	"fmt"
	"strconv"
)

// DefaultAtRiskHours is how many working hours ahead officers are warned of an
// appointment when MOTCUA_AT_RISK_HOURS is unset: one working day.
const DefaultAtRiskHours = 8

// AtRiskHours reads MOTCUA_AT_RISK_HOURS: an open dossier due within this many working
// hours is at risk (worktime.Calendar.AtRisk), on the officers' lists, the supervisors'
// dashboard and the morning digest alike. Every service that warns reads it here, so
// they agree on its name, its default and what it may be: a positive whole number.
func (r *Reader) AtRiskHours() int {
	const name = "MOTCUA_AT_RISK_HOURS"
	v, ok := r.raw(name)
	if !ok {
		r.seen = append(r.seen, Setting{Name: name, Value: strconv.Itoa(DefaultAtRiskHours)})
		return DefaultAtRiskHours
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		r.errs = append(r.errs, fmt.Sprintf("%s: %q is not a positive whole number of working hours such as 8", name, v))
		return DefaultAtRiskHours
	}
	r.seen = append(r.seen, Setting{Name: name, Value: v})
	return n
}
