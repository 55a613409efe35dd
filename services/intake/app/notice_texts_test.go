package app

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/domain/notice"
)

// TestEveryNoticeRenders renders each notice in both languages for a sample dossier:
// each says the code and links the lookup, only the online submission's gives the PIN,
// none says the ID number or the address it is never given, each phone text fits one
// message of 160 characters of the GSM alphabet, and the page escapes what staff typed.
func TestEveryNoticeRenders(t *testing.T) {
	v := noticeView{Code: "000.00.16.H19-261207-0001", Procedure: "Cấp giấy phép xây dựng nhà ở riêng lẻ",
		Appointment: "16:30 15/12/2026", Items: []string{"Bản vẽ thiết kế", "Giấy tờ về đất"},
		Reason: "Thiếu bản vẽ <mặt cắt>", Amount: "150.000", Receipt: "BL-2026-000123", Tracking: "EC000000123VN", PIN: "483920",
		Link:        "https://mot-cua.example.vn/tra-cuu?code=000.00.16.H19-261207-0001",
		Unsubscribe: "https://mot-cua.example.vn/api/v1/public/notices/unsubscribe?code=x&t=y"}
	for _, k := range notice.Kinds {
		for _, lang := range []vocabulary.Lang{vocabulary.Vietnamese, vocabulary.English} {
			got, err := renderNotice(k, lang, v)
			if err != nil {
				t.Fatalf("%s %s: %v", k, lang, err)
			}
			for name, s := range map[string]string{"subject": got.Subject, "mail": got.Mail, "page": got.HTML, "short": got.Short} {
				if !strings.Contains(s, v.Code) && !(name == "short" && strings.Contains(s, v.Link)) {
					t.Errorf("%s %s %s does not name the dossier: %q", k, lang, name, s)
				}
				if strings.Contains(s, v.PIN) != (k.CarriesPIN() && name != "subject") {
					t.Errorf("%s %s %s: PIN shown %v", k, lang, name, strings.Contains(s, v.PIN))
				}
			}
			if !strings.Contains(got.Mail, v.Link) || !strings.Contains(got.Mail, v.Unsubscribe) {
				t.Errorf("%s %s: the mail lacks the lookup or the unsubscription link:\n%s", k, lang, got.Mail)
			}
			if strings.Contains(got.HTML, "<mặt cắt>") || !strings.Contains(got.HTML, `<a href="`+v.Link+`">`) {
				t.Errorf("%s %s: the page does not escape or does not link:\n%s", k, lang, got.HTML)
			}
			if n := utf8.RuneCountInString(got.Short); n > 160 || !gsm7(got.Short) {
				t.Errorf("%s %s: the phone text (%d characters) is not one GSM message: %q", k, lang, n, got.Short)
			}
		}
	}
	if got, _ := renderNotice(notice.Received, vocabulary.English, v); !strings.Contains(got.Subject, "received") {
		t.Errorf("the English notice is not in English: %q", got.Subject)
	}
}

// gsm7 says whether s is written in the GSM 03.38 default alphabet's printable ASCII.
func gsm7(s string) bool {
	for _, r := range s {
		if r > 0x7e || (r < 0x20 && r != '\n') || strings.ContainsRune("[]{}\\^~|`", r) {
			return false
		}
	}
	return true
}
