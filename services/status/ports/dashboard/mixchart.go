package dashboard

import "github.com/motcua/motcua/services/status/app/indicators"

// The channel-mix chart: one bar of the whole width, a part per channel.
const mixHeight = 40.0

// channels are the channels of domain.md §6 in their national order: in person (1),
// online (2), post (3).
var channels = []string{"desk", "online", "post"}

// mixPart is a channel's part of the bar.
type mixPart struct {
	Channel string
	Count   int64
	Share   *float64
	X, W    float64
}

// mixChart is the channel mix as a bar divided in proportion to each channel's
// dossiers; with no dossier the bar is empty.
type mixChart struct {
	Width, Height float64
	Parts         []mixPart
	Total         int64
}

// newMixChart divides the bar among counts, keyed by channel.
func newMixChart(counts map[string]int64) mixChart {
	c := mixChart{Width: chartWidth, Height: mixHeight}
	for _, ch := range channels {
		c.Total += counts[ch]
	}
	x := 0.0
	for _, ch := range channels {
		p := mixPart{Channel: ch, Count: counts[ch], X: round2(x)}
		if c.Total > 0 {
			w := chartWidth * float64(p.Count) / float64(c.Total)
			p.W = round2(w)
			p.Share = indicators.Percent(p.Count, c.Total)
			x += w
		}
		c.Parts = append(c.Parts, p)
	}
	return c
}
