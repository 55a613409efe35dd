// Package projection folds the dossier events of motcua.dossier.v1, and the shipment
// events of motcua.postal.v1, into status's read model. Each event is applied in the
// consumer's transaction, beside its inbox row.
package projection

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go/jetstream"
	"google.golang.org/protobuf/proto"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/status/adapters/store"
)

// DossierConsumer names status's durable consumer of dossier events.
var DossierConsumer = messaging.Durable(messaging.DossierStream, "status-dossiers", "dossier.v1.>")

// Dossier applies one dossier event. Messages that cannot be decoded, or that lack what
// every event must carry, are poison: retrying cannot mend them. A later event of a
// dossier whose Received has not been folded yet waits (messaging.Later): the consumer
// retries it with back-off for as long as Received takes to arrive.
func Dossier(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
	d, err := Decode(msg.Data())
	if err != nil {
		return messaging.Unreadable(msg, err)
	}
	if d.Change != nil {
		return verdict(store.FoldChange(ctx, tx, *d.Change))
	}
	return verdict(store.FoldReceived(ctx, tx, *d.Received))
}

// Decoded is a dossier event read into the change it makes to the read model: exactly
// one of Received (the first event of a dossier) and Change (any later one) is set.
type Decoded struct {
	Received *store.Received
	Change   *store.Change
}

// Decode reads a dossier event into the change it makes to the read model, or says
// why the event cannot be applied.
func Decode(data []byte) (Decoded, error) {
	var ev dossierv1.Event
	if err := proto.Unmarshal(data, &ev); err != nil {
		return Decoded{}, fmt.Errorf("decode dossier event: %w", err)
	}
	id, err := uuid.Parse(ev.GetDossierId())
	if err != nil {
		return Decoded{}, errors.New("dossier event without a valid dossier id")
	}
	eventID, err := uuid.Parse(ev.GetEventId())
	if err != nil {
		return Decoded{}, errors.New("dossier event without a valid event id")
	}
	if ev.GetVersion() < 1 || ev.GetOccurredAt() == nil {
		return Decoded{}, errors.New("dossier event without version or time")
	}
	if ev.GetVersion() > math.MaxInt32 {
		return Decoded{}, errors.New("dossier event with an impossible version")
	}
	if k, ok := ev.Kind.(*dossierv1.Event_Received); ok {
		r, err := received(id, eventID, &ev, k.Received)
		if err != nil {
			return Decoded{}, err
		}
		return Decoded{Received: &r}, nil
	}
	c, err := change(id, eventID, &ev)
	if err != nil {
		return Decoded{}, err
	}
	return Decoded{Change: &c}, nil
}

