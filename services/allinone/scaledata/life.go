package scaledata

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/worktime"
)

// act is one step of a dossier's history as intake took it: the state it left, the step
// it logged and what its event carries beyond them.
type act struct {
	state dossier.State
	step  dossier.Step
	// check is the wait for the desk's first check of a dossier submitted online, on
	// that check only.
	check   *time.Duration
	eventID uuid.UUID
}

// life is a dossier's history up to now, played by intake's rules: its first state, the
// acts after it, the post's legs that carried it, and the citizen's rating.
type life struct {
	*plan
	cat catalogue
	cal *worktime.Calendar
	now time.Time
	// first is the dossier as registered (version 1); state as the last act left it.
	first        dossier.State
	firstEventID uuid.UUID
	applicant    applicant
	// registeredBy is who registered it: a member of the desk's staff, or the citizen
	// online; feeReceipt the receipt of the fee paid at the desk.
	registeredBy string
	feeReceipt   string
	state        dossier.State
	acts         []act
	legs         []leg
	rating       *rating
	// at is when the last thing happened to the dossier.
	at time.Time
	// serials are the first of the serial numbers its legs' tracking numbers may take.
	serials int
	err     error
}

// rating is the citizen's rating of a dossier returned.
type rating struct {
	score    int
	criteria map[string]int
	comment  string
	at       time.Time
}

// live plays the history of the dossier p plans, up to now.
func live(p *plan, cat catalogue, cal *worktime.Calendar, now time.Time, serials int) (*life, error) {
	l := &life{plan: p, cat: cat, cal: cal, now: now, serials: serials, firstEventID: drawUUID(p.rng),
		applicant: drawApplicant(p, cat)}
	proc := p.procedure
	l.first = dossier.State{Status: dossier.StatusReceived, ReceivingOffice: p.receiving, HandlingOffice: p.handling,
		CurrentOffice: p.receiving, TimeLimitHours: proc.TimeLimitHours, ResultDelivery: p.delivery,
		FeeDueVND: proc.FeeVND, Version: 1}
	if p.channel == dossier.ChannelOnline {
		l.first.Status = dossier.StatusSubmitted
	} else {
		l.first.ReceivedAt = p.at
		l.first.DueAt = cal.AddWorkingHours(p.at, proc.TimeLimitHours).In(cal.Location()).Truncate(time.Second)
		l.first.OriginalDueAt = l.first.DueAt
		l.first.FeePaidVND = proc.FeeVND // paid at the desk, with its receipt
	}
	l.state, l.at = l.first, p.at
	l.registeredBy = dossier.CitizenName
	if p.channel != dossier.ChannelOnline {
		l.registeredBy = l.staff(p.receiving)
		if l.first.FeePaidVND > 0 {
			l.feeReceipt = fmt.Sprintf("BL%s-%06d", officeNumber(p.receiving), l.rng.IntN(1_000_000))
		}
	}
	if p.channel == dossier.ChannelPost {
		// Sent by post: the post picks the papers up at the citizen's address and takes
		// them to the desk (postal opens the leg on the dossier's first event).
		l.carry(legPickup, "", p.receiving, -1, p.at)
	}
	l.run()
	return l, l.err
}

// run plays the history: the desk's check of a dossier submitted online, its way to the
// office that decides it, the processing, and the result's way back to the citizen. Each
// part returns false when the history stops: now is reached, or the dossier ended.
func (l *life) run() {
	if l.channel == dossier.ChannelOnline && !l.check() {
		return
	}
	if !l.toHandlingOffice() || !l.process() {
		return
	}
	l.giveResult()
}

// hours is a span of working time between lo and hi hours, to the second.
func (l *life) hours(lo, hi float64) time.Duration {
	return time.Duration((lo+l.rng.Float64()*(hi-lo))*3600) * time.Second
}

// later is a moment between lo and hi working hours after the last thing happened.
func (l *life) later(lo, hi float64) time.Time { return l.cal.AddWorkingTime(l.at, l.hours(lo, hi)) }

// chance is true with probability p.
func (l *life) chance(p float64) bool { return l.rng.Float64() < p }

