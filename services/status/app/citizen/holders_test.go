package citizen

import (
	"reflect"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/status/domain/tracking"
)

// holderRow is a holding as the tests compare it: who, and since and until in the
// offices' clock ("" while it holds the papers still).
type holderRow struct{ kind, code, name, since, until string }

func holderRows(hs []Holding) []holderRow {
	rows := make([]holderRow, len(hs))
	for i, h := range hs {
		rows[i] = holderRow{kind: h.Kind, code: h.Code, name: h.Name, since: h.Since.Format("02 15:04")}
		if h.Until != nil {
			rows[i].until = h.Until.Format("02 15:04")
		}
	}
	return rows
}

// The offices and post offices of the tests.
const (
	desk, deskName = "000.00.16.H19", "Bộ phận Một cửa huyện Đông Anh"
	dept, deptName = "000.00.16.H19.07", "Phòng Quản lý đô thị"
	poDesk         = "BC-100000" // serves the desk; no event names it
	poDept         = "BC-100900" // serves the department; no event names it
	poXL, poXLName = "000.30.16.H19", "Bưu điện huyện Xuân Lộc"
	poXH, poXHName = "000.31.16.H19", "Bưu điện xã Xuân Hòa"
)

// day is 2026-03-<d> at hh:mm in the offices' zone (UTC+7), as UTC.
func day(d, hh, mm int) time.Time {
	return time.Date(2026, 3, d, hh, mm, 0, 0, time.FixedZone("ICT", 7*3600)).UTC()
}

// legSteps are the steps of shipment number on leg kind from, to, at the times given
// by type, in that order.
func legSteps(number, kind, from, to string, steps ...any) []PostalStep {
	var out []PostalStep
	for i := 0; i+1 < len(steps); i += 2 {
		out = append(out, PostalStep{EventID: uuid.New(), At: steps[i+1].(time.Time), Type: steps[i].(string), Kind: kind,
			TrackingNumber: number, FromOfficeCode: from, ToOfficeCode: to})
	}
	return out
}

func own(version int64, at time.Time, typ, office, name string) DossierStep {
	return DossierStep{Version: version, At: at, Type: typ, OfficeCode: office, OfficeName: name}
}

