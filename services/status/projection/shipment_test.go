package projection

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
)

var shipmentID = uuid.New()

func createdEvent() *postalv1.Event {
	return &postalv1.Event{EventId: uuid.NewString(), OccurredAt: timestamppb.New(t0), ShipmentId: shipmentID.String(),
		Version: 1, Kind: &postalv1.Event_Created{Created: &postalv1.ShipmentCreated{
			TrackingNumber: "EE123456785VN", DossierCode: "000.00.16.H19-260310-0001",
			Kind: postalv1.ShipmentKind_SHIPMENT_KIND_DELIVERY, FromOfficeCode: "000.00.16.H19",
			DossierId: dossierID.String(), OriginPostOfficeCode: "BC-DA", DestinationPostOfficeCode: "BC-XH",
		}}}
}

func recordedEvent(typ string) *postalv1.Event {
	return &postalv1.Event{EventId: uuid.NewString(), OccurredAt: timestamppb.New(t0.Add(2 * time.Hour)),
		ShipmentId: shipmentID.String(), Version: 3, Kind: &postalv1.Event_Recorded{Recorded: &postalv1.ShipmentEventRecorded{
			TrackingNumber: "EE123456785VN", DossierId: dossierID.String(), DossierCode: "000.00.16.H19-260310-0001",
			Kind: postalv1.ShipmentKind_SHIPMENT_KIND_DELIVERY, Type: typ, FromOfficeCode: "000.00.16.H19",
			At: timestamppb.New(t0.Add(time.Hour)), PostOfficeCode: "BC-XH", ReasonCode: "recipient_absent",
			ActionCode: "notice_left", FailedAttempts: 1,
		}}}
}

func TestDecodeShipment(t *testing.T) {
	data, _ := proto.Marshal(createdEvent())
	ev, err := DecodeShipment(data)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Type != "created" || ev.Kind != "delivery" || ev.Version != 1 || ev.ShipmentID != shipmentID ||
		ev.DossierID != dossierID || ev.TrackingNumber != "EE123456785VN" || ev.FromOfficeCode != "000.00.16.H19" ||
		ev.ToOfficeCode != "" || !ev.At.Equal(t0) || !ev.OccurredAt.Equal(t0) || ev.ReasonCode != "" {
		t.Errorf("created: %+v", ev)
	}
	// A recorded event happened when the worker says; only a failure keeps its reason.
	data, _ = proto.Marshal(recordedEvent("delivery_failed"))
	if ev, err = DecodeShipment(data); err != nil {
		t.Fatal(err)
	}
	if ev.Type != "delivery_failed" || ev.Version != 3 || !ev.At.Equal(t0.Add(time.Hour)) ||
		!ev.OccurredAt.Equal(t0.Add(2*time.Hour)) || ev.ReasonCode != "recipient_absent" {
		t.Errorf("delivery_failed: %+v", ev)
	}
	data, _ = proto.Marshal(recordedEvent("out_for_delivery"))
	if ev, err = DecodeShipment(data); err != nil || ev.ReasonCode != "" {
		t.Errorf("out_for_delivery: %+v, %v", ev, err)
	}
	// Without the worker's time, the commit's.
	noAt := recordedEvent("delivered")
	noAt.GetRecorded().At = nil
	data, _ = proto.Marshal(noAt)
	if ev, err = DecodeShipment(data); err != nil || !ev.At.Equal(t0.Add(2*time.Hour)) {
		t.Errorf("delivered without a time: %+v, %v", ev, err)
	}
	for kind, want := range map[postalv1.ShipmentKind]string{
		postalv1.ShipmentKind_SHIPMENT_KIND_PICKUP: "pickup", postalv1.ShipmentKind_SHIPMENT_KIND_TRANSFER: "transfer",
		postalv1.ShipmentKind_SHIPMENT_KIND_DELIVERY: "delivery", postalv1.ShipmentKind_SHIPMENT_KIND_RETURN: "return",
	} {
		e := createdEvent()
		e.GetCreated().Kind = kind
		data, _ := proto.Marshal(e)
		if ev, err := DecodeShipment(data); err != nil || ev.Kind != want {
			t.Errorf("%s: %+v, %v", want, ev, err)
		}
	}
}

