package handover

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/platform/s10"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// number is the i-th test tracking number of the authority's series.
func number(t testing.TB, i int) string {
	t.Helper()
	n, err := s10.New(s10.ServiceToAuthority, i)
	if err != nil {
		t.Fatal(err)
	}
	return n.String()
}

func TestNumbers(t *testing.T) {
	a, b, c := number(t, 1), number(t, 2), number(t, 3)
	spaced := strings.ToLower(a[:2]) + " " + a[2:6] + " " + a[6:10] + " " + a[10:11] + " " + a[11:]
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"one a line, as a scanner types them", a + "\n" + b + "\r\n" + c + "\n", []string{a, b, c}},
		{"commas, semicolons and spaces", a + ", " + b + ";" + c, []string{a, b, c}},
		{"spaces alone", a + "  " + b + "\t" + c, []string{a, b, c}},
		{"a number typed with spaces in it is one", spaced + "\n" + b, []string{spaced, b}},
		{"blank lines are nothing", "\n\n " + a + "\n\n", []string{a}},
		{"what is not a number is kept, to be named", a + " XYZ", []string{a, "XYZ"}},
		{"nothing", "  \n ", nil},
	} {
		if got := Numbers(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestList(t *testing.T) {
	a, b := number(t, 1), number(t, 2)
	got, fe := List([]string{strings.ToLower(a), " " + b[:2] + "-" + b[2:] + " "})
	if fe != nil || !slices.Equal(got, []string{a, b}) {
		t.Errorf("a list typed loosely: %q, %v", got, fe)
	}
	long := make([]string, MaxItems+1)
	for i := range long {
		long[i] = number(t, i+1)
	}
	if _, fe := List(long[:MaxItems]); fe != nil {
		t.Errorf("%d items: %v", MaxItems, fe)
	}
	wrong := a[:10] + string('0'+(a[10]-'0'+1)%10) + a[11:]
	for _, tc := range []struct {
		name        string
		list        []string
		field, code string
		says        string
	}{
		{"none", nil, "tracking_numbers", "required", "Hãy nhập hoặc quét"},
		{"too many", long, "tracking_numbers", "too_many", "tối đa 500"},
		{"a wrong check digit", []string{a, b, wrong}, "tracking_numbers[2]", "invalid_tracking_number", "Số hiệu thứ 3 (" + wrong + ") không đúng: chữ số kiểm tra"},
		{"not a number", []string{"hello"}, "tracking_numbers[0]", "invalid_tracking_number", "Số hiệu thứ 1 (hello)"},
		{"twice, written two ways", []string{a, b, strings.ToLower(a)}, "tracking_numbers[2]", "duplicate", "thứ 3 (" + a + ") đã có ở vị trí thứ 1"},
	} {
		_, fe := List(tc.list)
		if fe == nil || fe.Field != tc.field || fe.Code != tc.code || !strings.Contains(fe.Words().VI, tc.says) {
			t.Errorf("%s: %+v (%q), want %s on %s saying %q", tc.name, fe, fe.Words().VI, tc.code, tc.field, tc.says)
		}
		if fe != nil && !vocabulary.ProblemKnown(fe.Field, fe.Code) {
			t.Errorf("%s: %s on %s has no words", tc.name, fe.Code, fe.Field)
		}
	}
}

func TestCheck(t *testing.T) {
	const desk, other = "000.00.16.H19", "000.02.16.H19"
	names := func(code string) vocabulary.Words {
		return vocabulary.Words{VI: "cơ quan " + code, EN: "office " + code}
	}
	tn := number(t, 7)
	for _, tc := range []struct {
		name       string
		kind       shipment.Kind
		status     shipment.Status
		to         string
		code, says string
	}{
		{"a pickup on its way to the desk", shipment.KindPickup, shipment.InTransit, desk, "", ""},
		{"a transfer arrived", shipment.KindTransfer, shipment.Arrived, desk, "", ""},
		{"a return out for delivery", shipment.KindReturn, shipment.OutForDelivery, desk, "", ""},
		{"picked up", shipment.KindTransfer, shipment.PickedUp, desk, "", ""},
		{"for another office", shipment.KindTransfer, shipment.InTransit, other, "not_for_office", "không gửi đến cơ quan " + desk + " mà đến cơ quan " + other},
		{"a delivery to the citizen", shipment.KindDelivery, shipment.OutForDelivery, "", "not_for_office", "mà đến địa chỉ của công dân"},
		{"delivered already", shipment.KindTransfer, shipment.Delivered, desk, "not_deliverable", "Bưu gửi thứ 4 (" + tn + ") đang ở bước"},
		{"not taken in", shipment.KindPickup, shipment.Created, desk, "not_deliverable", "chưa được bưu điện nhận"},
		{"taken in at the counter only", shipment.KindPickup, shipment.Accepted, desk, "not_deliverable", "mới được nhận gửi"},
	} {
		s := shipment.Shipment{TrackingNumber: tn, Kind: tc.kind, Status: tc.status, ToOffice: tc.to}
		fe := Check(3, s, desk, names)
		switch {
		case tc.code == "" && fe != nil:
			t.Errorf("%s: refused: %v", tc.name, fe)
		case tc.code != "" && (fe == nil || fe.Code != tc.code || fe.Field != "tracking_numbers[3]" || !strings.Contains(fe.Words().VI, tc.says)):
			t.Errorf("%s: %+v (%q), want %s saying %q", tc.name, fe, fe.Words().VI, tc.code, tc.says)
		}
		if fe != nil && strings.Contains(fe.Words().VI, "%!") || fe != nil && strings.Contains(fe.Words().EN, "%!") {
			t.Errorf("%s: words with a missing argument: %+v", tc.name, fe.Words())
		}
	}
}

func TestDeliverableStatuses(t *testing.T) {
	// delivery_failed too, by the order of steps, though only a delivery reaches it.
	want := []shipment.Status{shipment.PickedUp, shipment.InTransit, shipment.Arrived, shipment.OutForDelivery,
		shipment.DeliveryFailed}
	if got := DeliverableStatuses(shipment.KindTransfer); !slices.Equal(got, want) {
		t.Errorf("a transfer may be delivered from %v, want %v", got, want)
	}
	if got := DeliverableStatuses(shipment.KindDelivery); !slices.Contains(got, shipment.DeliveryFailed) {
		t.Errorf("a delivery may be delivered after a failed attempt: %v", got)
	}
}

func TestProofOfARecord(t *testing.T) {
	in := shipment.Input{EventID: "7f1c2b9e-3d4a-4c5b-9e6f-0a1b2c3d4e5f", Type: shipment.Delivered,
		Proof: Proof("a5b1c6d7-0000-4000-8000-000000000001", "desk.xuanloc")}
	in.OccurredAt = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	in.Normalize()
	if fe := in.Validate(); fe != nil {
		t.Errorf("a record's proof: %v", fe)
	}
	in.Proof.IDLast4 = "1234"
	if fe := in.Validate(); fe == nil || fe.Code != "record_proof" {
		t.Errorf("a record's proof with an ID: %v", fe)
	}
	// A worker's event cannot claim a record: the field is not read from JSON.
	var sent shipment.Input
	if err := json.Unmarshal([]byte(`{"proof":{"recipient_name":"x","relation":"office_clerk","Record":"r","record":"r"}}`), &sent); err != nil || sent.Proof.Record != "" {
		t.Errorf("a record named in JSON was read: %q %v", sent.Proof.Record, err)
	}
}

func TestCheckSignature(t *testing.T) {
	var small bytes.Buffer
	if err := png.Encode(&small, image.NewGray(image.Rect(0, 0, 40, 20))); err != nil {
		t.Fatal(err)
	}
	if fe := CheckSignature(small.Bytes()); fe != nil {
		t.Errorf("a signature: %v", fe)
	}
	big := append(slices.Clone(small.Bytes()), make([]byte, shipment.MaxSignatureBytes)...)
	for _, tc := range []struct {
		name string
		png  []byte
		want *shipment.FieldError
		code string
	}{
		{"none", nil, nil, "required"},
		{"not a PNG", []byte("GIF89a"), nil, "not_png"},
		{"too large", big, ErrSignatureTooLarge, "too_large"},
	} {
		fe := CheckSignature(tc.png)
		if fe == nil || fe.Field != "signature_png" || fe.Code != tc.code || tc.want != nil && fe != tc.want {
			t.Errorf("%s: %+v, want %s on signature_png", tc.name, fe, tc.code)
		}
	}
}