// staff names a member of staff of office: four at each.
func (l *life) staff(office string) string {
	role := "xuly"
	if l.cat.offices[office].Kind.ReceivesDossiers() {
		role = "motcua"
	}
	return fmt.Sprintf("%s.%s.%d", role, officeNumber(office), 1+l.rng.IntN(4))
}

// officeNumber is the part of an agency code that tells the district's offices apart:
// 000.05.16.H19 → 05.
func officeNumber(code string) string {
	if len(code) >= 6 {
		return code[4:6]
	}
	return code
}

// do takes action a with command c for office at t, as a member of staff of office (the
// citizen for a supplement); false, and nothing done, when t is after now.
func (l *life) do(a dossier.Action, c dossier.Command, office string, t time.Time) bool {
	if t.After(l.now) || l.err != nil {
		return false
	}
	actor := dossier.Actor{Username: l.staff(office), Offices: []string{office}}
	if a == dossier.ActSupplement {
		actor = dossier.Citizen(l.state)
	}
	prev := l.state
	next, step, err := dossier.Apply(prev, a, c, actor, t, l.cal)
	if err != nil {
		l.err = fmt.Errorf("%s %s at %s: %w", a, l.code, t, err)
		return false
	}
	var check *time.Duration
	if since := dossier.AwaitsCheckSince(prev, l.plan.at, time.Time{}); dossier.ChecksFirst(prev, a) && !since.IsZero() {
		waited := l.cal.WorkingDuration(since, t)
		check = &waited
	}
	l.keep(next, step, check)
	return true
}

// keep adds an act to the history.
func (l *life) keep(next dossier.State, step dossier.Step, check *time.Duration) {
	l.acts = append(l.acts, act{state: next, step: step, check: check, eventID: drawUUID(l.rng)})
	l.state, l.at = next, step.At
}

// road applies a leg the post delivered at t: the dossier arrives at office (a
// transfer) or its result is delivered to the citizen.
func (l *life) road(kind legKind, office, tracking string, t time.Time) bool {
	var next dossier.State
	var step dossier.Step
	var err error
	switch kind {
	case legTransfer:
		next, step, err = dossier.Arrive(l.state, office, tracking, t, l.cal)
	case legDelivery:
		next, step, err = dossier.Deliver(l.state, tracking, t, l.cal)
	}
	if err != nil {
		l.err = fmt.Errorf("%s %s at %s: %w", kind, l.code, t, err)
		return false
	}
	l.keep(next, step, nil)
	return true
}

// check is the desk's check of a dossier submitted online: most are received within the
// working day; some get the desk's guidance first (once), a few are refused.
func (l *life) check() bool {
	desk := l.receiving
	switch x := l.rng.Float64(); {
	case x < 0.02:
		l.do(dossier.ActRefuse, dossier.Command{Reason: "Hồ sơ không đúng thẩm quyền giải quyết"}, desk, l.later(0.3, 8))
		return false
	case x < 0.07:
		if !l.do(dossier.ActRequestSupplement, dossier.Command{Items: l.missing(), Reason: "Thiếu giấy tờ theo quy định"},
			desk, l.later(0.3, 8)) {
			return false
		}
		if l.chance(0.12) {
			// The citizen never sends what is missing: the desk stops it weeks later.
			l.do(dossier.ActStop, dossier.Command{Reason: "Quá hạn bổ sung hồ sơ"}, desk, l.later(80, 160))
			return false
		}
		if !l.do(dossier.ActSupplement, dossier.Command{}, desk, l.later(4, 40)) {
			return false
		}
	}
	return l.do(dossier.ActReceive, dossier.Command{}, desk, l.later(0.2, 6))
}

// missing are the documents a supplement request names: the procedure's first one.
func (l *life) missing() []dossier.Document {
	docs := l.procedure.Documents
	if len(docs) == 0 {
		return []dossier.Document{{Name: "Giấy tờ bổ sung", Kind: dossier.Copy, Copies: 1}}
	}
	d := docs[l.rng.IntN(len(docs))]
	return []dossier.Document{{Name: d.Name, Kind: d.Kind, Copies: max(d.Copies, 1)}}
}

