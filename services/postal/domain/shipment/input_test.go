package shipment

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseKindAndLabels(t *testing.T) {
	for _, k := range Kinds {
		got, ok := ParseKind(string(k))
		if !ok || got != k {
			t.Errorf("ParseKind(%q) = %q, %v", k, got, ok)
		}
		if vi, en := k.Labels(); vi == string(k) || en == string(k) || vi == en {
			t.Errorf("%s has no labels: %q %q", k, vi, en)
		}
	}
	for _, s := range []string{"", "Pickup", "delivery ", "post"} {
		if _, ok := ParseKind(s); ok {
			t.Errorf("ParseKind(%q) accepted", s)
		}
	}
	for _, s := range Statuses {
		vi, en := s.Labels()
		if vi == string(s) || en == string(s) || vi == en || strings.Contains(en, "_") {
			t.Errorf("%s has no plain labels: %q %q", s, vi, en)
		}
		if s.Recordable() == (s == Created) {
			t.Errorf("%s.Recordable() = %v", s, s.Recordable())
		}
		if s.Terminal() != (s == Delivered || s == Returned) {
			t.Errorf("%s.Terminal() = %v", s, s.Terminal())
		}
	}
	if Status("lost").Valid() || Status("lost").Recordable() {
		t.Error("an unknown status is valid")
	}
	for _, c := range FailureReasons {
		if vi, en, ok := ReasonLabels(c); !ok || vi == "" || en == "" {
			t.Errorf("reason %s has no labels", c)
		}
	}
	for _, c := range FailureActions {
		if vi, en, ok := ActionLabels(c); !ok || vi == "" || en == "" {
			t.Errorf("action %s has no labels", c)
		}
	}
	for _, c := range Relations {
		if vi, en, ok := RelationLabels(c); !ok || vi == "" || en == "" {
			t.Errorf("relation %s has no labels", c)
		}
	}
	if _, _, ok := ReasonLabels("lost"); ok {
		t.Error("an unknown reason has labels")
	}
	if !PaidByCitizen.Valid() || !PaidByAuthority.Valid() || Payer("bank").Valid() {
		t.Error("Payer.Valid is wrong")
	}
}

func TestNormalize(t *testing.T) {
	in := Input{
		EventID:    "  {7F1C2B9E-3D4A-4C5B-9E6F-0A1B2C3D4E5F} ",
		Type:       " Delivery_Failed\t",
		SealNumber: "  NB-1 ",
		ReasonCode: " REFUSED ",
		ActionCode: "Return_To_Sender",
		PaidBy:     " Citizen ",
		Proof:      &Proof{RecipientName: "  Nguye\u0302\u0303n   Thị\tHoa ", Relation: " Family ", IDLast4: " 0427 "},
	}
	in.Normalize()
	want := Input{
		EventID: "7f1c2b9e-3d4a-4c5b-9e6f-0a1b2c3d4e5f", Type: DeliveryFailed, SealNumber: "NB-1",
		ReasonCode: "refused", ActionCode: "return_to_sender", PaidBy: PaidByCitizen,
	}
	if in.EventID != want.EventID || in.Type != want.Type || in.SealNumber != want.SealNumber ||
		in.ReasonCode != want.ReasonCode || in.ActionCode != want.ActionCode || in.PaidBy != want.PaidBy {
		t.Errorf("Normalize = %+v", in)
	}
	if p := in.Proof; p.RecipientName != "Nguyễn Thị Hoa" || p.Relation != "family" || p.IDLast4 != "0427" {
		t.Errorf("Normalize proof = %+v", *p)
	}
	for _, id := range []string{"urn:uuid:7f1c2b9e-3d4a-4c5b-9e6f-0a1b2c3d4e5f", "7f1c2b9e3d4a4c5b9e6f0a1b2c3d4e5f"} {
		in := Input{EventID: id}
		in.Normalize()
		if in.EventID != want.EventID {
			t.Errorf("Normalize(%q) = %q", id, in.EventID)
		}
	}
	junk := Input{EventID: " not-a-uuid "}
	junk.Normalize()
	if junk.EventID != "not-a-uuid" {
		t.Errorf("Normalize kept %q", junk.EventID)
	}
}

