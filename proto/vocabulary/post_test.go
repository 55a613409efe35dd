package vocabulary

import (
	"slices"
	"testing"
)

// TestShipmentStatuses: every status a shipment can be in, once, sorted, each with its
// words.
func TestShipmentStatuses(t *testing.T) {
	got := ShipmentStatuses()
	want := []string{"accepted", "arrived", "created", "delivered", "delivery_failed", "in_transit",
		"out_for_delivery", "picked_up", "returned"}
	if !slices.Equal(got, want) {
		t.Errorf("ShipmentStatuses() = %v, want %v", got, want)
	}
	for _, s := range got {
		if w := ShipmentStatus(s); w.VI == s || w.EN == s {
			t.Errorf("%s has no words: %+v", s, w)
		}
	}
}