// TestHeldByAlongEveryLeg follows a dossier registered at the desk whose papers the post
// picks up at home, transferred by post to the department, its result sent back by hand
// and delivered by post in vain, brought back to the desk and handed to the citizen
// there.
func TestHeldByAlongEveryLeg(t *testing.T) {
	tr := Tracked{
		Channel:             "post",
		ReceivingOfficeCode: desk, ReceivingOfficeName: deskName, HandlingOfficeCode: dept, HandlingOfficeName: deptName,
		Timeline: []DossierStep{
			own(1, day(10, 9, 0), "received", desk, deskName),
			own(2, day(11, 9, 0), "transferred", dept, deptName),
			own(3, day(11, 15, 5), "arrived", dept, deptName),
			own(4, day(12, 9, 0), "accepted", dept, deptName),
			own(5, day(12, 10, 0), "supplement_requested", dept, deptName),
			own(6, day(13, 10, 0), "supplemented", dept, deptName),
			own(7, day(16, 10, 0), "completed", dept, deptName),
			own(8, day(16, 14, 0), "result_transferred", desk, deskName),
			own(9, day(17, 8, 0), "result_accepted", desk, deskName),
			own(10, day(20, 9, 5), "result_back", desk, deskName),
			own(11, day(20, 10, 0), "returned", desk, deskName),
		},
		Shipments: []ShipmentLeg{
			{TrackingNumber: "P", Kind: "pickup", OriginPostOfficeCode: poDesk, DestinationPostOfficeCode: poDesk},
			{TrackingNumber: "T", Kind: "transfer", OriginPostOfficeCode: poDesk, DestinationPostOfficeCode: poDept},
			{TrackingNumber: "D", Kind: "delivery", OriginPostOfficeCode: poDesk, DestinationPostOfficeCode: poDept},
			// A leg folded before status kept its post offices.
			{TrackingNumber: "B", Kind: "return"},
		},
	}
	for _, legs := range [][]PostalStep{
		legSteps("P", "pickup", "", desk, "created", day(10, 9, 1), "accepted", day(10, 10, 0),
			"picked_up", day(10, 10, 5), "delivered", day(10, 15, 0)),
		legSteps("T", "transfer", desk, dept, "created", day(11, 9, 1), "picked_up", day(11, 10, 0),
			"in_transit", day(11, 11, 0), "arrived", day(11, 14, 0), "delivered", day(11, 15, 0)),
		legSteps("D", "delivery", desk, "", "created", day(17, 8, 30), "accepted", day(17, 9, 0),
			"out_for_delivery", day(17, 10, 0), "delivery_failed", day(17, 11, 0), "returned", day(19, 14, 0)),
		legSteps("B", "return", "", desk, "created", day(19, 14, 1), "in_transit", day(19, 15, 0), "delivered", day(20, 9, 0)),
	} {
		tr.Postal = append(tr.Postal, legs...)
	}
	sortPostal(tr.Postal)
	svc := NewService(Options{Location: time.FixedZone("ICT", 7*3600)})
	got := holderRows(svc.heldBy(tr, vocabulary.Vietnamese))
	want := []holderRow{
		// Registered at the desk, the papers wait at home for the post.
		{"citizen", "", "Bạn (người nộp hồ sơ)", "10 09:00", "10 10:00"},
		{"post_office", poDesk, poDesk, "10 10:00", "10 15:00"},
		{"office", desk, deskName, "10 15:00", "11 10:00"},
		{"post_office", poDesk, poDesk, "11 10:00", "11 14:00"},
		{"post_office", poDept, poDept, "11 14:00", "11 15:00"},
		// Delivered, arrived, accepted, asked for more, supplemented, completed: one
		// holder until the result is accepted back at the desk.
		{"office", dept, deptName, "11 15:00", "17 08:00"},
		{"office", desk, deskName, "17 08:00", "17 09:00"},
		{"post_office", poDesk, poDesk, "17 09:00", "17 10:00"},
		{"post_office", poDept, poDept, "17 10:00", "19 15:00"},
		{"post_office", "", "Bưu điện", "19 15:00", "20 09:00"},
		{"office", desk, deskName, "20 09:00", "20 10:00"},
		{"citizen", "", "Bạn (người nộp hồ sơ)", "20 10:00", ""},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("held by:\n%v\nwant\n%v", got, want)
	}
	if h := svc.heldBy(tr, vocabulary.English); h[0].Name != "You (the applicant)" || h[9].Name != "The post" ||
		h[2].Name != deskName {
		t.Errorf("in English: %+v", holderRows(h))
	}
	if loc := svc.heldBy(tr, vocabulary.Vietnamese)[0].Since.Location().String(); loc != "ICT" {
		t.Errorf("times in %s, want the offices' zone", loc)
	}

	// Registered at the desk by hand: the desk has the papers from their reception, and
	// the transfer leaves them there until the post takes them.
	tr.Channel = "desk"
	if got := holderRows(svc.heldBy(tr, vocabulary.Vietnamese)); !reflect.DeepEqual(got[0], holderRow{"office", desk, deskName, "10 09:00", "10 10:00"}) {
		t.Errorf("registered at the desk, first: %v", got[0])
	}
}