// toHandlingOffice takes the dossier from the desk to the office that decides it: a
// desk that decides accepts it at once; another hands it over, by post from a commune,
// by hand in the district's seat. A few are refused or withdrawn on the way.
func (l *life) toHandlingOffice() bool {
	desk, handling := l.receiving, l.handling
	switch x := l.rng.Float64(); {
	case x < 0.015:
		l.do(dossier.ActRefuse, dossier.Command{Reason: "Hồ sơ không đủ điều kiện giải quyết"}, desk, l.later(0.2, 4))
		return false
	case x < 0.022:
		l.do(dossier.ActWithdraw, dossier.Command{Reason: "Công dân xin rút hồ sơ"}, desk, l.later(1, 24))
		return false
	}
	if desk == handling {
		return l.do(dossier.ActAccept, dossier.Command{}, desk, l.later(0.1, 2))
	}
	return l.handOver(desk, handling)
}

// handOver sends the dossier (or its result) from office from to office to and has it
// accepted there: by post from a commune's desk or to it, by hand otherwise.
func (l *life) handOver(from, to string) bool {
	via := dossier.ByHand
	if l.cat.offices[from].Kind == catalog.CommuneCentre || l.cat.offices[to].Kind == catalog.CommuneCentre {
		via = dossier.ByPost
	}
	if !l.do(dossier.ActTransfer, dossier.Command{ToOffice: to, Via: via}, from, l.later(0.25, 4)) {
		return false
	}
	if via == dossier.ByPost {
		lg := l.carry(legTransfer, from, to, len(l.acts)-1, l.at)
		if lg.delivered.IsZero() || !l.road(legTransfer, to, lg.tracking, lg.delivered) {
			return false
		}
	}
	return l.do(dossier.ActAccept, dossier.Command{}, to, l.later(0.3, 6))
}

// process is the deciding office's work, from its acceptance to the result: most finish
// well before the appointment, one in ten after it; on the way some ask the citizen for
// a supplement, some ask for a fee fixed during processing, some apologise with a new
// appointment, a few refuse or are withdrawn.
func (l *life) process() bool {
	office := l.state.CurrentOffice
	limit := l.state.TimeLimitHours
	late := l.chance(0.10)
	var finish time.Time
	switch {
	case limit >= 24 && l.chance(0.04):
		// Stuck: a dossier that waits on another authority's opinion, a site visit, a
		// disputed boundary, finished months late (or not yet).
		late = true
		finish = l.cal.AddWorkingTime(l.state.ReceivedAt, l.hours(2*float64(limit), 6*float64(limit)))
	case limit == 0 && late:
		finish = l.cal.AddWorkingTime(l.state.DueAt, l.hours(0.5, 8))
	case limit == 0:
		finish = l.later(0.3, 3)
	case late:
		finish = l.cal.AddWorkingTime(l.state.ReceivedAt, l.hours(1.02*float64(limit), 1.6*float64(limit)))
	default:
		finish = l.cal.AddWorkingTime(l.state.ReceivedAt, l.hours(0.15*float64(limit), 0.95*float64(limit)))
	}
	if limit >= 24 {
		switch x := l.rng.Float64(); {
		case x < 0.07:
			var ok bool
			if finish, ok = l.supplement(office, finish); !ok {
				return false
			}
		case x < 0.08:
			l.do(dossier.ActRefuse, dossier.Command{Reason: "Không đủ điều kiện theo quy định"}, office, l.later(1, 16))
			return false
		case x < 0.09:
			l.do(dossier.ActWithdraw, dossier.Command{Reason: "Công dân xin rút hồ sơ"}, office, l.later(1, 24))
			return false
		}
		if l.procedure.FeeVaries && l.chance(0.7) && !l.payment(office) {
			return false
		}
		if late && l.chance(0.4) && !l.extend(office) {
			return false
		}
	}
	if !finish.After(l.at) {
		finish = l.later(0.25, 2)
	}
	outcome := dossier.Approved
	if l.chance(0.04) {
		outcome = dossier.Rejected
	}
	return l.do(dossier.ActComplete, dossier.Command{Outcome: outcome}, office, finish)
}

