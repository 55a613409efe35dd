package dossier

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// validRegistration is a complete, valid registration that each case bends one way.
func validRegistration() Registration {
	return Registration{
		ProcedureCode:   "2.000720",
		ReceivingOffice: "000.00.16.H19",
		Channel:         ChannelDesk,
		Applicant: Applicant{
			FullName: "Nguyễn Văn An",
			IDNumber: "075123456789",
			Phone:    "0912345678",
			Email:    "an.nguyen@example.vn",
			Address:  "12 Hùng Vương, Khu 1, thị trấn Gia Ray",
		},
		Documents:      []Document{{Name: "Giấy đề nghị đăng ký hộ kinh doanh", Kind: Original, Copies: 1}},
		ResultDelivery: ResultDelivery{Method: DeliverAtDesk},
		FeePaidVND:     100000,
	}
}

func TestValidateFields(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	cases := []struct {
		name  string
		edit  func(r *Registration)
		field string // "" when the registration must be valid
		code  string
	}{
		{"valid", func(r *Registration) {}, "", ""},
		{"procedure missing", func(r *Registration) { r.ProcedureCode = "  " }, "procedure_code", "required"},
		{"procedure too long", func(r *Registration) { r.ProcedureCode = long(41) }, "procedure_code", "too_long"},
		{"procedure at limit", func(r *Registration) { r.ProcedureCode = long(40) }, "", ""},
		{"receiving office missing", func(r *Registration) { r.ReceivingOffice = "" }, "receiving_office", "required"},
		{"receiving office too long", func(r *Registration) { r.ReceivingOffice = long(41) }, "receiving_office", "too_long"},
		{"handling office too long", func(r *Registration) { r.HandlingOffice = long(41) }, "handling_office", "too_long"},
		{"channel missing", func(r *Registration) { r.Channel = "" }, "channel", "required"},
		{"channel invalid", func(r *Registration) { r.Channel = "fax" }, "channel", "invalid_channel"},
		{"channel upper case", func(r *Registration) { r.Channel = " ONLINE " }, "", ""},
		{"name missing", func(r *Registration) { r.Applicant.FullName = " \t " }, "applicant.full_name", "required"},
		{"name too long", func(r *Registration) { r.Applicant.FullName = long(201) }, "applicant.full_name", "too_long"},
		{"name at limit", func(r *Registration) { r.Applicant.FullName = long(200) }, "", ""},
		{"name with digits", func(r *Registration) { r.Applicant.FullName = "Nguyễn Văn 2" }, "applicant.full_name", "invalid_name"},
		{"name with symbols", func(r *Registration) { r.Applicant.FullName = "An <script>" }, "applicant.full_name", "invalid_name"},
		{"name with apostrophe, dot, hyphen", func(r *Registration) { r.Applicant.FullName = "H'Hen Niê-K. Ayun" }, "", ""},
		{"id 12 digits", func(r *Registration) { r.Applicant.IDNumber = "001099012345" }, "", ""},
		{"id 9 digits", func(r *Registration) { r.Applicant.IDNumber = "271234567" }, "", ""},
		{"id optional", func(r *Registration) { r.Applicant.IDNumber = "" }, "", ""},
		{"id 11 digits", func(r *Registration) { r.Applicant.IDNumber = "00109901234" }, "applicant.id_number", "invalid_id_number"},
		{"id 10 digits", func(r *Registration) { r.Applicant.IDNumber = "0010990123" }, "applicant.id_number", "invalid_id_number"},
		{"id 13 digits", func(r *Registration) { r.Applicant.IDNumber = "0010990123456" }, "applicant.id_number", "invalid_id_number"},
		{"id with letter", func(r *Registration) { r.Applicant.IDNumber = "00109901234A" }, "applicant.id_number", "invalid_id_number"},
		{"id full-width digits", func(r *Registration) { r.Applicant.IDNumber = "０７５１２３４５６" }, "applicant.id_number", "invalid_id_number"},
		{"phone optional", func(r *Registration) { r.Applicant.Phone = "" }, "", ""},
		{"phone +84", func(r *Registration) { r.Applicant.Phone = "+84 912 345 678" }, "", ""},
		{"phone dotted", func(r *Registration) { r.Applicant.Phone = "0912.345.678" }, "", ""},
		{"phone 9 digits", func(r *Registration) { r.Applicant.Phone = "091234567" }, "applicant.phone", "invalid_phone"},
		{"phone 11 digits", func(r *Registration) { r.Applicant.Phone = "09123456789" }, "applicant.phone", "invalid_phone"},
		{"phone not starting 0", func(r *Registration) { r.Applicant.Phone = "9912345678" }, "applicant.phone", "invalid_phone"},
		{"phone 84 without plus", func(r *Registration) { r.Applicant.Phone = "84912345678" }, "applicant.phone", "invalid_phone"},
		{"phone letters", func(r *Registration) { r.Applicant.Phone = "09123abc78" }, "applicant.phone", "invalid_phone"},
		{"email optional", func(r *Registration) { r.Applicant.Email = "" }, "", ""},
		{"email invalid", func(r *Registration) { r.Applicant.Email = "an.nguyen" }, "applicant.email", "invalid_email"},
		{"email with display name", func(r *Registration) { r.Applicant.Email = "An <an@example.vn>" }, "applicant.email", "invalid_email"},
		{"email too long", func(r *Registration) { r.Applicant.Email = long(250) + "@example.vn" }, "applicant.email", "invalid_email"},
		{"address optional at desk", func(r *Registration) { r.Applicant.Address = "" }, "", ""},
		{"address too long", func(r *Registration) { r.Applicant.Address = long(501) }, "applicant.address", "too_long"},
		{"address required for post", func(r *Registration) { r.Channel = ChannelPost; r.Applicant.Address = "" }, "applicant.address", "required"},
		{"post with address", func(r *Registration) { r.Channel = ChannelPost }, "", ""},
		{"no documents", func(r *Registration) { r.Documents = nil }, "", ""},
		{"too many documents", func(r *Registration) {
			r.Documents = make([]Document, MaxDocuments+1)
			for i := range r.Documents {
				r.Documents[i] = Document{Name: "Bản sao", Kind: Copy, Copies: 1}
			}
		}, "documents", "too_many"},
		{"document name missing", func(r *Registration) { r.Documents[0].Name = "  " }, "documents[0].name", "required"},
		{"document name too long", func(r *Registration) { r.Documents[0].Name = long(301) }, "documents[0].name", "too_long"},
		{"document kind invalid", func(r *Registration) { r.Documents[0].Kind = "photocopy" }, "documents[0].kind", "invalid_kind"},
		{"document kind missing", func(r *Registration) { r.Documents[0].Kind = "" }, "documents[0].kind", "invalid_kind"},
		{"document kind upper case", func(r *Registration) { r.Documents[0].Kind = "Certified_Copy" }, "", ""},
		{"second document wrong", func(r *Registration) {
			r.Documents = append(r.Documents, Document{Name: "CCCD", Kind: Copy, Copies: -1})
		}, "documents[1].copies", "out_of_range"},
		{"copies zero defaults to one", func(r *Registration) { r.Documents[0].Copies = 0 }, "", ""},
		{"copies at limit", func(r *Registration) { r.Documents[0].Copies = MaxCopies }, "", ""},
		{"copies over limit", func(r *Registration) { r.Documents[0].Copies = MaxCopies + 1 }, "documents[0].copies", "out_of_range"},
		{"delivery method invalid", func(r *Registration) { r.ResultDelivery.Method = "drone" }, "result_delivery.method", "invalid_method"},
		{"delivery electronic", func(r *Registration) { r.ResultDelivery.Method = " Electronic " }, "", ""},
		{"delivery electronic for an online dossier", func(r *Registration) {
			r.Channel, r.ResultDelivery.Method = ChannelOnline, DeliverElectronically
		}, "", ""},
		{"delivery by post without any address", func(r *Registration) {
			r.ResultDelivery.Method = DeliverByPost
			r.Applicant.Address = ""
		}, "result_delivery.address", "required"},
		{"delivery by post falls back to the applicant", func(r *Registration) { r.ResultDelivery.Method = DeliverByPost }, "", ""},
		{"delivery address too long", func(r *Registration) {
			r.ResultDelivery = ResultDelivery{Method: DeliverByPost, Address: long(501)}
		}, "result_delivery.address", "too_long"},
		{"fee zero", func(r *Registration) { r.FeePaidVND = 0 }, "", ""},
		{"fee negative", func(r *Registration) { r.FeePaidVND = -1 }, "fee_paid_vnd", "out_of_range"},
		{"fee at limit", func(r *Registration) { r.FeePaidVND = MaxFeeVND }, "", ""},
		{"fee over limit", func(r *Registration) { r.FeePaidVND = MaxFeeVND + 1 }, "fee_paid_vnd", "out_of_range"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := validRegistration()
			tc.edit(&r)
			r.Normalize()
			fe := r.Validate()
			switch {
			case tc.field == "" && fe != nil:
				t.Fatalf("Validate = %v, want valid", fe)
			case tc.field == "":
			case fe == nil:
				t.Fatalf("Validate = nil, want %s/%s", tc.field, tc.code)
			case fe.Field != tc.field || fe.Code != tc.code:
				t.Fatalf("Validate = %s/%s (%s), want %s/%s", fe.Field, fe.Code, message(fe), tc.field, tc.code)
			case message(fe) == "" || fe.Error() == "":
				t.Fatalf("error without a message: %#v", fe)
			}
		})
	}
}

