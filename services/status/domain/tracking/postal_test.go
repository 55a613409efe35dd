package tracking

import (
	"strings"
	"testing"

	"github.com/motcua/motcua/proto/vocabulary"
)

var postalTypes = []string{"created", "accepted", "picked_up", "in_transit", "arrived", "out_for_delivery",
	"delivered", "delivery_failed", "returned"}

func TestEveryLegAndStepHasWords(t *testing.T) {
	if len(PostalStepTypes) != len(postalTypes) {
		t.Fatalf("PostalStepTypes has %d types, want %d", len(PostalStepTypes), len(postalTypes))
	}
	for i, typ := range postalTypes {
		if PostalStepTypes[i] != PostalStepType(typ) {
			t.Errorf("PostalStepTypes[%d] = %q, want %q", i, PostalStepTypes[i], PostalStepType(typ))
		}
	}
	for _, kind := range []string{"pickup", "transfer", "delivery", "return", "teleport"} {
		seen := map[string]string{}
		for _, typ := range postalTypes {
			for _, lang := range []vocabulary.Lang{vocabulary.Vietnamese, vocabulary.English} {
				l := PostalStep{Kind: kind, Type: typ}.Words().In(lang)
				if l == "" || strings.HasPrefix(l, "shipment_") {
					t.Errorf("%s %s (%s): no label (%q)", kind, typ, lang, l)
				}
				if other, dup := seen[string(lang)+l]; dup {
					t.Errorf("%s: %s and %s share the label %q", kind, typ, other, l)
				}
				seen[string(lang)+l] = typ
			}
		}
	}
	// A leg's words differ from another's: the citizen reads which leg it is.
	for _, typ := range postalTypes {
		labels := map[string]string{}
		for _, kind := range []string{"pickup", "transfer", "delivery", "return"} {
			l := PostalStep{Kind: kind, Type: typ, AtAddress: true}.Words().In(vocabulary.Vietnamese)
			if other, dup := labels[l]; dup {
				t.Errorf("%s: %s and %s share %q", typ, kind, other, l)
			}
			labels[l] = kind
		}
	}
}

func TestPostalStepLabels(t *testing.T) {
	for _, tc := range []struct {
		step   PostalStep
		vi, en string
	}{
		{PostalStep{Kind: "pickup", Type: "accepted", AtAddress: true},
			"Bưu điện đã nhận hồ sơ tại nhà", "The post collected the dossier at the applicant's home"},
		{PostalStep{Kind: "pickup", Type: "accepted"},
			"Bưu điện đã nhận hồ sơ tại bưu cục", "The post took the dossier in at a post office"},
		{PostalStep{Kind: "delivery", Type: "delivery_failed", Reason: "recipient_absent"},
			"Bưu điện phát không thành công: không có người nhận",
			"The post could not deliver the result: nobody was there to receive it"},
		{PostalStep{Kind: "delivery", Type: "delivery_failed", Reason: "some_new_reason"},
			"Bưu điện phát không thành công", "The post could not deliver the result"},
		{PostalStep{Kind: "delivery", Type: "delivery_failed"},
			"Bưu điện phát không thành công", "The post could not deliver the result"},
		{PostalStep{Kind: "transfer", Type: "delivery_failed", Reason: "office_closed"},
			"Bưu điện giao hồ sơ cho cơ quan nhận không thành công: cơ quan nhận đóng cửa",
			"The post could not hand the dossier to the receiving office: the receiving office was closed"},
		{PostalStep{Kind: "return", Type: "delivered"},
			"Bưu điện đã chuyển hoàn kết quả về bộ phận một cửa", "Result brought back to the one-stop desk by the post"},
		{PostalStep{Kind: "delivery", Type: "teleported"}, "shipment_teleported", "shipment_teleported"},
	} {
		if got := tc.step.Words().In(vocabulary.Vietnamese); got != tc.vi {
			t.Errorf("%+v vi: %q, want %q", tc.step, got, tc.vi)
		}
		if got := tc.step.Words().In(vocabulary.English); got != tc.en {
			t.Errorf("%+v en: %q, want %q", tc.step, got, tc.en)
		}
	}
}

func TestShipmentStatusLabels(t *testing.T) {
	for _, s := range postalTypes {
		if ShipmentStatus(s, "").In(vocabulary.Vietnamese) == s || ShipmentStatus(s, "").In(vocabulary.English) == s {
			t.Errorf("%s has no label", s)
		}
	}
	if got := ShipmentStatus("delivery_failed", "moved").In(vocabulary.Vietnamese); got != "Phát không thành công: người nhận đã chuyển đi nơi khác" {
		t.Errorf("failed: %q", got)
	}
	if got := ShipmentStatus("delivery_failed", "moved").In(vocabulary.English); got != "Delivery failed: the recipient has moved" {
		t.Errorf("failed: %q", got)
	}
	if got := ShipmentStatus("lost_at_sea", "").In(vocabulary.English); got != "lost_at_sea" {
		t.Errorf("unknown status: %q", got)
	}
}
