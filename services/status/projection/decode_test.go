package projection

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
)

func receivedEvent() *dossierv1.Event {
	now := time.Now()
	return &dossierv1.Event{
		EventId: uuid.NewString(), DossierId: uuid.NewString(), Version: 1, OccurredAt: timestamppb.New(now),
		Kind: &dossierv1.Event_Received{Received: &dossierv1.Received{
			Code: "000.00.16.H19-261201-0001", PinHash: []byte{1, 2, 3},
			ReceivedAt: timestamppb.New(now), DueAt: timestamppb.New(now.Add(time.Hour)),
			Channel: dossierv1.Channel_CHANNEL_POST, ResultDelivery: dossierv1.DeliveryMethod_DELIVERY_METHOD_POST,
		}},
	}
}

func TestDecode(t *testing.T) {
	good, _ := proto.Marshal(receivedEvent())
	d, err := Decode(good)
	if err != nil || d.Received == nil || d.Change != nil {
		t.Fatalf("Decode = %+v, %v", d, err)
	}
	r := *d.Received
	if r.Code != "000.00.16.H19-261201-0001" || r.Channel != "post" || r.ResultDelivery != "post" || r.Version != 1 {
		t.Fatalf("Decode = %+v, %v", r, err)
	}
	for name, mutate := range map[string]func(*dossierv1.Event){
		"no dossier id":  func(e *dossierv1.Event) { e.DossierId = "" },
		"no event id":    func(e *dossierv1.Event) { e.EventId = "x" },
		"no version":     func(e *dossierv1.Event) { e.Version = 0 },
		"no time":        func(e *dossierv1.Event) { e.OccurredAt = nil },
		"no kind":        func(e *dossierv1.Event) { e.Kind = nil },
		"no code":        func(e *dossierv1.Event) { e.GetReceived().Code = "" },
		"no pin hash":    func(e *dossierv1.Event) { e.GetReceived().PinHash = nil },
		"no reception":   func(e *dossierv1.Event) { e.GetReceived().ReceivedAt = nil },
		"no appointment": func(e *dossierv1.Event) { e.GetReceived().DueAt = nil },
		"code with NUL":  func(e *dossierv1.Event) { e.GetReceived().Code = "A\x00B" },
		"code not UTF-8": func(e *dossierv1.Event) { e.GetReceived().Code = "\xff\xfe" },
	} {
		ev := receivedEvent()
		mutate(ev)
		data, _ := proto.Marshal(ev)
		if _, err := Decode(data); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := Decode([]byte("not protobuf at all")); err == nil {
		t.Error("garbage accepted")
	}
}

// submittedEvent is the first event of a dossier submitted online: no reception, no
// appointment, the time of its submission.
func submittedEvent() *dossierv1.Event {
	ev := receivedEvent()
	r := ev.GetReceived()
	r.Status, r.StatusCode, r.Channel = "submitted", 1, dossierv1.Channel_CHANNEL_ONLINE
	r.ReceivedAt, r.DueAt = nil, nil
	r.SubmittedAt = timestamppb.New(ev.GetOccurredAt().AsTime().Add(-time.Second))
	r.Files = []*dossierv1.File{{Id: uuid.NewString(), Name: "to-khai.pdf", Sha256: "00", Size: 1, ContentType: "application/pdf"}}
	return ev
}

func TestDecodeSubmitted(t *testing.T) {
	ev := submittedEvent()
	data, _ := proto.Marshal(ev)
	d, err := Decode(data)
	if err != nil || d.Received == nil {
		t.Fatalf("Decode = %+v, %v", d, err)
	}
	r := *d.Received
	submitted := ev.GetReceived().GetSubmittedAt().AsTime()
	if r.Status != "submitted" || r.StatusCode != 1 || r.Channel != "online" || r.ReceivedAt != nil || r.DueAt != nil ||
		r.SubmittedAt == nil || !r.SubmittedAt.Equal(submitted) {
		t.Fatalf("submitted: %+v", r)
	}
	if r.Step.Type != "submitted" || !r.Step.At.Equal(submitted.Truncate(time.Microsecond)) || r.Step.OfficeCode != r.ReceivingOfficeCode {
		t.Errorf("first step: %+v", r.Step)
	}
	// A desk's registration starts with the step of its reception, when it happened.
	data, _ = proto.Marshal(receivedEvent())
	if d, err := Decode(data); err != nil || d.Received.Step.Type != "received" || d.Received.SubmittedAt != nil ||
		d.Received.ReceivedAt == nil || d.Received.DueAt == nil {
		t.Fatalf("received: %+v, %v", d.Received, err)
	}
	// A submitted dossier's clock has not started, whatever times the event carries.
	ev = submittedEvent()
	ev.GetReceived().DueAt = timestamppb.New(time.Now())
	data, _ = proto.Marshal(ev)
	if d, err := Decode(data); err != nil || d.Received.DueAt != nil || d.Received.ReceivedAt != nil {
		t.Fatalf("submitted with an appointment: %+v, %v", d.Received, err)
	}
	for name, mutate := range map[string]func(*dossierv1.Received){
		"submitted without its time":      func(r *dossierv1.Received) { r.SubmittedAt = nil },
		"submitted at an impossible time": func(r *dossierv1.Received) { r.SubmittedAt = &timestamppb.Timestamp{Seconds: 1 << 62} },
		// Keep refusing a received one without its times, submitted_at or not.
		"received without times": func(r *dossierv1.Received) { r.Status = "received" },
		"received without its appointment": func(r *dossierv1.Received) {
			r.Status, r.ReceivedAt = "received", timestamppb.Now()
		},
	} {
		ev := submittedEvent()
		mutate(ev.GetReceived())
		data, _ := proto.Marshal(ev)
		if _, err := Decode(data); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func FuzzDecode(f *testing.F) {
	good, _ := proto.Marshal(receivedEvent())
	f.Add(good)
	submitted, _ := proto.Marshal(submittedEvent())
	f.Add(submitted)
	counter, _ := proto.Marshal(counterEvent())
	f.Add(counter)
	f.Add([]byte{})
	f.Add([]byte("\x0a\x01x"))
	for _, ev := range laterEvents() {
		b, _ := proto.Marshal(ev)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Decode(data)
		if err != nil {
			return
		}
		switch {
		case (d.Received == nil) == (d.Change == nil):
			t.Fatalf("Decode gave neither or both: %+v", d)
		case d.Received != nil && (d.Received.Code == "" || d.Received.Version < 1 || len(d.Received.PINHash) == 0):
			t.Fatalf("Decode accepted an event without code, version or PIN hash: %+v", d.Received)
		case d.Received != nil && (d.Received.DueAt == nil) != (d.Received.ReceivedAt == nil),
			d.Received != nil && d.Received.DueAt == nil && d.Received.SubmittedAt == nil:
			// Every dossier has a place in the staff's lists: its appointment, or its submission.
			t.Fatalf("Decode accepted a dossier neither received nor submitted: %+v", d.Received)
		case d.Change != nil && (d.Change.Version < 1 || d.Change.State.Status == "" ||
			d.Change.Step.Type == "" || d.Change.Step.OfficeCode == "" || d.Change.State.CurrentOfficeCode == ""):
			t.Fatalf("Decode accepted a change without version, status, step or office: %+v", d.Change)
		}
	})
}
