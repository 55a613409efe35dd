package catalog

import "testing"

// TestReceivedAt: a citizen applying online is offered the desks of the kind that
// decides the procedure when that kind runs a desk, and every desk otherwise; never a
// department or a post office.
func TestReceivedAt(t *testing.T) {
	office := func(k OfficeKind) Office { return Office{Kind: k} }
	for _, c := range []struct {
		decidedBy, office OfficeKind
		want              bool
	}{
		{CommuneCentre, CommuneCentre, true},
		{CommuneCentre, DistrictDesk, false},
		{DistrictDesk, DistrictDesk, true},
		{DistrictDesk, CommuneCentre, false},
		{DistrictDesk, ProvincialCentre, false},
		{Department, DistrictDesk, true},
		{Department, CommuneCentre, true},
		{Department, ProvincialCentre, true},
		{Department, Department, false},
		{Department, PostOffice, false},
		{ProvincialCentre, ProvincialCentre, true},
	} {
		if got := (Procedure{DecidedByKind: c.decidedBy}).ReceivedAt(office(c.office)); got != c.want {
			t.Errorf("a procedure of the %s at a %s: %v, want %v", c.decidedBy, c.office, got, c.want)
		}
	}
}