func TestDecodeShipmentRefusesMalformedEvents(t *testing.T) {
	for name, mutate := range map[string]func(*postalv1.Event){
		"no event id":           func(e *postalv1.Event) { e.EventId = "" },
		"no shipment id":        func(e *postalv1.Event) { e.ShipmentId = "x" },
		"no version":            func(e *postalv1.Event) { e.Version = 0 },
		"version beyond int32":  func(e *postalv1.Event) { e.Version = 1 << 40 },
		"no time":               func(e *postalv1.Event) { e.OccurredAt = nil },
		"impossible time":       func(e *postalv1.Event) { e.OccurredAt = &timestamppb.Timestamp{Seconds: 1 << 62} },
		"no kind":               func(e *postalv1.Event) { e.Kind = nil },
		"no dossier":            func(e *postalv1.Event) { e.GetCreated().DossierId = "" },
		"no tracking number":    func(e *postalv1.Event) { e.GetCreated().TrackingNumber = "" },
		"malformed number":      func(e *postalv1.Event) { e.GetCreated().TrackingNumber = "EE12345678VN" },
		"number with NUL":       func(e *postalv1.Event) { e.GetCreated().TrackingNumber = "EE123456785V\x00" },
		"no leg":                func(e *postalv1.Event) { e.GetCreated().Kind = postalv1.ShipmentKind_SHIPMENT_KIND_UNSPECIFIED },
		"unknown leg":           func(e *postalv1.Event) { e.GetCreated().Kind = 99 },
		"office not UTF-8":      func(e *postalv1.Event) { e.GetCreated().ToOfficeCode = "\xff" },
		"office with NUL":       func(e *postalv1.Event) { e.GetCreated().FromOfficeCode = "A\x00" },
		"recorded without type": func(e *postalv1.Event) { e.Kind = recordedEvent("").Kind },
		"recorded as created":   func(e *postalv1.Event) { e.Kind = recordedEvent("created").Kind },
		"recorded odd type":     func(e *postalv1.Event) { e.Kind = recordedEvent("Delivered!").Kind },
		"recorded impossible at": func(e *postalv1.Event) {
			r := recordedEvent("delivered")
			r.GetRecorded().At = &timestamppb.Timestamp{Nanos: -1}
			e.Kind = r.Kind
		},
		"recorded odd reason": func(e *postalv1.Event) {
			r := recordedEvent("delivery_failed")
			r.GetRecorded().ReasonCode = "x'; DROP"
			e.Kind = r.Kind
		},
		"recorded without number": func(e *postalv1.Event) {
			r := recordedEvent("arrived")
			r.GetRecorded().TrackingNumber = ""
			e.Kind = r.Kind
		},
	} {
		ev := createdEvent()
		mutate(ev)
		data, _ := proto.Marshal(ev)
		if d, err := DecodeShipment(data); err == nil {
			t.Errorf("%s: accepted as %+v", name, d)
		}
	}
	if _, err := DecodeShipment([]byte("not protobuf at all")); err == nil {
		t.Error("garbage accepted")
	}
}

func FuzzDecodeShipment(f *testing.F) {
	for _, ev := range []*postalv1.Event{createdEvent(), recordedEvent("delivery_failed"), recordedEvent("delivered")} {
		b, _ := proto.Marshal(ev)
		f.Add(b)
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		ev, err := DecodeShipment(data)
		if err != nil {
			return
		}
		if ev.Version < 1 || ev.Type == "" || ev.Kind == "" || !trackingNumber.MatchString(ev.TrackingNumber) ||
			ev.DossierID == uuid.Nil && ev.ShipmentID == uuid.Nil || ev.At.IsZero() {
			t.Fatalf("DecodeShipment accepted an event without what every one carries: %+v", ev)
		}
		if !storable(ev.FromOfficeCode) || !storable(ev.ToOfficeCode) {
			t.Fatalf("DecodeShipment accepted text PostgreSQL cannot store: %+v", ev)
		}
	})
}