func TestValidateReportsFirstProblemInReadingOrder(t *testing.T) {
	r := validRegistration()
	r.Applicant.Phone = "12"
	r.FeePaidVND = -5
	r.Documents[0].Kind = "?"
	r.Normalize()
	if fe := r.Validate(); fe == nil || fe.Field != "applicant.phone" {
		t.Fatalf("Validate = %v, want applicant.phone first", fe)
	}
}

func TestNormalize(t *testing.T) {
	r := Registration{
		ProcedureCode:   " 2.000720 ",
		ReceivingOffice: "\t000.00.16.H19 ",
		Channel:         " Post ",
		Applicant: Applicant{
			FullName: norm.NFD.String("  Trần   Thị\tHồng  "),
			IDNumber: " 075123456789 ",
			Phone:    " +84 (91) 234-5678 ",
			Email:    " hong@example.vn ",
			Address:  norm.NFD.String(" Ấp  Bình Xuân,\nxã Xuân Định "),
		},
		Documents:      []Document{{Name: norm.NFD.String(" Tờ khai  "), Kind: " COPY "}},
		ResultDelivery: ResultDelivery{Method: " POST "},
	}
	r.Normalize()
	want := Registration{
		ProcedureCode:   "2.000720",
		ReceivingOffice: "000.00.16.H19",
		HandlingOffice:  "000.00.16.H19",
		Channel:         ChannelPost,
		Applicant: Applicant{
			FullName: "Trần Thị Hồng",
			IDNumber: "075123456789",
			Phone:    "0912345678",
			Email:    "hong@example.vn",
			Address:  "Ấp Bình Xuân, xã Xuân Định",
		},
		Documents:      []Document{{Name: "Tờ khai", Kind: Copy, Copies: 1}},
		ResultDelivery: ResultDelivery{Method: DeliverByPost, Address: "Ấp Bình Xuân, xã Xuân Định"},
	}
	if !equalRegistration(r, want) {
		t.Fatalf("Normalize =\n%+v\nwant\n%+v", r, want)
	}
	for _, s := range []string{r.Applicant.FullName, r.Applicant.Address, r.Documents[0].Name, r.ResultDelivery.Address} {
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("%q is not NFC", s)
		}
	}
	if fe := r.Validate(); fe != nil {
		t.Fatalf("Validate after Normalize = %v", fe)
	}
}

