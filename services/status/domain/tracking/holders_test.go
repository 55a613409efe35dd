package tracking

import (
	"reflect"
	"testing"
	"time"
)

func TestAfterDossierStep(t *testing.T) {
	desk, post := "000.00.16.H19", "000.30.16.H19"
	office := func(code string) Holder { return Holder{Kind: HolderOffice, Code: code} }
	citizen := Holder{Kind: HolderCitizen}
	for _, tc := range []struct {
		typ    string
		atHome bool
		want   Holder
		moves  bool
	}{
		{"received", false, office(desk), true},
		{"submitted", false, office(desk), true},
		// Registered at the desk, the papers picked up at home by the post.
		{"received", true, citizen, true},
		// Taken at a post office: the post office has them, whatever the channel says.
		{"submitted_at_post", true, Holder{Kind: HolderPostOffice, Code: post}, true},
		{"admitted", false, office(desk), true},
		{"accepted", false, office(desk), true},
		{"result_accepted", false, office(desk), true},
		{"arrived", false, office(desk), true},
		{"papers_delivered", false, office(desk), true},
		{"result_back", false, office(desk), true},
		{"returned", false, citizen, true},
		{"result_delivered", false, citizen, true},
		{"result_downloaded", false, citizen, true},
		// The sending office keeps the papers until they are accepted, or the post
		// takes them.
		{"transferred", false, Holder{}, false},
		{"result_transferred", false, Holder{}, false},
		{"supplement_requested", false, Holder{}, false},
		{"supplemented", false, Holder{}, false},
		{"completed", false, Holder{}, false},
		{"withdrawn", false, Holder{}, false},
		{"payment_recorded", false, Holder{}, false},
		{"teleported", false, Holder{}, false},
	} {
		office := desk
		if tc.typ == "submitted_at_post" {
			office = post // the step names the post office that took the papers
		}
		got, moves := AfterDossierStep(tc.typ, office, tc.atHome)
		if got != tc.want || moves != tc.moves {
			t.Errorf("%s (at home %v) = %+v %v, want %+v %v", tc.typ, tc.atHome, got, moves, tc.want, tc.moves)
		}
	}
}

func TestAfterPostalStep(t *testing.T) {
	origin, destination := "BC-1", "BC-2"
	po := func(code string) Holder { return Holder{Kind: HolderPostOffice, Code: code} }
	pickup := Leg{Kind: "pickup", ToOffice: "DESK", Origin: origin, Destination: destination}
	transfer := Leg{Kind: "transfer", ToOffice: "DEPT", Origin: origin, Destination: destination}
	toHome := Leg{Kind: "delivery", Origin: origin, Destination: destination}
	toCounter := Leg{Kind: "delivery", ToOffice: destination, Origin: origin, Destination: destination}
	back := Leg{Kind: "return", ToOffice: "DESK", Origin: destination, Destination: origin}
	for _, tc := range []struct {
		leg   Leg
		typ   string
		want  Holder
		moves bool
	}{
		{pickup, "created", Holder{}, false},
		{pickup, "accepted", po(origin), true},
		{pickup, "picked_up", po(origin), true},
		{transfer, "in_transit", po(origin), true},
		{transfer, "arrived", po(destination), true},
		{toHome, "out_for_delivery", po(destination), true},
		{toHome, "delivery_failed", po(destination), true},
		{toHome, "returned", po(destination), true},
		{pickup, "delivered", Holder{Kind: HolderOffice, Code: "DESK"}, true},
		{transfer, "delivered", Holder{Kind: HolderOffice, Code: "DEPT"}, true},
		{back, "delivered", Holder{Kind: HolderOffice, Code: "DESK"}, true},
		{back, "in_transit", po(destination), true},
		// A delivery ends with the citizen, at home or at the post office's counter.
		{toHome, "delivered", Holder{Kind: HolderCitizen}, true},
		{toCounter, "delivered", Holder{Kind: HolderCitizen}, true},
		// A leg whose post offices status does not know: the post, unnamed.
		{Leg{Kind: "pickup", ToOffice: "DESK"}, "accepted", po(""), true},
		{pickup, "teleported", Holder{}, false},
	} {
		got, moves := AfterPostalStep(tc.leg, tc.typ)
		if got != tc.want || moves != tc.moves {
			t.Errorf("%s %s = %+v %v, want %+v %v", tc.leg.Kind, tc.typ, got, moves, tc.want, tc.moves)
		}
	}
}

func TestCustodyMergesAndCloses(t *testing.T) {
	t0 := time.Date(2026, 3, 10, 2, 0, 0, 0, time.UTC)
	h := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Hour) }
	desk, dept := Holder{Kind: HolderOffice, Code: "DESK"}, Holder{Kind: HolderOffice, Code: "DEPT"}
	post := Holder{Kind: HolderPostOffice, Code: "BC-1"}
	var c Custody
	if !c.Empty() || c.Holdings() != nil {
		t.Fatalf("a new custody holds %+v", c.Holdings())
	}
	c.Hand(desk, h(0))
	c.Hand(desk, h(1)) // the same holder again: nothing changes
	c.Hand(Holder{Kind: HolderOffice}, h(2))
	c.Hand(post, h(3))
	c.Hand(dept, h(5))
	c.Hand(dept, h(6))
	// A step recorded before the holder's own: taken at the holder's time.
	c.Hand(Holder{Kind: HolderCitizen}, h(4))
	want := []Holding{
		{Holder: desk, Since: h(0), Until: ptr(h(3))},
		{Holder: post, Since: h(3), Until: ptr(h(5))},
		{Holder: dept, Since: h(5), Until: ptr(h(5))},
		{Holder: Holder{Kind: HolderCitizen}, Since: h(5)},
	}
	if got := c.Holdings(); !reflect.DeepEqual(got, want) {
		t.Errorf("holdings:\n%+v\nwant\n%+v", got, want)
	}
}

func ptr(t time.Time) *time.Time { return &t }