func TestValidate(t *testing.T) {
	at := vn(2026, time.March, 9, 9, 0)
	pngOK := tinyPNG(t)
	// oversize is a PNG padded past the limit; exact is padded to the limit: only the
	// header is read, so trailing bytes are not a problem.
	oversize := append(tinyPNG(t), make([]byte, MaxSignatureBytes+1-len(pngOK))...)
	exact := append(tinyPNG(t), make([]byte, MaxSignatureBytes-len(pngOK))...)
	truncated := pngOK[:20]
	signatureOnly := append([]byte(nil), pngSignature...)
	jpeg := []byte{0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0}
	huge := makePNG(t, MaxSignatureSide+1, 1)
	tall := makePNG(t, 1, MaxSignatureSide+1)
	edge := makePNG(t, MaxSignatureSide, 1)

	tests := []struct {
		name  string
		typ   Status
		edit  func(*Input)
		field string
		code  string
	}{
		{"valid accepted", Accepted, nil, "", ""},
		{"valid picked_up without seal", PickedUp, nil, "", ""},
		{"valid picked_up with seal", PickedUp, func(in *Input) { in.SealNumber = "AB-12" }, "", ""},
		{"valid in_transit", InTransit, nil, "", ""},
		{"valid arrived", Arrived, nil, "", ""},
		{"valid out_for_delivery", OutForDelivery, nil, "", ""},
		{"valid delivered", Delivered, nil, "", ""},
		{"valid delivery_failed", DeliveryFailed, nil, "", ""},
		{"valid returned", Returned, nil, "", ""},
		{"fields a type does not use are ignored", InTransit, func(in *Input) {
			in.SealNumber, in.ReasonCode, in.ActionCode = "§§§", "lost", "burn"
			in.Proof = &Proof{}
		}, "", ""},

		{"event_id missing", InTransit, func(in *Input) { in.EventID = "" }, "event_id", "required"},
		{"event_id not a uuid", InTransit, func(in *Input) { in.EventID = "event-1" }, "event_id", "invalid_uuid"},
		{"event_id not canonical (not normalized)", InTransit, func(in *Input) { in.EventID = "{" + newID() + "}" }, "event_id", "invalid_uuid"},
		{"event_id all zeros", InTransit, func(in *Input) { in.EventID = "00000000-0000-0000-0000-000000000000" }, "event_id", "invalid_uuid"},

		{"type missing", InTransit, func(in *Input) { in.Type = "" }, "type", "required"},
		{"type created", InTransit, func(in *Input) { in.Type = Created }, "type", "invalid_type"},
		{"type unknown", InTransit, func(in *Input) { in.Type = "lost" }, "type", "invalid_type"},

		{"occurred_at missing", InTransit, func(in *Input) { in.OccurredAt = time.Time{} }, "occurred_at", "required"},

		{"accepted without seal", Accepted, func(in *Input) { in.SealNumber = "" }, "seal_number", "required"},
		{"seal of 40", Accepted, func(in *Input) { in.SealNumber = strings.Repeat("A", MaxSealRunes) }, "", ""},
		{"seal of 41", Accepted, func(in *Input) { in.SealNumber = strings.Repeat("A", MaxSealRunes+1) }, "seal_number", "too_long"},
		{"seal with a space", Accepted, func(in *Input) { in.SealNumber = "AB 12" }, "seal_number", "invalid_seal"},
		{"seal with a Vietnamese letter", Accepted, func(in *Input) { in.SealNumber = "Đ-12" }, "seal_number", "invalid_seal"},
		{"seal with a slash", Accepted, func(in *Input) { in.SealNumber = "12/34" }, "seal_number", "invalid_seal"},
		{"bad seal on picked_up", PickedUp, func(in *Input) { in.SealNumber = "12/34" }, "seal_number", "invalid_seal"},

		{"failure without reason", DeliveryFailed, func(in *Input) { in.ReasonCode = "" }, "reason_code", "required"},
		{"failure with unknown reason", DeliveryFailed, func(in *Input) { in.ReasonCode = "dog" }, "reason_code", "invalid_reason_code"},
		{"failure without action", DeliveryFailed, func(in *Input) { in.ActionCode = "" }, "action_code", "required"},
		{"failure with unknown action", DeliveryFailed, func(in *Input) { in.ActionCode = "burn" }, "action_code", "invalid_action_code"},

		{"delivered without proof", Delivered, func(in *Input) { in.Proof = nil }, "proof", "required"},
		{"recipient name missing", Delivered, func(in *Input) { in.Proof.RecipientName = "" }, "proof.recipient_name", "required"},
		{"recipient name of 200", Delivered, func(in *Input) { in.Proof.RecipientName = strings.Repeat("Ữ", 200) }, "", ""},
		{"recipient name of 201", Delivered, func(in *Input) { in.Proof.RecipientName = strings.Repeat("Ữ", 201) }, "proof.recipient_name", "too_long"},
		{"relation missing", Delivered, func(in *Input) { in.Proof.Relation = "" }, "proof.relation", "required"},
		{"relation unknown", Delivered, func(in *Input) { in.Proof.Relation = "neighbour" }, "proof.relation", "invalid_relation"},
		{"relation self", Delivered, func(in *Input) { in.Proof.Relation = RelationSelf }, "", ""},
		{"relation authorised", Delivered, func(in *Input) { in.Proof.Relation = RelationAuthorised }, "", ""},
		{"relation office_clerk", Delivered, func(in *Input) { in.Proof.Relation = RelationOfficeClerk }, "", ""},
		{"id_last4 missing", Delivered, func(in *Input) { in.Proof.IDLast4 = "" }, "proof.id_last4", "required"},
		{"id_last4 of 3", Delivered, func(in *Input) { in.Proof.IDLast4 = "042" }, "proof.id_last4", "invalid_id_last4"},
		{"id_last4 of 5", Delivered, func(in *Input) { in.Proof.IDLast4 = "04271" }, "proof.id_last4", "invalid_id_last4"},
		{"id_last4 with a letter", Delivered, func(in *Input) { in.Proof.IDLast4 = "04a7" }, "proof.id_last4", "invalid_id_last4"},
		{"id_last4 in full-width digits", Delivered, func(in *Input) { in.Proof.IDLast4 = "０４２７" }, "proof.id_last4", "invalid_id_last4"},
		{"signature missing", Delivered, func(in *Input) { in.Proof.SignaturePNG = nil }, "proof.signature_png", "required"},
		{"signature at the size limit", Delivered, func(in *Input) { in.Proof.SignaturePNG = exact }, "", ""},
		{"signature over the size limit", Delivered, func(in *Input) { in.Proof.SignaturePNG = oversize }, "proof.signature_png", "too_large"},
		{"signature of garbage", Delivered, func(in *Input) { in.Proof.SignaturePNG = []byte("not an image at all") }, "proof.signature_png", "not_png"},
		{"signature a JPEG", Delivered, func(in *Input) { in.Proof.SignaturePNG = jpeg }, "proof.signature_png", "not_png"},
		{"signature only the PNG magic", Delivered, func(in *Input) { in.Proof.SignaturePNG = signatureOnly }, "proof.signature_png", "not_png"},
		{"signature truncated in the header", Delivered, func(in *Input) { in.Proof.SignaturePNG = truncated }, "proof.signature_png", "not_png"},
		{"signature too wide", Delivered, func(in *Input) { in.Proof.SignaturePNG = huge }, "proof.signature_png", "not_png"},
		{"signature too tall", Delivered, func(in *Input) { in.Proof.SignaturePNG = tall }, "proof.signature_png", "not_png"},
		{"signature 4000 wide", Delivered, func(in *Input) { in.Proof.SignaturePNG = edge }, "", ""},

		{"postage 0", InTransit, func(in *Input) { in.PostageVND = ptr[int64](0) }, "", ""},
		{"postage at the limit", InTransit, func(in *Input) { in.PostageVND = ptr[int64](MaxPostageVND) }, "", ""},
		{"postage over the limit", InTransit, func(in *Input) { in.PostageVND = ptr[int64](MaxPostageVND + 1) }, "postage_vnd", "out_of_range"},
		{"postage negative", InTransit, func(in *Input) { in.PostageVND = ptr[int64](-1) }, "postage_vnd", "out_of_range"},
		{"paid by the citizen", InTransit, func(in *Input) { in.PaidBy = PaidByCitizen }, "", ""},
		{"paid by the authority", InTransit, func(in *Input) { in.PaidBy = PaidByAuthority }, "", ""},
		{"paid by someone else", InTransit, func(in *Input) { in.PaidBy = "bank" }, "paid_by", "invalid_payer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := validInput(t, tt.typ, at)
			if tt.edit != nil {
				tt.edit(&in)
			}
			fe := in.Validate()
			switch {
			case tt.code == "" && fe != nil:
				t.Fatalf("Validate = %v, want nil", fe)
			case tt.code == "":
				return
			case fe == nil:
				t.Fatalf("Validate = nil, want %s %s", tt.field, tt.code)
			case fe.Field != tt.field || fe.Code != tt.code:
				t.Fatalf("Validate = %s %s (%s), want %s %s", fe.Field, fe.Code, fe.Words().EN, tt.field, tt.code)
			case !sentence(fe.Words().EN) || !sentence(fe.Words().VI) || strings.Contains(fe.Words().VI, "%!"):
				t.Fatalf("words %+v are not sentences", fe.Words())
			}
			if tt.code == "too_large" {
				if fe != ErrSignatureTooLarge || !errors.Is(fe, ErrSignatureTooLarge) {
					t.Fatalf("an oversize signature is not ErrSignatureTooLarge")
				}
			} else if errors.Is(fe, ErrSignatureTooLarge) {
				t.Fatalf("%v is ErrSignatureTooLarge", fe)
			}
		})
	}
}

