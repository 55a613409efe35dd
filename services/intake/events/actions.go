package events

import (
	"fmt"
	"time"

	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/outbox"
)

// Acted describes an action taken on a dossier, for its event.
type Acted struct {
	DossierID uuid.UUID
	State     dossier.State
	Step      dossier.Step
	// OfficeName names an office by its code (from the catalogue).
	OfficeName func(code string) string
	// CheckTime is the working time a dossier submitted online waited for the desk's
	// first check; set on that check only.
	CheckTime *time.Duration
	// ProcessingTime is the working time the dossier took, once finished.
	ProcessingTime time.Duration
	// DeliveryAddressSealed is where the post delivers the result, sealed with the event
	// key (sealing.EventDeliveryAddress; a result completed for delivery by post only).
	DeliveryAddressSealed []byte
	// Files are the files handed in with the action (a citizen's supplement online).
	Files []File
	// ResultFile is the result's file a complete carries, if any.
	ResultFile *File
}

// Action builds the outbox message of an action: the envelope with the dossier's new
// state and the step, and the kind of event the action is.
func Action(a Acted) (outbox.Message, error) {
	ref := func(code string) *dossierv1.Ref {
		if code == "" {
			return nil
		}
		return &dossierv1.Ref{Code: code, Name: a.OfficeName(code)}
	}
	st, step := a.State, a.Step
	id := uuid.New()
	ev := &dossierv1.Event{
		EventId:    id.String(),
		OccurredAt: timestamppb.New(step.At),
		DossierId:  a.DossierID.String(),
		Version:    int64(st.Version),
		Actor:      &dossierv1.Actor{Username: step.Actor, OfficeCode: step.Office},
		State: &dossierv1.State{
			Status: string(st.Status), StatusCode: int32(st.Status.NationalCode()),
			CurrentOffice: ref(st.CurrentOffice), PendingOffice: ref(st.PendingOffice),
			DueAt: optional(st.DueAt), PausedAt: stamp(st.PausedAt),
			SupplementRequests: int32(st.SupplementRequests), Extended: st.Extended,
			FinishedAt: stamp(st.FinishedAt), Timing: string(st.Timing),
			ProcessingSeconds: int64(a.ProcessingTime / time.Second),
			FeeDueVnd:         st.FeeDueVND, FeePaidVnd: st.FeePaidVND,
			ResultDownloadable: st.ResultDownloadable(),
		},
		Step: &dossierv1.Step{Office: ref(step.Office), Timing: string(step.Timing)},
	}
	if a.CheckTime != nil {
		ev.Step.CheckSeconds = proto.Int64(int64(*a.CheckTime / time.Second))
	}
	var kind string
	switch step.Action {
	case dossier.ActReceive:
		kind = "admitted"
		ev.Kind = &dossierv1.Event_Admitted{Admitted: &dossierv1.Admitted{ReceivedAt: timestamppb.New(st.ReceivedAt)}}
	case dossier.ActTransfer:
		kind = "transferred"
		ev.Kind = &dossierv1.Event_Transferred{Transferred: &dossierv1.Transferred{
			FromOffice: ref(step.FromOffice), ToOffice: ref(step.ToOffice), Via: ways[step.Via],
			CarriesResult: st.Status == dossier.StatusResultInTransit}}
	case dossier.ActAccept:
		kind = "accepted"
		acc := &dossierv1.Accepted{}
		if step.FromOffice != step.ToOffice {
			acc.FromOffice = ref(step.FromOffice)
		}
		ev.Kind = &dossierv1.Event_Accepted{Accepted: acc}
	case dossier.ActRequestSupplement:
		kind = "supplement_requested"
		items := make([]string, len(step.Items))
		for i, it := range step.Items {
			items[i] = it.Name
		}
		ev.Kind = &dossierv1.Event_SupplementRequested{SupplementRequested: &dossierv1.SupplementRequested{
			Items: items, Reason: step.Reason}}
	case dossier.ActSupplement:
		kind = "supplemented"
		ev.Kind = &dossierv1.Event_Supplemented{Supplemented: &dossierv1.Supplemented{Files: files(a.Files)}}
	case dossier.ActExtend:
		kind = "extended"
		ev.Kind = &dossierv1.Event_Extended{Extended: &dossierv1.Extended{
			OldDueAt: stamp(step.OldDueAt), NewDueAt: stamp(step.NewDueAt), Reason: step.Reason}}
	case dossier.ActComplete:
		kind = "completed"
		c := &dossierv1.Completed{Outcome: outcomes[step.Outcome], ResultDelivery: deliveries[st.ResultDelivery]}
		if st.ResultDelivery == dossier.DeliverByPost {
			c.DeliveryAddressSealed = a.DeliveryAddressSealed
		}
		if a.ResultFile != nil {
			c.ResultFile = files([]File{*a.ResultFile})[0]
		}
		if st.ResultDelivery == dossier.DeliverAtPostOffice {
			c.ResultPostOffice = ref(st.ResultPostOffice)
		}
		ev.Kind = &dossierv1.Event_Completed{Completed: c}
	case dossier.ActReturn, dossier.ActDeliver, dossier.ActDownload:
		kind = "returned"
		ev.Kind = &dossierv1.Event_Returned{Returned: &dossierv1.Returned{TrackingNumber: step.TrackingNumber,
			Electronic: step.Action == dossier.ActDownload}}
	case dossier.ActArrive:
		kind = "arrived"
		ev.Kind = &dossierv1.Event_Arrived{Arrived: &dossierv1.Arrived{TrackingNumber: step.TrackingNumber}}
	case dossier.ActBringIn:
		kind = "papers_delivered"
		ev.Kind = &dossierv1.Event_PapersDelivered{PapersDelivered: &dossierv1.PapersDelivered{TrackingNumber: step.TrackingNumber}}
	case dossier.ActBringBack:
		kind = "result_back"
		ev.Kind = &dossierv1.Event_ResultBack{ResultBack: &dossierv1.ResultBack{TrackingNumber: step.TrackingNumber}}
	case dossier.ActRefuse:
		kind = "refused"
		ev.Kind = &dossierv1.Event_Refused{Refused: &dossierv1.Refused{Reason: step.Reason}}
	case dossier.ActStop:
		kind = "stopped"
		ev.Kind = &dossierv1.Event_Stopped{Stopped: &dossierv1.Stopped{Reason: step.Reason}}
	case dossier.ActWithdraw:
		kind = "withdrawn"
		ev.Kind = &dossierv1.Event_Withdrawn{Withdrawn: &dossierv1.Withdrawn{Reason: step.Reason}}
	case dossier.ActRequestPayment:
		kind = "payment_requested"
		ev.Kind = &dossierv1.Event_PaymentRequested{PaymentRequested: &dossierv1.PaymentRequested{AmountVnd: step.AmountVND}}
	case dossier.ActRecordPayment, dossier.ActPayOnline:
		kind = "payment_recorded"
		ev.Kind = &dossierv1.Event_PaymentRecorded{PaymentRecorded: &dossierv1.PaymentRecorded{AmountVnd: step.AmountVND,
			ReceiptNumber: step.ReceiptNumber, Online: step.Action == dossier.ActPayOnline}}
	default:
		return outbox.Message{}, fmt.Errorf("encode event: no event for action %q", step.Action)
	}
	return encode(id, ev, a.DossierID, kind)
}

func stamp(t *time.Time) *timestamppb.Timestamp {
	if t == nil {
		return nil
	}
	return timestamppb.New(*t)
}
