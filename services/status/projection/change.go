package projection

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/status/adapters/store"
)

// statusName is what a status may look like: status keeps statuses it has no label for
// yet (a newer intake may add one) but refuses what cannot be one.
var statusName = regexp.MustCompile(`^[a-z][a-z_]{0,39}$`)

// change reads an event after Received: its kind, the state it leaves the dossier in
// and the step it adds to the timeline.
func change(id, eventID uuid.UUID, ev *dossierv1.Event) (store.Change, error) {
	st, step := ev.GetState(), ev.GetStep()
	if st == nil || step == nil {
		return store.Change{}, errors.New("dossier event without its state or step")
	}
	if !statusName.MatchString(st.GetStatus()) || st.GetStatusCode() < 1 || st.GetStatusCode() > 10 {
		return store.Change{}, fmt.Errorf("dossier event with a malformed status %q (%d)", st.GetStatus(), st.GetStatusCode())
	}
	if st.GetCurrentOffice().GetCode() == "" || step.GetOffice().GetCode() == "" {
		return store.Change{}, errors.New("dossier event without a current office or the step's office")
	}
	switch st.GetTiming() {
	case "", "early", "on_time", "late":
	default:
		return store.Change{}, fmt.Errorf("dossier event with an unknown timing %q", st.GetTiming())
	}
	if st.GetSupplementRequests() < 0 || st.GetProcessingSeconds() < 0 || step.GetCheckSeconds() < 0 {
		return store.Change{}, errors.New("dossier event with negative counts")
	}
	c := store.Change{
		ID:      id,
		Version: ev.GetVersion(),
		State: store.State{
			Status: st.GetStatus(), StatusCode: st.GetStatusCode(),
			CurrentOfficeCode: st.GetCurrentOffice().GetCode(), CurrentOfficeName: st.GetCurrentOffice().GetName(),
			PendingOfficeCode: st.GetPendingOffice().GetCode(), PendingOfficeName: st.GetPendingOffice().GetName(),
			// No appointment before a desk receives a dossier submitted online.
			DueAt:              optionalTime(st.GetDueAt().IsValid(), st.GetDueAt().AsTime()),
			PausedAt:           optionalTime(st.GetPausedAt().IsValid(), st.GetPausedAt().AsTime()),
			SupplementRequests: st.GetSupplementRequests(), Extended: st.GetExtended(),
			FinishedAt: optionalTime(st.GetFinishedAt().IsValid(), st.GetFinishedAt().AsTime()),
			Timing:     st.GetTiming(), ProcessingSeconds: st.GetProcessingSeconds(),
			FeeDueVND: st.GetFeeDueVnd(), FeePaidVND: st.GetFeePaidVnd(),
			ResultDownloadable: st.GetResultDownloadable(),
		},
		// Step times are kept to the microsecond, as PostgreSQL keeps the postal steps'
		// times they are merged with.
		Step: store.Step{EventID: eventID, At: ev.GetOccurredAt().AsTime().Truncate(time.Microsecond),
			OfficeCode: step.GetOffice().GetCode(), OfficeName: step.GetOffice().GetName()},
		CheckSeconds: step.CheckSeconds,
	}
	if st.GetDueAt() != nil && c.State.DueAt == nil || st.GetPausedAt() != nil && c.State.PausedAt == nil ||
		st.GetFinishedAt() != nil && c.State.FinishedAt == nil {
		return store.Change{}, errors.New("dossier event with an impossible time")
	}
	switch k := ev.Kind.(type) {
	case *dossierv1.Event_Admitted:
		// A desk received a dossier submitted online: its clock starts.
		if !k.Admitted.GetReceivedAt().IsValid() || c.State.DueAt == nil {
			return store.Change{}, errors.New("admitted event without the time of reception or the appointment")
		}
		c.Step.Type = "admitted"
		received := k.Admitted.GetReceivedAt().AsTime()
		c.ReceivedAt = &received
	case *dossierv1.Event_Transferred:
		to := k.Transferred.GetToOffice()
		if to.GetCode() == "" {
			return store.Change{}, errors.New("transferred event without the office it goes to")
		}
		c.Step.Type = "transferred"
		if k.Transferred.GetCarriesResult() {
			c.Step.Type = "result_transferred"
		}
		c.Step.OfficeCode, c.Step.OfficeName = to.GetCode(), to.GetName()
	case *dossierv1.Event_Accepted:
		c.Step.Type = "accepted"
		if st.GetStatus() == "processed" {
			c.Step.Type = "result_accepted"
		}
	case *dossierv1.Event_SupplementRequested:
		c.Step.Type = "supplement_requested"
		if items := k.SupplementRequested.GetItems(); len(items) > 0 {
			c.Step.Detail = &store.StepDetail{Items: items}
		}
	case *dossierv1.Event_Supplemented:
		c.Step.Type = "supplemented"
	case *dossierv1.Event_Extended:
		c.Step.Type = "extended"
		due := c.State.DueAt
		if n := k.Extended.GetNewDueAt(); n.IsValid() {
			t := n.AsTime()
			due = &t
		}
		if due == nil {
			return store.Change{}, errors.New("extended event without its new appointment")
		}
		c.Step.Detail = &store.StepDetail{NewDueAt: due}
	case *dossierv1.Event_Completed:
		c.Step.Type = "completed"
		switch k.Completed.GetOutcome() {
		case dossierv1.Outcome_OUTCOME_APPROVED:
			c.Outcome = "approved"
		case dossierv1.Outcome_OUTCOME_REJECTED:
			c.Outcome = "rejected"
		}
		if f := k.Completed.GetResultFile(); f != nil {
			rf, err := resultFile(f)
			if err != nil {
				return store.Change{}, err
			}
			c.ResultFile = rf
		}
		if p := k.Completed.GetResultPostOffice(); p.GetCode() != "" {
			// The result is collected at this post office's counter.
			if !storable(p.GetCode()) || !storable(p.GetName()) {
				return store.Change{}, errors.New("completed event with text PostgreSQL cannot store")
			}
			c.ResultPostOffice = &store.PostOffice{Code: p.GetCode(), Name: p.GetName()}
		}
	case *dossierv1.Event_Returned:
		switch {
		case k.Returned.GetTrackingNumber() != "":
			c.Step.Type = "result_delivered"
		case k.Returned.GetElectronic():
			c.Step.Type = "result_downloaded"
		default:
			c.Step.Type = "returned"
		}
	case *dossierv1.Event_Arrived:
		c.Step.Type = "arrived"
	case *dossierv1.Event_PapersDelivered:
		// The post delivered at the desk the papers a post office took: the desk may
		// check and receive them now (Admitted follows).
		c.Step.Type = "papers_delivered"
	case *dossierv1.Event_ResultBack:
		c.Step.Type = "result_back"
	case *dossierv1.Event_Refused:
		c.Step.Type = "refused"
	case *dossierv1.Event_Stopped:
		c.Step.Type = "stopped"
	case *dossierv1.Event_Withdrawn:
		c.Step.Type = "withdrawn"
	case *dossierv1.Event_PaymentRequested:
		c.Step.Type = "payment_requested"
	case *dossierv1.Event_PaymentRecorded:
		c.Step.Type = "payment_recorded"
		r, err := receipt(k.PaymentRecorded)
		if err != nil {
			return store.Change{}, err
		}
		c.Step.Receipt = r
	default:
		return store.Change{}, errors.New("dossier event of an unknown kind")
	}
	texts := []string{c.State.CurrentOfficeCode, c.State.CurrentOfficeName, c.State.PendingOfficeCode,
		c.State.PendingOfficeName, c.Step.OfficeCode, c.Step.OfficeName}
	if c.Step.Detail != nil {
		texts = append(texts, c.Step.Detail.Items...)
	}
	for _, s := range texts {
		if !storable(s) {
			return store.Change{}, errors.New("dossier event with text PostgreSQL cannot store")
		}
	}
	return c, nil
}