// TestInputJSON reads an event as the contract writes it: the signature in base64, the
// postage absent, null or zero.
func TestInputJSON(t *testing.T) {
	sig := tinyPNG(t)
	body := `{"event_id":"7f1c2b9e-3d4a-4c5b-9e6f-0a1b2c3d4e5f","type":"delivered","occurred_at":"2026-03-09T09:15:00+07:00",
		"proof":{"recipient_name":"Trần Văn Bình","relation":"self","id_last4":"1234","signature_png":"` +
		base64.StdEncoding.EncodeToString(sig) + `"},"postage_vnd":0,"paid_by":"authority"}`
	var in Input
	if err := json.Unmarshal([]byte(body), &in); err != nil {
		t.Fatal(err)
	}
	in.Normalize()
	if fe := in.Validate(); fe != nil {
		t.Fatal(fe)
	}
	if !bytes.Equal(in.Proof.SignaturePNG, sig) || in.PostageVND == nil || *in.PostageVND != 0 || in.PaidBy != PaidByAuthority {
		t.Fatalf("decoded %+v", in)
	}
	if !in.OccurredAt.Equal(vn(2026, time.March, 9, 9, 15)) {
		t.Fatalf("occurred_at = %v", in.OccurredAt)
	}
	var bare Input
	if err := json.Unmarshal([]byte(`{"postage_vnd":null}`), &bare); err != nil || bare.PostageVND != nil {
		t.Fatalf("null postage = %v, %v", bare.PostageVND, err)
	}
	out, err := json.Marshal(Input{EventID: "x"})
	if err != nil || strings.Contains(string(out), "postage_vnd") || strings.Contains(string(out), "proof") {
		t.Fatalf("Marshal = %s, %v", out, err)
	}
}

// sentence reports whether s is a sentence: words (not a code) that end with a full stop.
func sentence(s string) bool { return strings.Contains(s, " ") && strings.HasSuffix(s, ".") }
