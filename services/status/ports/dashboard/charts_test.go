package dashboard

import (
	"strings"
	"testing"
)

func TestTrendChart(t *testing.T) {
	c := newTrendChart([]trendInput{
		{Label: "a", OnTime: 1, Scored: 2}, // 50 %
		{Label: "b"},                       // no dossier: no point, the line breaks
		{Label: "c", OnTime: 3, Scored: 3}, // 100 %
		{Label: "d", OnTime: 0, Scored: 4}, // 0 %
	})
	plotW, plotH := chartWidth-trendLeft-trendRight, trendHeight-trendBottom-trendTop
	for i, want := range []struct {
		rate *float64
		x, y float64
	}{
		{ptr(50), trendLeft + plotW/8, c.Bottom - plotH/2},
		{nil, trendLeft + plotW*3/8, 0},
		{ptr(100), trendLeft + plotW*5/8, trendTop},
		{ptr(0), trendLeft + plotW*7/8, c.Bottom},
	} {
		p := c.Points[i]
		if (p.Rate == nil) != (want.rate == nil) || p.Rate != nil && *p.Rate != *want.rate ||
			p.X != round2(want.x) || p.Y != round2(want.y) {
			t.Errorf("point %d: rate %v at (%v, %v), want %v at (%v, %v)", i, p.Rate, p.X, p.Y, want.rate, want.x, want.y)
		}
	}
	if want := "M 83.75 101 M 258.75 12 L 346.25 190"; c.Path != want {
		t.Errorf("path %q, want %q", c.Path, want)
	}
	if c.Grid[0].Y != c.Bottom || c.Grid[2].Y != trendTop || c.Grid[1].Label != "50 %" {
		t.Errorf("grid %+v", c.Grid)
	}
	// Many buckets: a label every few, never more than maxXLabels.
	many := newTrendChart(make([]trendInput, 14))
	labels := 0
	for _, p := range many.Points {
		if p.ShowLabel {
			labels++
		}
	}
	if labels > maxXLabels || !many.Points[0].ShowLabel || many.Path != "" {
		t.Errorf("%d labels of 14, path %q", labels, many.Path)
	}
}

func TestBarChart(t *testing.T) {
	long := strings.Repeat("Văn phòng ", 10)
	c := newBarChart([]barInput{{Code: "A", Name: "A", Late: 3, Overdue: 1}, {Code: "B", Name: long, Late: 0, Overdue: 2},
		{Code: "C", Name: "C"}})
	a, b, z := c.Bars[0], c.Bars[1], c.Bars[2]
	if a.LateW != barMaxWidth*3/4 || a.OverdueW != barMaxWidth/4 || a.OverdueX != a.LateW || a.ValueX != barMaxWidth+6 {
		t.Errorf("the largest bar spans the track: %+v", a)
	}
	if b.LateW != 0 || b.OverdueW != barMaxWidth/2 || b.BarY != barRowHeight+barTop {
		t.Errorf("half the largest, in the second row: %+v", b)
	}
	if z.LateW != 0 || z.OverdueW != 0 || c.Height != 3*barRowHeight {
		t.Errorf("nothing late: %+v, height %v", z, c.Height)
	}
	if r := []rune(b.Label); len(r) != maxBarLabel || r[len(r)-1] != '…' {
		t.Errorf("a long name is not cut: %q", b.Label)
	}
	ins := make([]barInput, maxBars+3)
	if c := newBarChart(ins); len(c.Bars) != maxBars || c.Hidden != 3 || c.Bars[0].LateW != 0 {
		t.Errorf("too many offices: %d bars, %d hidden", len(c.Bars), c.Hidden)
	}
}

func TestMixChart(t *testing.T) {
	c := newMixChart(map[string]int64{"desk": 1, "post": 1, "online": 2})
	var x float64
	for i, want := range []struct {
		channel string
		share   float64
	}{{"desk", 25}, {"online", 50}, {"post", 25}} {
		p := c.Parts[i]
		if p.Channel != want.channel || *p.Share != want.share || p.X != x || p.W != chartWidth*want.share/100 {
			t.Errorf("part %d: %+v, want %s at %v", i, p, want.channel, x)
		}
		x += p.W
	}
	if x != chartWidth || c.Total != 4 {
		t.Errorf("the parts fill %v of %v", x, chartWidth)
	}
	if e := newMixChart(nil); e.Total != 0 || e.Parts[0].Share != nil || e.Parts[0].W != 0 {
		t.Errorf("no dossier: %+v", e)
	}
}

func ptr(x float64) *float64 { return &x }
