package servicetest

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// Addresses are distinctive, so finding one anywhere means it leaked.
const (
	pickupAddress   = "Số 12, tổ 4, ấp Bảo Thị, xã Bảo Hòa"
	deliveryAddress = "Số 5, ấp 2, xã Bảo Hòa, huyện Xuân Lộc"
)

// consumerInfo reads one of postal's durable consumers.
func (e *env) consumerInfo(t testing.TB, stream, durable string) *struct {
	Redelivered, Pending, AckPending int
	AckFloor, Last                   uint64
} {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := e.JS.Consumer(ctx, stream, durable)
	if err != nil {
		t.Fatal(err)
	}
	info, err := c.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s, err := e.JS.Stream(ctx, stream)
	if err != nil {
		t.Fatal(err)
	}
	si, err := s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return &struct {
		Redelivered, Pending, AckPending int
		AckFloor, Last                   uint64
	}{info.NumRedelivered, int(info.NumPending), info.NumAckPending, info.AckFloor.Stream, si.State.LastSeq}
}

// waitDossiersApplied waits until postal's consumer of dossier events has applied
// everything on the stream.
func (e *env) waitDossiersApplied(t testing.TB) {
	t.Helper()
	waitfor.Until(t, "the dossier events to be applied", func() bool {
		c := e.consumerInfo(t, messaging.DossierStream, "postal-dossiers")
		return c.Pending == 0 && c.AckPending == 0 && c.AckFloor == c.Last
	})
}

// shortDedupe shrinks the duplicate window of DOSSIER to the broker's minimum (100ms), so
// a test can store two messages with one Nats-Msg-Id, as a relay that replays its outbox
// would. It must come before anything is published on the stream: shrinking the window of
// a stream that remembers message ids re-arms the broker's purge at once, and that purge
// may still run with the old window (five minutes) and keep every id that long.
func (e *env) shortDedupe(t testing.TB) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	st, err := e.JS.Stream(ctx, messaging.DossierStream)
	if err != nil {
		t.Fatal(err)
	}
	if st.CachedInfo().State.Msgs != 0 {
		t.Fatal("shortDedupe after a message was published on " + messaging.DossierStream)
	}
	cfg := st.CachedInfo().Config
	cfg.Duplicates = 100 * time.Millisecond
	if _, err := e.JS.UpdateStream(ctx, cfg); err != nil {
		t.Fatal(err)
	}
}

// deadLetters counts the messages a consumer gave up on.
func (e *env) deadLetters(t testing.TB) int {
	t.Helper()
	msgs, err := messaging.ReadStream(context.Background(), e.JS, messaging.DeadLetterStream, "")
	if err != nil {
		t.Fatal(err)
	}
	return len(msgs)
}

