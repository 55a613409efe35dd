package eventtype

import (
	"slices"
	"testing"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/domain/dossier"
)

func TestPatterns(t *testing.T) {
	for _, tc := range []struct {
		pattern, typ string
		matches      bool
	}{
		{"dossier.*", "dossier.received", true},
		{"dossier.*", "dossier.supplement_requested", true},
		{"dossier.*", "shipment.delivered", false},
		{"shipment.*", "shipment.delivery_failed", true},
		{"dossier.received", "dossier.received", true},
		{"dossier.received", "dossier.returned", false},
		{"dossier.*", "dossierx.received", false},
	} {
		if got := Matches(tc.pattern, tc.typ); got != tc.matches {
			t.Errorf("Matches(%q, %q) = %v", tc.pattern, tc.typ, got)
		}
	}
	if !MatchesAny([]string{"shipment.delivered", "dossier.*"}, "dossier.refused") || MatchesAny([]string{"shipment.*"}, Test) {
		t.Error("MatchesAny")
	}
	for _, p := range []string{"dossier.*", "shipment.*", "dossier.supplement_requested", "shipment.out_for_delivery"} {
		if !ValidPattern(p) {
			t.Errorf("%q is refused", p)
		}
	}
	for _, p := range []string{"*", "dossier.", "dossier.audited", "shipment.lost", "webhook.test", "Dossier.received", ""} {
		if ValidPattern(p) {
			t.Errorf("%q is taken", p)
		}
	}
	if k := Known(); len(k) != len(dossier.Statuses)+len(ShipmentSteps) || !slices.Contains(k, Dossier(dossier.StatusReceived)) {
		t.Errorf("Known: %v", k)
	}
}

// TestTheCatalogueNamesEveryType: the types are those the catalogue of words names, and
// so those the event catalogue (docs/events/asyncapi.yaml) documents from it.
func TestTheCatalogueNamesEveryType(t *testing.T) {
	steps := slices.Sorted(slices.Values(ShipmentSteps))
	if !slices.Equal(steps, vocabulary.ShipmentStatuses()) {
		t.Errorf("shipment steps %v, the catalogue's %v", steps, vocabulary.ShipmentStatuses())
	}
	var statuses []string
	for _, s := range dossier.Statuses {
		statuses = append(statuses, string(s))
	}
	if slices.Sort(statuses); !slices.Equal(statuses, vocabulary.Statuses()) {
		t.Errorf("statuses %v, the catalogue's %v", statuses, vocabulary.Statuses())
	}
}
