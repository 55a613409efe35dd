package citizen

import (
	"reflect"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/proto/vocabulary"
)

func TestTimelineMergesShipmentEventsByTime(t *testing.T) {
	t0 := time.Date(2026, 3, 10, 2, 0, 0, 0, time.UTC)
	h := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Hour) }
	desk, dept := "000.00.16.H19", "000.00.16.H19.07"
	tr := Tracked{
		ReceivingOfficeCode: desk, ReceivingOfficeName: "Bộ phận Một cửa",
		HandlingOfficeCode: dept, HandlingOfficeName: "Phòng Quản lý đô thị",
		Timeline: []DossierStep{
			{Version: 1, At: h(1), Type: "received", OfficeCode: desk, OfficeName: "Bộ phận Một cửa"},
			{Version: 2, At: h(3), Type: "transferred", OfficeCode: dept, OfficeName: "Phòng Quản lý đô thị"},
			// Versions decide the dossier's own order, even against their times.
			{Version: 3, At: h(3), Type: "accepted", OfficeCode: dept, OfficeName: "Phòng Quản lý đô thị"},
			{Version: 4, At: h(2), Type: "completed", OfficeCode: dept, OfficeName: "Phòng Quản lý đô thị"},
		},
		Postal: []PostalStep{
			{EventID: uuid.New(), At: h(0), Type: "created", Kind: "pickup", TrackingNumber: "EE000000001VN", ToOfficeCode: desk},
			{EventID: uuid.New(), At: h(2), Type: "accepted", Kind: "pickup", TrackingNumber: "EE000000001VN", ToOfficeCode: desk},
			{EventID: uuid.New(), At: h(3), Type: "created", Kind: "transfer", TrackingNumber: "EE000000002VN",
				FromOfficeCode: desk, ToOfficeCode: "elsewhere"},
			{EventID: uuid.New(), At: h(5), Type: "delivery_failed", Kind: "delivery", TrackingNumber: "EE000000003VN",
				FromOfficeCode: desk, ReasonCode: "refused"},
		},
	}
	svc := NewService(Options{Location: time.UTC})
	got := svc.timeline(tr, vocabulary.Vietnamese)
	type row struct{ typ, number, office, name string }
	var rows []row
	for _, s := range got {
		r := row{typ: s.Type, number: s.TrackingNumber}
		if s.Office != nil {
			r.office, r.name = s.Office.Code, s.Office.Name
		}
		rows = append(rows, r)
	}
	want := []row{
		{"shipment_created", "EE000000001VN", desk, "Bộ phận Một cửa"},
		{"received", "", desk, "Bộ phận Một cửa"},
		{"shipment_accepted", "EE000000001VN", desk, "Bộ phận Một cửa"},
		{"transferred", "", dept, "Phòng Quản lý đô thị"},
		{"accepted", "", dept, "Phòng Quản lý đô thị"},
		{"completed", "", dept, "Phòng Quản lý đô thị"},
		// After the dossier's steps of the same instant.
		{"shipment_created", "EE000000002VN", "elsewhere", ""},
		{"shipment_delivery_failed", "EE000000003VN", desk, "Bộ phận Một cửa"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Fatalf("timeline:\n%v\nwant\n%v", rows, want)
	}
	if got[0].Label != "Đã đăng ký gửi hồ sơ qua bưu điện" || got[1].Label != "Tiếp nhận hồ sơ" ||
		got[2].Label != "Bưu điện đã nhận hồ sơ tại nhà" ||
		got[7].Label != "Bưu điện phát không thành công: người nhận từ chối nhận" {
		t.Errorf("labels: %q %q %q %q", got[0].Label, got[1].Label, got[2].Label, got[7].Label)
	}
	// Without shipments, the dossier's steps alone.
	tr.Postal = nil
	if got := svc.timeline(tr, vocabulary.English); len(got) != 4 || got[3].Type != "completed" || got[0].Label != "Dossier received" {
		t.Fatalf("timeline without shipments: %+v", got)
	}
}
