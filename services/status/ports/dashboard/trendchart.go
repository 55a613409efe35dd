package dashboard

import (
	"math"
	"strconv"
	"strings"

	"github.com/motcua/motcua/services/status/app/indicators"
)

// The drawing area of the charts, in the units of their viewBox; the SVG scales to the
// width of the page, from a phone's to a desk's.
const (
	chartWidth  = 400.0
	trendHeight = 220.0
	trendLeft   = 40.0
	trendRight  = 10.0
	trendTop    = 12.0
	trendBottom = 30.0
	// maxXLabels is how many bucket labels fit under the trend's axis.
	maxXLabels = 7
)

// trendInput is one bucket of the on-time rate over time.
type trendInput struct {
	// Label names the bucket under the axis (its first day); Title says it whole.
	Label, Title string
	// OnTime dossiers (finished early or on time, or open within deadline) of Scored.
	OnTime, Scored int64
}

// trendPoint is a bucket placed on the chart; Rate is nil (and the point not drawn)
// when no dossier of the bucket is scored.
type trendPoint struct {
	trendInput
	X, Y float64
	Rate *float64
	// ShowLabel: the label is written under the axis (every few buckets when there are
	// many).
	ShowLabel bool
}

// gridLine is a horizontal line of the trend with its value.
type gridLine struct {
	Y     float64
	Label string
}

// trendChart is the on-time rate over time as a line: its points, the path joining
// the points that have a rate (broken across buckets without one), and its grid.
type trendChart struct {
	Width, Height float64
	Left, Right   float64
	Bottom        float64
	Points        []trendPoint
	Path          string
	Grid          []gridLine
}

// newTrendChart places the buckets of ins evenly along the x axis, each at the middle of
// its slot, the rate from 0 % (bottom) to 100 % (top).
func newTrendChart(ins []trendInput) trendChart {
	c := trendChart{Width: chartWidth, Height: trendHeight, Left: trendLeft, Right: chartWidth - trendRight,
		Bottom: trendHeight - trendBottom}
	plotW := c.Right - c.Left
	plotH := c.Bottom - trendTop
	for _, pct := range []float64{0, 50, 100} {
		c.Grid = append(c.Grid, gridLine{Y: round2(c.Bottom - plotH*pct/100), Label: strconv.Itoa(int(pct)) + " %"})
	}
	every := (len(ins) + maxXLabels - 1) / maxXLabels
	var path strings.Builder
	drawing := false
	for i, in := range ins {
		p := trendPoint{trendInput: in, X: round2(c.Left + plotW*(float64(i)+0.5)/float64(len(ins))),
			ShowLabel: i%max(every, 1) == 0}
		if in.Scored > 0 {
			p.Rate = indicators.Percent(in.OnTime, in.Scored)
			p.Y = round2(c.Bottom - plotH**p.Rate/100)
			if drawing {
				path.WriteString(" L ")
			} else {
				if path.Len() > 0 {
					path.WriteString(" ")
				}
				path.WriteString("M ")
			}
			path.WriteString(num(p.X) + " " + num(p.Y))
			drawing = true
		} else {
			drawing = false
		}
		c.Points = append(c.Points, p)
	}
	c.Path = path.String()
	return c
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// num writes a coordinate without trailing zeros.
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