func TestShipmentsOpenFromDossierEvents(t *testing.T) {
	e := startBare(t)
	e.shortDedupe(t)
	now := time.Now()

	// A dossier sent by post, received before the post knows the desk: the event waits.
	sentByPost := newDossier(districtDesk)
	e.publishDossier(t, sentByPost.received(now, dossierv1.Channel_CHANNEL_POST, pickupAddress))
	waitfor.Until(t, "the dossier event to be retried", func() bool {
		return e.consumerInfo(t, messaging.DossierStream, "postal-dossiers").Redelivered >= 1
	})
	if n := e.count(t, "SELECT count(*) FROM shipments"); n != 0 {
		t.Fatalf("%d shipments opened before the office was known", n)
	}
	for _, o := range geography {
		e.publishOffice(t, o, 1)
	}

	t.Run("a dossier sent by post is picked up from the citizen", func(t *testing.T) {
		s := e.waitShipments(t, sentByPost, 1)[0]
		if s.Kind != "pickup" || s.Status != "created" || s.From != nil || codeOf(s.To) != districtDesk ||
			s.Address != pickupAddress || s.OriginPostOffice.Code != districtPostOffice ||
			s.DestinationPostOffice.Code != districtPostOffice || s.PaidBy != "citizen" || s.DossierCode != sentByPost.Code {
			t.Errorf("pickup: %+v", s)
		}
		checkS10(t, s.TrackingNumber, "EA")
		if n := e.deadLetters(t); n != 0 {
			t.Errorf("%d dead letters: the early event should have waited", n)
		}
	})

	transferred := newDossier(districtDesk)
	t.Run("a transfer by post is a leg between offices", func(t *testing.T) {
		e.publishDossier(t, transferred.received(now, dossierv1.Channel_CHANNEL_DESK, ""))
		e.publishDossier(t, transferred.transferred(now, districtDesk, baoHoa, dossierv1.Via_VIA_HAND))
		e.publishDossier(t, transferred.transferred(now, districtDesk, baoHoa, dossierv1.Via_VIA_POST))
		s := e.waitShipments(t, transferred, 1)[0] // no pickup (desk), no leg for the hand transfer
		if s.Kind != "transfer" || codeOf(s.From) != districtDesk || codeOf(s.To) != baoHoa || s.Address != "" ||
			s.OriginPostOffice.Code != districtPostOffice || s.DestinationPostOffice.Code != baoHoaPostOffice ||
			s.PaidBy != "authority" {
			t.Errorf("transfer: %+v", s)
		}
		checkS10(t, s.TrackingNumber, "EA")
	})

	delivered := newDossier(districtDesk)
	t.Run("a result to deliver by post is a delivery", func(t *testing.T) {
		e.publishDossier(t, delivered.received(now, dossierv1.Channel_CHANNEL_DESK, ""))
		e.publishDossier(t, delivered.completed(now, baoHoa, dossierv1.DeliveryMethod_DELIVERY_METHOD_DESK, ""))
		e.publishDossier(t, delivered.completed(now, baoHoa, dossierv1.DeliveryMethod_DELIVERY_METHOD_POST, deliveryAddress))
		s := e.waitShipments(t, delivered, 1)[0]
		if s.Kind != "delivery" || codeOf(s.From) != baoHoa || s.To != nil || s.Address != deliveryAddress ||
			s.OriginPostOffice.Code != baoHoaPostOffice || s.DestinationPostOffice.Code != districtPostOffice {
			t.Errorf("delivery: %+v", s)
		}
		checkS10(t, s.TrackingNumber, "EB")
	})

	t.Run("the same event twice opens one shipment", func(t *testing.T) {
		d := newDossier(districtDesk)
		ev := d.received(now, dossierv1.Channel_CHANNEL_POST, pickupAddress)
		e.publishDossier(t, ev)
		first := e.waitShipments(t, d, 1)[0]

		// The same event under another message id (a relay that lost its bookkeeping):
		// the consumer's inbox cannot tell, the shipment's source can.
		e.publish(t, "dossier.v1."+ev.GetDossierId()+".received", uuid.New(), marshal(t, ev))
		// The same message again once the broker's duplicate window has passed: the
		// broker stores it twice and the consumer's inbox recognises it.
		waitfor.Until(t, "the broker to store a second copy of the message", func() bool {
			return !e.publish(t, "dossier.v1."+ev.GetDossierId()+".received", uuid.MustParse(ev.GetEventId()), marshal(t, ev))
		})
		e.waitDossiersApplied(t)
		list := e.waitShipments(t, d, 1)
		if list[0].TrackingNumber != first.TrackingNumber {
			t.Errorf("the shipment changed: %s then %s", first.TrackingNumber, list[0].TrackingNumber)
		}
	})

	t.Run("each new shipment is published on POSTAL", func(t *testing.T) {
		e.waitDossiersApplied(t)
		var want []apiclient.Shipment
		for _, d := range []*dossier{sentByPost, transferred, delivered} {
			want = append(want, e.shipments(t, "supervisor.xuanloc", d.Code)...)
		}
		kinds := map[string]postalv1.ShipmentKind{"pickup": postalv1.ShipmentKind_SHIPMENT_KIND_PICKUP,
			"transfer": postalv1.ShipmentKind_SHIPMENT_KIND_TRANSFER, "delivery": postalv1.ShipmentKind_SHIPMENT_KIND_DELIVERY}
		for _, s := range want {
			evs := e.waitPostal(t, "the creation of "+s.TrackingNumber, created(s.TrackingNumber))
			if len(evs) != 1 {
				t.Errorf("%s: %d created events, want 1", s.TrackingNumber, len(evs))
			}
			ev := evs[0]
			c := ev.GetCreated()
			if ev.MsgID != ev.GetEventId() || ev.Subject != "postal.v1."+ev.GetShipmentId()+".created" || ev.GetVersion() != 1 {
				t.Errorf("%s: published as %s, id %s, event %s, version %d", s.TrackingNumber, ev.Subject, ev.MsgID,
					ev.GetEventId(), ev.GetVersion())
			}
			if c.GetKind() != kinds[s.Kind] || c.GetDossierCode() != s.DossierCode || c.GetFromOfficeCode() != codeOf(s.From) ||
				c.GetToOfficeCode() != codeOf(s.To) || c.GetOriginPostOfficeCode() != s.OriginPostOffice.Code ||
				c.GetDestinationPostOfficeCode() != s.DestinationPostOffice.Code {
				t.Errorf("%s: created event %v does not describe %+v", s.TrackingNumber, c, s)
			}
			checkS10(t, c.GetTrackingNumber(), map[string]string{"pickup": "EA", "transfer": "EA", "delivery": "EB"}[s.Kind])
			if strings.Contains(string(ev.Data), "Bảo Thị") || strings.Contains(string(ev.Data), "ấp 2") {
				t.Errorf("%s: the created event carries the citizen's address", s.TrackingNumber)
			}
		}
		// Nothing else was opened: one created event per shipment.
		all := 0
		for _, ev := range e.postalEvents(t) {
			if ev.GetCreated() != nil {
				all++
			}
		}
		if want := e.count(t, "SELECT count(*) FROM shipments"); all != want {
			t.Errorf("%d created events for %d shipments", all, want)
		}
	})

	t.Run("what the post sees of a dossier event it opened", func(t *testing.T) {
		s := e.shipments(t, "desk.xuanloc", sentByPost.Code)
		if len(s) != 1 {
			t.Fatalf("the desk sees %d shipments of its dossier", len(s))
		}
		e.call(t, "GET", "/api/v1/shipments/"+s[0].TrackingNumber, e.token(t, "desk.xuanloc"), nil).Expect(t, http.StatusOK)
	})
}
