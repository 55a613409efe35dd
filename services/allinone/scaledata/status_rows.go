package scaledata

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/intake/events"
	"github.com/motcua/motcua/services/platform/lookuppin"
	"github.com/motcua/motcua/services/status/adapters/store"
	"github.com/motcua/motcua/services/status/projection"
)

// statusDossier is a row of status's dossiers, as its folds leave it.
type statusDossier struct {
	r                  store.Received
	current            [2]string // code, name
	status             string
	statusCode         int32
	dueAt, receivedAt  *time.Time
	finishedAt         *time.Time
	feeDue, feePaid    int64
	version            int64
	timeline           []store.Step
	updatedAt          time.Time
	pending            [2]string
	pausedAt           *time.Time
	supplementRequests int32
	extended           bool
	timing             string
	processingSeconds  int64
	outcome            string
	offices            []string
	resultDownloadable bool
	resultFile         *store.ResultFile
	checkSeconds       *int64
}

// statusRows adds the dossier's row in status: its events, as intake's events package
// writes them and status's projection decodes them, folded in order.
func (b *builder) statusRows(l *life, out *batch) error {
	r, changes, err := b.statusEvents(l)
	if err != nil {
		return err
	}
	d := received(r)
	for _, c := range changes {
		d.fold(c)
	}
	timeline, err := json.Marshal(d.timeline)
	if err != nil {
		return err
	}
	var resultFile any
	if d.resultFile != nil {
		resultFile = d.resultFile
	}
	out.add(statusDossiers, r.ID, r.Code, r.ProcedureCode, r.ProcedureName, r.ReceivingOfficeCode,
		r.ReceivingOfficeName, r.HandlingOfficeCode, r.HandlingOfficeName, d.current[0], d.current[1], r.Channel,
		d.status, d.statusCode, r.ApplicantMasked, r.PINHash, d.receivedAt, d.dueAt, r.TimeLimitHours, d.finishedAt,
		r.ResultDelivery, d.feeDue, d.feePaid, d.version, json.RawMessage(timeline), d.updatedAt,
		nullIfEmpty(d.pending[0]), nullIfEmpty(d.pending[1]), d.pausedAt, d.supplementRequests, d.extended, d.timing,
		d.processingSeconds, d.outcome, d.offices, r.SubmittedAt, d.resultDownloadable, resultFile, d.checkSeconds,
		nil, nil)
	if rt := l.rating; rt != nil {
		criteria, err := json.Marshal(rt.criteria)
		if err != nil {
			return err
		}
		out.add(statusRatings, l.id, rt.score, json.RawMessage(criteria), rt.comment, rt.at)
	}
	return nil
}

// statusEvents are the dossier's events as intake publishes them and status's
// projection decodes them: its first event, then one per act. Event ids are the
// dossier's own draws, so that they too come from the seed.
func (b *builder) statusEvents(l *life) (store.Received, []store.Change, error) {
	f := l.first
	reg := events.Registered{DossierID: l.id, Code: l.code, Procedure: l.procedure,
		ReceivingOffice: b.cat.offices[l.receiving], HandlingOffice: b.cat.offices[l.handling], Channel: l.channel,
		MaskedName: dossier.MaskName(l.applicant.name), PINHash: lookuppin.Hash(b.pinKey, l.code, l.pin),
		Status: f.Status, ReceivedAt: f.ReceivedAt, DueAt: f.DueAt, ResultDelivery: l.delivery,
		FeeDueVND: f.FeeDueVND, FeePaidVND: f.FeePaidVND,
		Actor: &dossierv1.Actor{Username: l.registeredBy, OfficeCode: l.receiving}}
	if l.channel == dossier.ChannelOnline {
		reg.SubmittedAt = l.plan.at
	}
	msg, err := events.Received(reg, l.plan.at)
	if err != nil {
		return store.Received{}, nil, err
	}
	dec, err := projection.Decode(msg.Payload)
	if err != nil {
		return store.Received{}, nil, fmt.Errorf("decode %s's received: %w", l.code, err)
	}
	r := *dec.Received
	r.Step.EventID = l.firstEventID
	changes := make([]store.Change, 0, len(l.acts))
	for _, a := range l.acts {
		msg, err := events.Action(events.Acted{DossierID: l.id, State: a.state, Step: a.step, OfficeName: b.cat.name,
			CheckTime: a.check, ProcessingTime: a.state.ProcessingTime(b.clock)})
		if err != nil {
			return r, nil, err
		}
		dec, err := projection.Decode(msg.Payload)
		if err != nil {
			return r, nil, fmt.Errorf("decode %s's %s: %w", l.code, a.step.Action, err)
		}
		c := *dec.Change
		c.Step.EventID = a.eventID
		changes = append(changes, c)
	}
	return r, changes, nil
}

