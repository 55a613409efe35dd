package indicators

import "math"

// Targets of domain.md §6, in percent.
const (
	// SatisfactionTarget is the least satisfaction rate expected.
	SatisfactionTarget = 90.0
	// OnlineShareTarget is the least share of dossiers handed in online.
	OnlineShareTarget = 50.0
)

// Figures are the counters of a set of dossiers and the rates derived from them, in
// percent with one decimal; a rate is nil when its denominator is 0.
type Figures struct {
	Counters
	// Scored are the dossiers the rates count: all but the withdrawn.
	Scored int64
	// OnTimeRate is (finished early or on time + open within deadline) / scored.
	OnTimeRate *float64
	// AvgProcessingHours is the average working time of the finished dossiers.
	AvgProcessingHours *float64
	// AvgCheckHours is the average working time dossiers submitted online waited for
	// the desk's first check (the rule asks for it within the working day).
	AvgCheckHours *float64
	// OnlineShare is online / received.
	OnlineShare *float64
	// SatisfactionRate is 100 − late % − dislike %, late counting finished late and
	// open overdue, both over the scored dossiers; never below 0.
	SatisfactionRate *float64
	// AvgScore is the citizens' average overall rating (1 to 5).
	AvgScore *float64
}

// Of derives the figures of counters c.
func Of(c Counters) Figures {
	scored := c.Received - c.Withdrawn
	f := Figures{
		Counters:           c,
		Scored:             scored,
		OnTimeRate:         Percent(c.InTime(), scored),
		AvgProcessingHours: scaled(c.AvgProcessingSeconds, 3600),
		AvgCheckHours:      scaled(c.AvgCheckSeconds, 3600),
		OnlineShare:        Percent(c.Online, c.Received),
		AvgScore:           scaled(c.AvgScore, 1),
	}
	if scored > 0 {
		late := float64(c.LateOrOverdue()) / float64(scored) * 100
		dislike := float64(c.Dislikes) / float64(scored) * 100
		s := round1(max(0, 100-late-dislike))
		f.SatisfactionRate = &s
	}
	return f
}

// Percent is n/of in percent with one decimal, nil when of is 0.
func Percent(n, of int64) *float64 {
	if of <= 0 {
		return nil
	}
	p := round1(float64(n) / float64(of) * 100)
	return &p
}

// scaled is v/unit with one decimal, nil when v is.
func scaled(v *float64, unit float64) *float64 {
	if v == nil {
		return nil
	}
	x := round1(*v / unit)
	return &x
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
