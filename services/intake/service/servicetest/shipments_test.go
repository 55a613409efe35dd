package servicetest

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/nats-io/nats.go"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// publishShipmentEvent publishes what the postal service says when a shipment is
// delivered, as the postal service does: on the POSTAL stream, with its event id as
// the message id.
func (e *env) publishShipmentEvent(t *testing.T, rc receipt, kind postalv1.ShipmentKind, eventType, to string, eventID uuid.UUID) {
	t.Helper()
	ev := &postalv1.Event{EventId: eventID.String(), OccurredAt: timestamppb.Now(), ShipmentId: uuid.NewString(), Version: 5,
		Kind: &postalv1.Event_Recorded{Recorded: &postalv1.ShipmentEventRecorded{
			TrackingNumber: "EE123456785VN", DossierId: rc.ID, DossierCode: rc.Code, Kind: kind, Type: eventType,
			ToOfficeCode: to, At: timestamppb.Now()}}}
	data, err := proto.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	msg := &nats.Msg{Subject: "postal.v1." + ev.GetShipmentId() + ".recorded", Data: data, Header: nats.Header{}}
	msg.Header.Set(nats.MsgIdHdr, eventID.String())
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := e.JS.PublishMsg(ctx, msg); err != nil {
		t.Fatal(err)
	}
}

// waitStatus waits until the dossier has status.
func (e *env) waitStatus(t *testing.T, code, status string) {
	t.Helper()
	waitfor.Within(t, 15*time.Second, "dossier "+code+" to become "+status, func() bool {
		var s state
		e.call(t, "GET", "/api/v1/dossiers/"+code, e.token(t, "desk.xuanloc"), nil).Decode(t, &s)
		return s.Status == status
	})
}

func TestThePostMovesDossiersOn(t *testing.T) {
	e := start(t)

	// A transfer by post arrives at the commune, which then accepts it.
	rc := e.registerAtDistrict(t)
	e.actOK(t, "desk.xuanloc", rc.Code, "transfer", map[string]any{"to_office": baoHoa, "via": "post"})
	id := uuid.New()
	e.publishShipmentEvent(t, rc, postalv1.ShipmentKind_SHIPMENT_KIND_TRANSFER, "in_transit", baoHoa, uuid.New())
	e.publishShipmentEvent(t, rc, postalv1.ShipmentKind_SHIPMENT_KIND_TRANSFER, "delivered", baoHoa, id)
	e.publishShipmentEvent(t, rc, postalv1.ShipmentKind_SHIPMENT_KIND_TRANSFER, "delivered", baoHoa, id) // a resend
	waitfor.Within(t, 15*time.Second, "the arrival", func() bool {
		return e.count(t, "SELECT count(*) FROM dossier_steps WHERE action = 'arrive'") == 1
	})
	s := e.actOK(t, "officer.baohoa", rc.Code, "accept", map[string]any{})
	if s.Version != 4 { // received, transferred, arrived, accepted
		t.Fatalf("version after arrival and acceptance: %d", s.Version)
	}

	// A result delivered by post to the citizen is returned.
	body := registration(demo.DistrictDesk)
	body["result_delivery"] = map[string]any{"method": "post", "address": "Số 5, ấp 2, xã Bảo Hòa"}
	r := e.register(t, e.token(t, "desk.xuanloc"), apitest.JSON(t, body))
	var byPost receipt
	r.Decode(t, &byPost)
	e.actOK(t, "desk.xuanloc", byPost.Code, "accept", map[string]any{})
	e.actOK(t, "desk.xuanloc", byPost.Code, "complete", map[string]any{"outcome": "approved"})
	e.publishShipmentEvent(t, byPost, postalv1.ShipmentKind_SHIPMENT_KIND_DELIVERY, "delivered", "", uuid.New())
	e.waitStatus(t, byPost.Code, "returned")
	evs := e.dossierEvents(t, byPost.ID, 4)
	if c := evs[2].GetCompleted(); c == nil || c.GetDeliveryAddress() != "" ||
		e.openEvent(t, sealing.EventDeliveryAddress, c.GetDeliveryAddressSealed()) != "Số 5, ấp 2, xã Bảo Hòa" {
		t.Errorf("the completed event does not give the post the delivery address, sealed: %v", evs[2])
	}
	if ret := evs[3].GetReturned(); ret == nil || ret.GetTrackingNumber() != "EE123456785VN" {
		t.Errorf("the returned event does not name the shipment: %v", evs[3])
	}

	// An undeliverable result comes back to the desk, where it waits for the citizen.
	r = e.register(t, e.token(t, "desk.xuanloc"), apitest.JSON(t, body))
	var back receipt
	r.Decode(t, &back)
	e.actOK(t, "desk.xuanloc", back.Code, "accept", map[string]any{})
	e.actOK(t, "desk.xuanloc", back.Code, "complete", map[string]any{"outcome": "approved"})
	e.publishShipmentEvent(t, back, postalv1.ShipmentKind_SHIPMENT_KIND_RETURN, "delivered", demo.DistrictDesk, uuid.New())
	waitfor.Within(t, 15*time.Second, "the result brought back", func() bool {
		return e.count(t, "SELECT count(*) FROM dossier_steps s JOIN dossiers d ON d.id = s.dossier_id WHERE d.code = $1 AND s.action = 'bring-back'", back.Code) == 1
	})
	if s := e.actOK(t, "desk.xuanloc", back.Code, "return", map[string]any{}); s.Status != "returned" {
		t.Fatalf("returned at the desk: %+v", s)
	}
	// A delivery reported after the citizen collected it changes nothing.
	late := uuid.New()
	e.publishShipmentEvent(t, back, postalv1.ShipmentKind_SHIPMENT_KIND_DELIVERY, "delivered", "", late)
	waitfor.Within(t, 15*time.Second, "the late delivery to be consumed", func() bool {
		return e.count(t, "SELECT count(*) FROM inbox WHERE consumer = 'intake-shipments' AND event_id = $1", late) == 1
	})
	var whole struct {
		Version int `json:"version"`
	}
	e.call(t, "GET", "/api/v1/dossiers/"+back.Code, e.token(t, "desk.xuanloc"), nil).Decode(t, &whole)
	if whole.Version != 5 {
		t.Errorf("version %d after a late delivery, want 5", whole.Version)
	}
}
