package proto_test

import (
	"testing"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
)

// TestDossierEventRoundTrip checks the generated dossier package marshals
// and unmarshals an event carrying the received oneof.
func TestDossierEventRoundTrip(t *testing.T) {
	in := &dossierv1.Event{
		EventId:    "0b9e3f5e-8c1d-4a39-9f7e-3d2f1c6a7b10",
		OccurredAt: timestamppb.Now(),
		DossierId:  "5a1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
		Version:    1,
		Actor:      &dossierv1.Actor{Username: "desk1", OfficeCode: "000.00.16.H19"},
		Kind: &dossierv1.Event_Received{Received: &dossierv1.Received{
			Code:       "000.00.16.H19-251201-0001",
			Procedure:  &dossierv1.Ref{Code: "1.001", Name: "Procedure"},
			Channel:    dossierv1.Channel_CHANNEL_DESK,
			PinHash:    []byte{1, 2, 3},
			Status:     "received",
			StatusCode: 1,
		}},
	}
	b, err := proto.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out dossierv1.Event
	if err := proto.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if !proto.Equal(in, &out) {
		t.Fatalf("round trip changed the event:\n got %v\nwant %v", &out, in)
	}
	if got := out.GetReceived().GetCode(); got != "000.00.16.H19-251201-0001" {
		t.Fatalf("received code = %q", got)
	}
}
