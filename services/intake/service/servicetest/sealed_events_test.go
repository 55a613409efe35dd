package servicetest

import (
	"bytes"
	"testing"
	"time"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/sealing"
)

// openEvent opens a value of an event sealed with the event key.
func (e *env) openEvent(t testing.TB, field string, sealed []byte) string {
	t.Helper()
	s, err := sealing.New(e.EventKey)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := s.Open(field, sealed)
	if err != nil {
		t.Fatalf("%s does not open with the event key: %v", field, err)
	}
	return plain
}

// TestEventsCarryNoAddressInClear: a dossier sent by post gives the post its pickup
// address sealed with the event key: nobody who reads the stream reads the address.
func TestEventsCarryNoAddressInClear(t *testing.T) {
	e := start(t)
	body := registration(demo.DistrictDesk)
	body["channel"] = "post"
	var rc receipt
	e.register(t, e.token(t, "desk.xuanloc"), apitest.JSON(t, body)).Decode(t, &rc)
	raw := e.streamMessages(t, messaging.DossierStream, "dossier.v1."+rc.ID+".>", 1, 20*time.Second)
	if len(raw) != 1 {
		t.Fatalf("%d events", len(raw))
	}
	if bytes.Contains(raw[0], []byte(applicantAddress)) || bytes.Contains(raw[0], []byte("075123456789")) ||
		bytes.Contains(raw[0], []byte("0912345678")) || bytes.Contains(raw[0], []byte("Nguyễn Văn An")) {
		t.Errorf("the received event carries personal data in clear: %q", raw[0])
	}
	received := decodeEvent(t, raw[0]).GetReceived()
	if received.GetPickupAddress() != "" || e.openEvent(t, sealing.EventPickupAddress, received.GetPickupAddressSealed()) != applicantAddress {
		t.Errorf("the post does not get the pickup address, sealed: %v", received)
	}
}