// supplement asks the citizen for a missing paper: most send it within two weeks and
// the work goes on, the appointment moved by the wait; some never do and the office
// stops the dossier; a few ask twice. It returns when the office will finish now.
func (l *life) supplement(office string, finish time.Time) (time.Time, bool) {
	items := dossier.Command{Items: l.missing(), Reason: "Cần bổ sung giấy tờ để giải quyết"}
	if !l.do(dossier.ActRequestSupplement, items, office, l.later(1, 16)) {
		return finish, false
	}
	if l.chance(0.12) {
		l.do(dossier.ActStop, dossier.Command{Reason: "Công dân không bổ sung hồ sơ"}, office, l.later(80, 160))
		return finish, false
	}
	paused := l.at
	if !l.do(dossier.ActSupplement, dossier.Command{}, office, l.later(8, 80)) {
		return finish, false
	}
	finish = l.cal.AddWorkingTime(finish, l.cal.WorkingDuration(paused, l.at))
	if l.chance(0.1) {
		return l.supplement(office, finish)
	}
	return finish, true
}

// payment asks for a fee fixed during processing; most pay within days, a few never do
// and the dossier is stopped.
func (l *life) payment(office string) bool {
	amount := int64(50_000 * (2 + l.rng.IntN(40)))
	if !l.do(dossier.ActRequestPayment, dossier.Command{AmountVND: amount}, office, l.later(1, 8)) {
		return false
	}
	if l.chance(0.05) {
		l.do(dossier.ActStop, dossier.Command{Reason: "Công dân không nộp phí, lệ phí"}, office, l.later(80, 160))
		return false
	}
	receipt := fmt.Sprintf("BL%s-%06d", officeNumber(office), l.rng.IntN(1_000_000))
	return l.do(dossier.ActRecordPayment, dossier.Command{AmountVND: amount, ReceiptNumber: receipt}, office, l.later(2, 24))
}

// extend apologises for a dossier that will be late, with a new appointment one to two
// working weeks after the old one.
func (l *life) extend(office string) bool {
	t := l.later(0.5, 8)
	due := l.cal.AddWorkingHours(maxTime(l.state.DueAt, t), 40+l.rng.IntN(41)).Truncate(time.Second)
	return l.do(dossier.ActExtend, dossier.Command{NewDueAt: &due, Reason: "Cần thêm thời gian thẩm định, xác minh"},
		office, t)
}

// giveResult takes the result to the citizen: delivered by post from the deciding
// office, or handed back to the desk that received the dossier and collected there (a
// few never are); a part of those returned are rated.
func (l *life) giveResult() {
	if l.delivery == dossier.DeliverByPost {
		lg := l.carry(legDelivery, l.state.CurrentOffice, "", len(l.acts)-1, l.at)
		if lg.delivered.IsZero() || !l.road(legDelivery, "", lg.tracking, lg.delivered) {
			return
		}
	} else {
		if l.state.CurrentOffice != l.receiving && !l.handOver(l.state.CurrentOffice, l.receiving) {
			return
		}
		if l.chance(0.03) || !l.do(dossier.ActReturn, dossier.Command{}, l.receiving, l.later(0.2, 40)) {
			return
		}
	}
	if l.chance(0.25) {
		l.rate()
	}
}

// scores are the ratings citizens give, most often the best.
var scores = newChooser([]weighted{{"5", 58}, {"4", 26}, {"3", 9}, {"2", 4}, {"1", 3}})

// rate has the citizen rate the service within days of the return, when that is before
// now.
func (l *life) rate() {
	at := l.at.Add(l.hours(0.1, 72))
	if at.After(l.now) {
		return
	}
	score := int(scores.draw(l.rng)[0] - '0')
	near := func() int { return min(5, max(1, score+l.rng.IntN(3)-1)) }
	r := &rating{score: score, at: at, criteria: map[string]int{"on_time": near(), "attitude": near(),
		"guidance": near(), "trips": 1 + l.rng.IntN(2)}}
	if score <= 2 {
		r.comment = "Phải đi lại nhiều lần"
	}
	l.rating = r
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
