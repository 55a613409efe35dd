package scaledata

import (
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/lookuppin"
	"github.com/motcua/motcua/services/worktime"
)

// plan is a dossier before its history: what it asks, where and how it came in, and
// its code. Plans are drawn in order, one dossier after another, since a code takes the
// next number of its office's day; the history, the costly part, is played from the plan
// by any worker, with the dossier's own generator.
type plan struct {
	index     int
	rng       *rand.Rand
	id        uuid.UUID
	procedure catalog.Procedure
	receiving string
	handling  string
	channel   dossier.Channel
	delivery  dossier.DeliveryMethod
	// at is when the desk received the dossier (desk, post), or when the citizen
	// submitted it (online): a registration's moment, which its code is dated by.
	at   time.Time
	code string
	pin  string
}

// officeDay is an office's day, whose dossiers are numbered from 1.
type officeDay struct {
	office string
	day    string // YYYY-MM-DD, as intake's code_sequences keeps it
}

// procedureWeights are how often each demo procedure is asked for, in any unit: copies
// certified and land changes most, first land certificates and deaths least.
var procedureWeights = map[string]float64{
	"1.001193": 10, "1.000656": 3, "1.000894": 4, "2.000815": 25, "1.004873": 10,
	"2.000720": 7, "1.009994": 6, "1.004227": 20, "1.003003": 5, "1.001776": 5,
}

// planner draws the plans of dossiers received over the years before now.
type planner struct {
	seed       uint64
	cat        catalogue
	cal        *worktime.Calendar
	now        time.Time
	first      worktime.Date
	days       int
	procedures []catalog.Procedure
	procCum    []float64
	communes   chooser
	// sequences are the last numbers given at each office's day, those of dossiers
	// loaded before included.
	sequences map[officeDay]int
}

func newPlanner(seed uint64, cat catalogue, cal *worktime.Calendar, now time.Time, years int,
	sequences map[officeDay]int) *planner {
	loc := cal.Location()
	p := &planner{seed: seed, cat: cat, cal: cal, now: now, sequences: sequences}
	p.first = worktime.DateOf(now.In(loc).AddDate(-years, 0, 0))
	p.days = int(now.In(loc).Sub(time.Date(p.first.Year, p.first.Month, p.first.Day, 0, 0, 0, 0, loc)).Hours()/24) + 1
	total := 0.0
	for _, pr := range cat.procedures {
		total += procedureWeights[pr.Code] + 0.5 // a procedure added to the demo is asked for too
		p.procedures = append(p.procedures, pr)
		p.procCum = append(p.procCum, total)
	}
	for i := range p.procCum {
		p.procCum[i] /= total
	}
	// Communes differ in size: weights 1 to 5, fixed by their place in the list.
	var ws []weighted
	for i, c := range cat.communes {
		ws = append(ws, weighted{c, float64(1 + i*7%5)})
	}
	p.communes = newChooser(ws)
	return p
}

// next draws the plan of dossier index.
func (p *planner) next(index int) *plan {
	r := rand.New(rand.NewPCG(p.seed, uint64(index)))
	d := &plan{index: index, rng: r, id: drawUUID(r)}
	x := r.Float64()
	i := 0
	for i < len(p.procCum)-1 && p.procCum[i] < x {
		i++
	}
	d.procedure = p.procedures[i]
	switch d.procedure.DecidedByKind {
	case catalog.CommuneCentre:
		d.receiving = p.communes.draw(r)
		d.handling = d.receiving
	case catalog.Department:
		d.receiving, d.handling = demo.DistrictDesk, demo.LandOffice
	default:
		// Decided at the district: three in four are handed in at its desk, the rest at
		// a commune's, which sends them on by post.
		d.receiving, d.handling = demo.DistrictDesk, demo.DistrictDesk
		if r.IntN(4) == 0 {
			d.receiving = p.communes.draw(r)
		}
	}
	switch x := r.Float64(); {
	case d.procedure.Online && x < 0.30:
		d.channel = dossier.ChannelOnline
	case x > 0.90:
		d.channel = dossier.ChannelPost
	default:
		d.channel = dossier.ChannelDesk
	}
	d.delivery = dossier.DeliverAtDesk
	if r.IntN(100) < 15 {
		d.delivery = dossier.DeliverByPost
	}
	d.at = p.moment(r, d.channel == dossier.ChannelOnline)
	day := worktime.DateOf(d.at.In(p.cal.Location()))
	key := officeDay{office: d.receiving, day: day.String()}
	p.sequences[key]++
	d.code = dossier.FormatCode(d.receiving, d.at.In(p.cal.Location()), p.sequences[key])
	d.pin = drawPIN(r)
	return d
}

// moment draws when a dossier came in: a desk receives in office hours on a working day,
// a citizen submits online from six in the morning to eleven at night, any day; never
// after now. The offices receive more each year: the density of days grows linearly,
// three times as high at the end as at the start.
func (p *planner) moment(r *rand.Rand, online bool) time.Time {
	loc := p.cal.Location()
	for {
		x := math.Sqrt(0.25+2*r.Float64()) - 0.5 // density 0.5 + x on [0, 1]
		day := p.first.AddDays(min(p.days-1, int(x*float64(p.days))))
		midnight := time.Date(day.Year, day.Month, day.Day, 0, 0, 0, 0, loc)
		var t time.Time
		if online {
			t = midnight.Add(6*time.Hour + time.Duration(r.IntN(17*3600))*time.Second)
		} else {
			if !p.cal.IsWorkingDay(day) {
				continue
			}
			t = p.cal.AddWorkingTime(midnight, time.Duration(r.IntN(int(p.cal.WorkingDayLength()/time.Second)))*time.Second)
		}
		if !t.After(p.now) {
			return t
		}
	}
}

// drawUUID is a random (version 4) UUID from r.
func drawUUID(r *rand.Rand) uuid.UUID {
	var u uuid.UUID
	for i := 0; i < 16; i += 8 {
		v := r.Uint64()
		for j := 0; j < 8; j++ {
			u[i+j] = byte(v >> (8 * j))
		}
	}
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return u
}

// drawPIN is a lookup PIN from r, of lookuppin's length and alphabet.
func drawPIN(r *rand.Rand) string {
	var b strings.Builder
	for range lookuppin.Length {
		b.WriteByte(lookuppin.Alphabet[r.IntN(len(lookuppin.Alphabet))])
	}
	return b.String()
}