func TestNormalizeKeepsExplicitChoices(t *testing.T) {
	r := validRegistration()
	r.HandlingOffice = "000.01.16.H19"
	r.ResultDelivery = ResultDelivery{Method: DeliverByPost, Address: "Bưu điện Xuân Lộc"}
	r.Normalize()
	if r.HandlingOffice != "000.01.16.H19" {
		t.Errorf("handling office = %q", r.HandlingOffice)
	}
	if r.ResultDelivery.Address != "Bưu điện Xuân Lộc" {
		t.Errorf("result address = %q, want the one given", r.ResultDelivery.Address)
	}
	d := validRegistration()
	d.ResultDelivery = ResultDelivery{}
	d.Normalize()
	if d.ResultDelivery.Method != DeliverAtDesk || d.ResultDelivery.Address != "" {
		t.Errorf("default delivery = %+v, want the desk and no address", d.ResultDelivery)
	}
}

// TestNormalizeNFDNameCountsCharacters checks that a name typed in NFD (as some input
// methods send it) is measured after composition: 200 letters with tone marks fit.
func TestNormalizeNFDNameCountsCharacters(t *testing.T) {
	r := validRegistration()
	r.Applicant.FullName = norm.NFD.String(strings.Repeat("ễ", MaxNameRunes))
	r.Normalize()
	if fe := r.Validate(); fe != nil {
		t.Fatalf("Validate = %v, want a 200-letter NFD name accepted", fe)
	}
}

func equalRegistration(a, b Registration) bool {
	if a.ProcedureCode != b.ProcedureCode || a.ReceivingOffice != b.ReceivingOffice || a.HandlingOffice != b.HandlingOffice ||
		a.Channel != b.Channel || a.Applicant != b.Applicant || a.ResultDelivery != b.ResultDelivery ||
		a.FeePaidVND != b.FeePaidVND || len(a.Documents) != len(b.Documents) {
		return false
	}
	for i := range a.Documents {
		if a.Documents[i] != b.Documents[i] {
			return false
		}
	}
	return true
}