// TestHeldByOfADossierTakenAtAPostOffice: taken at the counter of Xuân Lộc's post office,
// delivered at the desk, transferred by hand, the result collected at Xuân Hòa's post
// office.
func TestHeldByOfADossierTakenAtAPostOffice(t *testing.T) {
	tr := Tracked{
		Channel:             "post",
		ReceivingOfficeCode: desk, ReceivingOfficeName: deskName, HandlingOfficeCode: dept, HandlingOfficeName: deptName,
		ResultPostOffice: &Ref{Code: poXH, Name: poXHName},
		Timeline: []DossierStep{
			own(1, day(10, 10, 0), "submitted_at_post", poXL, poXLName),
			own(2, day(11, 10, 5), "papers_delivered", desk, deskName),
			own(3, day(11, 14, 0), "admitted", desk, deskName),
			own(4, day(11, 15, 0), "transferred", dept, deptName),
			own(5, day(12, 8, 0), "accepted", dept, deptName),
			own(6, day(16, 10, 0), "completed", dept, deptName),
			own(7, day(18, 9, 5), "result_delivered", dept, deptName),
		},
		Shipments: []ShipmentLeg{
			{TrackingNumber: "P", Kind: "pickup", OriginPostOfficeCode: poXL, OriginPostOfficeName: poXLName,
				DestinationPostOfficeCode: poDesk},
			{TrackingNumber: "D", Kind: "delivery", OriginPostOfficeCode: poDept, DestinationPostOfficeCode: poXH,
				DestinationPostOfficeName: ""},
		},
	}
	tr.Postal = append(legSteps("P", "pickup", "", desk, "created", day(10, 10, 0), "accepted", day(10, 10, 0),
		"delivered", day(11, 10, 0)),
		legSteps("D", "delivery", dept, poXH, "created", day(16, 10, 1), "accepted", day(16, 15, 0),
			"arrived", day(17, 9, 0), "delivered", day(18, 9, 0))...)
	svc := NewService(Options{Location: time.FixedZone("ICT", 7*3600)})
	got := holderRows(svc.heldBy(tr, vocabulary.Vietnamese))
	want := []holderRow{
		// Taken at the counter, accepted there at once: one holder.
		{"post_office", poXL, poXLName, "10 10:00", "11 10:00"},
		// By hand from the desk to the department: the desk's until accepted.
		{"office", desk, deskName, "11 10:00", "12 08:00"},
		{"office", dept, deptName, "12 08:00", "16 15:00"},
		{"post_office", poDept, poDept, "16 15:00", "17 09:00"},
		// Named by the Received event's result_post_office.
		{"post_office", poXH, poXHName, "17 09:00", "18 09:00"},
		{"citizen", "", "Bạn (người nộp hồ sơ)", "18 09:00", ""},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("held by:\n%v\nwant\n%v", got, want)
	}
}

// TestHeldByOfAnOnlineDossier: submitted online, the desk has the dossier from its
// submission (it checks it); refused, it stays there; an electronic result downloaded is
// the citizen's.
func TestHeldByOfAnOnlineDossier(t *testing.T) {
	svc := NewService(Options{Location: time.UTC})
	tr := Tracked{Channel: "online", Timeline: []DossierStep{
		own(1, day(9, 20, 0), "submitted", desk, deskName),
		own(2, day(10, 8, 0), "supplement_requested", desk, deskName),
		own(3, day(10, 9, 0), "supplemented", desk, deskName),
		own(4, day(10, 10, 0), "refused", desk, deskName),
	}}
	got := svc.heldBy(tr, vocabulary.Vietnamese)
	if len(got) != 1 || got[0].Kind != tracking.HolderOffice || got[0].Code != desk || got[0].Name != deskName ||
		!got[0].Since.Equal(day(9, 20, 0)) || got[0].Until != nil {
		t.Errorf("submitted and refused: %+v", got)
	}
	tr.Timeline = append(tr.Timeline[:1], own(2, day(10, 8, 0), "admitted", desk, deskName),
		own(3, day(12, 8, 0), "completed", desk, deskName), own(4, day(12, 9, 0), "result_downloaded", desk, deskName))
	if got := holderRows(svc.heldBy(tr, vocabulary.English)); !reflect.DeepEqual(got, []holderRow{
		{"office", desk, deskName, "09 13:00", "12 02:00"},
		{"citizen", "", "You (the applicant)", "12 02:00", ""},
	}) {
		t.Errorf("result downloaded: %v", got)
	}
	// Nothing folded but a step of a kind this code does not know: the office that took it.
	tr.Timeline = []DossierStep{own(1, day(9, 20, 0), "teleported", dept, deptName)}
	if got := svc.heldBy(tr, vocabulary.Vietnamese); len(got) != 1 || got[0].Code != dept {
		t.Errorf("an unknown first step: %+v", got)
	}
}

// sortPostal puts postal steps in the order the store reads them: by time.
func sortPostal(p []PostalStep) {
	for i := 1; i < len(p); i++ {
		for j := i; j > 0 && p[j].At.Before(p[j-1].At); j-- {
			p[j], p[j-1] = p[j-1], p[j]
		}
	}
}