// received folds a dossier's first event into a new row, as store.FoldReceived does.
func received(r store.Received) *statusDossier {
	r.Step.Version = r.Version
	d := &statusDossier{r: r, current: [2]string{r.ReceivingOfficeCode, r.ReceivingOfficeName}, status: r.Status,
		statusCode: r.StatusCode, dueAt: r.DueAt, receivedAt: r.ReceivedAt, feeDue: r.FeeDueVND, feePaid: r.FeePaidVND,
		version: r.Version, timeline: []store.Step{r.Step}, updatedAt: r.Step.At}
	d.offices = officeSet(nil, r.ReceivingOfficeCode)
	if r.ReceivedAt != nil {
		d.offices = officeSet(d.offices, r.HandlingOfficeCode)
	}
	return d
}

// fold applies a later event as store.FoldChange does: the state when the event is
// newer than the row, the outcome, reception, result file and check time whatever the
// order, the offices only growing, the step added once in version order.
func (d *statusDossier) fold(c store.Change) {
	c.Step.Version = c.Version
	s := c.State
	if d.version < c.Version {
		d.status, d.statusCode = s.Status, s.StatusCode
		d.current = [2]string{s.CurrentOfficeCode, s.CurrentOfficeName}
		d.pending = [2]string{s.PendingOfficeCode, s.PendingOfficeName}
		if s.DueAt != nil {
			d.dueAt = s.DueAt
		}
		d.pausedAt, d.supplementRequests, d.extended = s.PausedAt, s.SupplementRequests, s.Extended
		d.finishedAt, d.timing, d.processingSeconds = s.FinishedAt, s.Timing, s.ProcessingSeconds
		d.feeDue, d.feePaid, d.resultDownloadable = s.FeeDueVND, s.FeePaidVND, s.ResultDownloadable
		d.version = c.Version
	}
	if c.Outcome != "" {
		d.outcome = c.Outcome
	}
	if c.ReceivedAt != nil {
		d.receivedAt = c.ReceivedAt
	}
	if c.ResultFile != nil {
		d.resultFile = c.ResultFile
	}
	if c.CheckSeconds != nil {
		d.checkSeconds = c.CheckSeconds
	}
	d.offices = officeSet(d.offices, s.CurrentOfficeCode, s.PendingOfficeCode)
	if s.DueAt != nil {
		d.offices = officeSet(d.offices, d.r.HandlingOfficeCode)
	}
	if !slices.ContainsFunc(d.timeline, func(st store.Step) bool { return st.Version == c.Version }) {
		d.timeline = append(d.timeline, c.Step)
		slices.SortStableFunc(d.timeline, func(a, b store.Step) int { return int(a.Version - b.Version) })
	}
	d.updatedAt = c.Step.At
}

// officeSet is set with codes added, sorted, without repeats or empty codes: the
// dossier's offices as status keeps them.
func officeSet(set []string, codes ...string) []string {
	for _, c := range codes {
		if c != "" && !slices.Contains(set, c) {
			set = append(set, c)
		}
	}
	slices.Sort(set)
	return set
}
