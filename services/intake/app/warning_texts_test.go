package app

import (
	"strings"
	"testing"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/domain/warning"
)

// TestEveryStaffMailRenders renders each staff mail in both languages for a sample: each
// names every dossier with its procedure, appointment and status, and the office; the
// digest links each office's list of dossiers at risk and says the hours, the late
// warning links the dashboard; the page escapes what an administrator typed and links
// the links; each ends with the signature.
func TestEveryStaffMailRenders(t *testing.T) {
	atRisk := "https://mot-cua.example.vn/mot-cua?office=000.00.16.H19&tab=at_risk"
	v := staffMailView{Username: "officer.xuanloc", Day: "07/12/2026", Hours: 8, Count: 2,
		Link: "https://mot-cua.example.vn/giam-sat",
		Offices: []officeWarned{{Name: "UBND huyện <Xuân Lộc>", Code: "000.00.16.H19", Link: atRisk,
			Dossiers: []dossierWarned{
				{Code: "000.00.16.H19-261207-0001", Procedure: "Cấp giấy phép xây dựng", Due: "16:30 07/12/2026", Status: "Đang xử lý"},
				{Code: "000.00.16.H19-261204-0007", Procedure: "Đăng ký kết hôn", Due: "17:00 07/12/2026", Status: "Đã tiếp nhận"},
			}}}}
	for _, k := range []warning.Kind{warning.Digest, warning.Late} {
		for _, lang := range []vocabulary.Lang{vocabulary.Vietnamese, vocabulary.English} {
			subject, text, page, err := renderStaffMail(k, lang, v)
			if err != nil {
				t.Fatalf("%s %s: %v", k, lang, err)
			}
			if !strings.Contains(subject, "2") {
				t.Errorf("%s %s: the subject does not count the dossiers: %q", k, lang, subject)
			}
			want := []string{"officer.xuanloc", "UBND huyện <Xuân Lộc>", vocabulary.StaffMailSignature.In(lang)}
			for _, d := range v.Offices[0].Dossiers {
				want = append(want, d.Code, d.Procedure, d.Due, d.Status)
			}
			if k == warning.Digest {
				want = append(want, atRisk, " 8 ")
			} else {
				want = append(want, v.Link)
			}
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("%s %s: the text lacks %q:\n%s", k, lang, w, text)
				}
			}
			if strings.Contains(text, "<no value>") || strings.Index(text, v.Offices[0].Dossiers[0].Code) > strings.Index(text, v.Offices[0].Dossiers[1].Code) {
				t.Errorf("%s %s: a missing value, or the dossiers out of order:\n%s", k, lang, text)
			}
			if strings.Contains(page, "<Xuân Lộc>") || !strings.Contains(page, "&lt;Xuân Lộc&gt;") {
				t.Errorf("%s %s: the page does not escape:\n%s", k, lang, page)
			}
			link := atRisk
			if k == warning.Late {
				link = v.Link
			}
			if !strings.Contains(page, `<a href="`+strings.ReplaceAll(link, "&", "&amp;")+`">`) {
				t.Errorf("%s %s: the page does not link %s:\n%s", k, lang, link, page)
			}
		}
	}
	if subject, _, _, _ := renderStaffMail(warning.Digest, staffLang, v); !strings.Contains(subject, "sắp đến hạn") {
		t.Errorf("staff are not written to in Vietnamese: %q", subject)
	}
}
