package servicetest

import (
	"testing"
	"time"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// TestAddressesSealedInEvents: the post opens the pickup address a dossier event carries
// sealed with the event key, still reads one in clear from an event of before, and
// parks as poison an address sealed with another key, rather than open a pickup without
// it.
func TestAddressesSealedInEvents(t *testing.T) {
	e := start(t)
	now := time.Now()
	sealed := newDossier(districtDesk)
	e.publishDossier(t, sealed.received(now, dossierv1.Channel_CHANNEL_POST, pickupAddress))
	if s := e.waitShipments(t, sealed, 1)[0]; s.Address != pickupAddress {
		t.Errorf("the sealed pickup address: %q", s.Address)
	}

	old := newDossier(districtDesk)
	ev := old.received(now, dossierv1.Channel_CHANNEL_POST, "")
	ev.GetReceived().PickupAddress = "Số 3, ấp 1, xã Suối Cát"
	e.publishDossier(t, ev)
	if s := e.waitShipments(t, old, 1)[0]; s.Address != "Số 3, ấp 1, xã Suối Cát" {
		t.Errorf("the pickup address of an event from before: %q", s.Address)
	}

	forged := newDossier(districtDesk)
	ev = forged.received(now, dossierv1.Channel_CHANNEL_POST, "")
	ev.GetReceived().PickupAddressSealed = []byte("sealed with a key the post does not hold")
	e.publishDossier(t, ev)
	waitfor.Until(t, "the event with an address that does not open to be dead-lettered", func() bool { return e.deadLetters(t) == 1 })
	if n := e.count(t, "SELECT count(*) FROM shipments s JOIN dossiers d ON d.id = s.dossier_id WHERE d.code = $1", forged.Code); n != 0 {
		t.Errorf("%d shipments opened without the address", n)
	}
}