// received reads the first event of a dossier. A dossier received at a desk has its
// reception and its appointment; one submitted online (status submitted) has the time
// of its submission instead, and neither of those until a desk receives it (Admitted).
// One a post office took at its counter or at the citizen's door (Counter) is submitted
// by post: its first step is its handing in at that post office, named as the step's
// office, when it was submitted (the event's own time when it does not say); the desk
// receives it once the post delivered the papers (PapersDelivered, then Admitted).
func received(id, eventID uuid.UUID, ev *dossierv1.Event, r *dossierv1.Received) (store.Received, error) {
	if r.GetCode() == "" || len(r.GetPinHash()) == 0 {
		return store.Received{}, errors.New("received event without code or PIN hash")
	}
	counter := r.GetCounter()
	if counter != nil && (counter.GetPostOffice().GetCode() == "" || !storable(counter.GetPostOffice().GetCode()) ||
		!storable(counter.GetPostOffice().GetName())) {
		return store.Received{}, errors.New("received event of a post office without the post office")
	}
	submitted := r.GetStatus() == submittedStatus
	if submitted && counter == nil && !r.GetSubmittedAt().IsValid() {
		return store.Received{}, errors.New("received event of a submitted dossier without the time of its submission")
	}
	if !submitted && (!r.GetReceivedAt().IsValid() || !r.GetDueAt().IsValid()) {
		return store.Received{}, errors.New("received event without the times of reception and appointment")
	}
	if r.GetSubmittedAt() != nil && !r.GetSubmittedAt().IsValid() {
		return store.Received{}, errors.New("received event with an impossible time")
	}
	if !utf8.ValidString(r.GetCode()) || len(r.GetCode()) > 40 || strings.ContainsRune(r.GetCode(), 0) {
		return store.Received{}, errors.New("received event with a malformed code")
	}
	for _, s := range []string{r.GetProcedure().GetCode(), r.GetProcedure().GetName(), r.GetReceivingOffice().GetCode(),
		r.GetReceivingOffice().GetName(), r.GetHandlingOffice().GetCode(), r.GetHandlingOffice().GetName(),
		r.GetStatus(), r.GetApplicantMaskedName(), r.GetResultPostOffice().GetCode(), r.GetResultPostOffice().GetName()} {
		if !storable(s) {
			return store.Received{}, errors.New("received event with text PostgreSQL cannot store")
		}
	}
	out := store.Received{
		ID: id, Version: ev.GetVersion(),
		Code: r.GetCode(), ProcedureCode: r.GetProcedure().GetCode(), ProcedureName: r.GetProcedure().GetName(),
		ReceivingOfficeCode: r.GetReceivingOffice().GetCode(), ReceivingOfficeName: r.GetReceivingOffice().GetName(),
		HandlingOfficeCode: r.GetHandlingOffice().GetCode(), HandlingOfficeName: r.GetHandlingOffice().GetName(),
		Channel: channel(r.GetChannel()), Status: r.GetStatus(), StatusCode: r.GetStatusCode(),
		ApplicantMasked: r.GetApplicantMaskedName(), PINHash: r.GetPinHash(),
		SubmittedAt:    optionalTime(r.GetSubmittedAt().IsValid(), r.GetSubmittedAt().AsTime()),
		TimeLimitHours: r.GetTimeLimitHours(),
		ResultDelivery: delivery(r.GetResultDelivery()), FeeDueVND: r.GetFeeDueVnd(), FeePaidVND: r.GetFeePaidVnd(),
		ResultPostOffice: resultPostOffice(r.GetResultDelivery(), r.GetResultPostOffice()),
		// Step times are kept to the microsecond, as PostgreSQL keeps the postal steps'
		// times they are merged with.
		Step: store.Step{EventID: eventID, At: ev.GetOccurredAt().AsTime().Truncate(time.Microsecond),
			Type: "received", OfficeCode: r.GetReceivingOffice().GetCode(), OfficeName: r.GetReceivingOffice().GetName()},
	}
	if counter != nil {
		// Handed in at a post office: by post, whatever else the event says, and
		// submitted when the post office took it.
		po := counter.GetPostOffice()
		out.Channel, out.CounterPostOffice = "post", store.PostOffice{Code: po.GetCode(), Name: po.GetName()}
		if out.SubmittedAt == nil {
			at := ev.GetOccurredAt().AsTime()
			out.SubmittedAt = &at
		}
		out.Step.Type, out.Step.OfficeCode, out.Step.OfficeName = submittedAtPostStep, po.GetCode(), po.GetName()
		out.Step.At = out.SubmittedAt.Truncate(time.Microsecond)
	}
	if submitted {
		// The citizen's step is the submission itself; the clock has not started, so
		// whatever times of reception the event might carry are not the dossier's yet.
		if counter == nil {
			out.Step.Type, out.Step.At = submittedStatus, out.SubmittedAt.Truncate(time.Microsecond)
		}
		return out, nil
	}
	receivedAt, dueAt := r.GetReceivedAt().AsTime(), r.GetDueAt().AsTime()
	out.ReceivedAt, out.DueAt = &receivedAt, &dueAt
	return out, nil
}

// resultPostOffice is where the citizen collects a result delivered by method: the post
// office p when at a post office's counter, none otherwise.
func resultPostOffice(method dossierv1.DeliveryMethod, p *dossierv1.Ref) store.PostOffice {
	if method != dossierv1.DeliveryMethod_DELIVERY_METHOD_POST_OFFICE {
		return store.PostOffice{}
	}
	return store.PostOffice{Code: p.GetCode(), Name: p.GetName()}
}

// submittedStatus is the status of a dossier submitted online that no desk has received
// yet, and the name of the first step of its timeline.
const submittedStatus = "submitted"

// submittedAtPostStep is the first step of the timeline of a dossier a post office took
// for the authority.
const submittedAtPostStep = "submitted_at_post"

func channel(c dossierv1.Channel) string {
	switch c {
	case dossierv1.Channel_CHANNEL_DESK:
		return "desk"
	case dossierv1.Channel_CHANNEL_ONLINE:
		return "online"
	case dossierv1.Channel_CHANNEL_POST:
		return "post"
	}
	return "unknown"
}

func delivery(m dossierv1.DeliveryMethod) string {
	switch m {
	case dossierv1.DeliveryMethod_DELIVERY_METHOD_POST:
		return "post"
	case dossierv1.DeliveryMethod_DELIVERY_METHOD_ELECTRONIC:
		return "electronic"
	case dossierv1.DeliveryMethod_DELIVERY_METHOD_POST_OFFICE:
		return "post_office"
	}
	return "desk"
}