// sha256Hex is what a file's SHA-256 looks like in an event: lower-case hex.
var sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)

// resultFile reads the fingerprint of a result's file, refusing one that cannot be a
// file's: no name, a name PostgreSQL cannot keep or beyond any file's length, a size
// below one byte, a digest that is not SHA-256.
func resultFile(f *dossierv1.File) (*store.ResultFile, error) {
	if f.GetName() == "" || !storable(f.GetName()) || !storable(f.GetContentType()) || utf8.RuneCountInString(f.GetName()) > 300 ||
		len(f.GetContentType()) > 100 || f.GetSize() < 1 || !sha256Hex.MatchString(f.GetSha256()) {
		return nil, errors.New("completed event with a malformed result file")
	}
	return &store.ResultFile{Name: f.GetName(), ContentType: f.GetContentType(), Size: f.GetSize(), SHA256: f.GetSha256()}, nil
}

// receipt reads the receipt of a payment recorded: none in events from before receipts
// were carried; one with a number PostgreSQL cannot keep, beyond any receipt's length,
// or without a positive amount is refused.
func receipt(p *dossierv1.PaymentRecorded) (*store.Receipt, error) {
	n := p.GetReceiptNumber()
	if n == "" {
		return nil, nil
	}
	if !storable(n) || utf8.RuneCountInString(n) > 100 || p.GetAmountVnd() <= 0 {
		return nil, errors.New("payment_recorded event with a malformed receipt")
	}
	return &store.Receipt{Number: n, AmountVND: p.GetAmountVnd(), Online: p.GetOnline()}, nil
}

// storable reports whether PostgreSQL can keep s as text: UTF-8 without NUL.
func storable(s string) bool { return utf8.ValidString(s) && !strings.ContainsRune(s, 0) }

func optionalTime(valid bool, t time.Time) *time.Time {
	if !valid {
		return nil
	}
	return &t
}
