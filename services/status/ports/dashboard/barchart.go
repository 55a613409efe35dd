package dashboard

import "unicode/utf8"

// The rows of the late-dossiers chart.
const (
	barRowHeight = 36.0
	barLabelY    = 13.0
	barTop       = 18.0
	barHeight    = 12.0
	barMaxWidth  = 330.0
	// maxBars is how many offices the chart shows; its table lists them all.
	maxBars = 15
	// maxBarLabel is the longest office name written above a bar, in characters.
	maxBarLabel = 56
)

// barInput is an office and its late dossiers: finished late, and open past their
// appointment.
type barInput struct {
	Code, Name    string
	Late, Overdue int64
}

// bar is an office's row: its name, then a bar of two parts (late, overdue) whose
// length is its total against the chart's largest.
type bar struct {
	barInput
	Label            string
	Y, LabelY, BarY  float64
	LateW, OverdueW  float64
	OverdueX, ValueX float64
}

// barChart is late dossiers per office as horizontal bars, one row per office.
type barChart struct {
	Width, Height float64
	// TrackW and BarH are the size of a bar's track (the largest bar's length).
	TrackW, BarH float64
	Bars         []bar
	// Hidden is how many offices did not fit (they are in the table).
	Hidden int
}

// newBarChart draws ins in their order, the first maxBars of them.
func newBarChart(ins []barInput) barChart {
	c := barChart{Width: chartWidth, TrackW: barMaxWidth, BarH: barHeight}
	shown := ins
	if len(shown) > maxBars {
		shown, c.Hidden = shown[:maxBars], len(shown)-maxBars
	}
	var most int64 = 1
	for _, in := range shown {
		most = max(most, in.Late+in.Overdue)
	}
	for i, in := range shown {
		y := float64(i) * barRowHeight
		b := bar{barInput: in, Label: shorten(in.Name, maxBarLabel), Y: y, LabelY: y + barLabelY, BarY: y + barTop,
			LateW:    round2(barMaxWidth * float64(in.Late) / float64(most)),
			OverdueW: round2(barMaxWidth * float64(in.Overdue) / float64(most))}
		b.OverdueX = b.LateW
		b.ValueX = round2(b.LateW + b.OverdueW + 6)
		c.Bars = append(c.Bars, b)
	}
	c.Height = max(float64(len(shown))*barRowHeight, barRowHeight)
	return c
}

// shorten cuts s to n characters, the last an ellipsis, when it is longer.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
