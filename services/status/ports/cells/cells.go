// Package cells writes the indicators as the cells of status's CSV files, in the one
// order every file has them (the files themselves come from platform/spreadsheet).
package cells

import (
	"strconv"

	"github.com/motcua/motcua/services/status/app/indicators"
)

// Of are the cells of f in the order every indicators file has them: received,
// finished early, on time and late, open within deadline and overdue, withdrawn, the
// on-time rate, the average processing hours, the channels (desk, post, online), the
// online share, the satisfaction rate, the ratings (count, average, dislikes), and the
// average wait of online dossiers for the desk's first check in hours.
func Of(f indicators.Figures) []string {
	return []string{count(f.Received), count(f.Early), count(f.OnTime), count(f.Late), count(f.WithinDeadline),
		count(f.Overdue), count(f.Withdrawn), Decimal(f.OnTimeRate), Decimal(f.AvgProcessingHours),
		count(f.Desk), count(f.Post), count(f.Online), Decimal(f.OnlineShare), Decimal(f.SatisfactionRate),
		count(f.Ratings), Decimal(f.AvgScore), count(f.Dislikes), Decimal(f.AvgCheckHours)}
}

func count(n int64) string { return strconv.FormatInt(n, 10) }

// Decimal writes a figure with one decimal (a dot, as spreadsheets read files), or
// nothing when there is none.
func Decimal(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', 1, 64)
}
