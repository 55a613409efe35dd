package forms

import (
	"strconv"
	"time"

	"github.com/motcua/motcua/services/platform/printsheet"
)

// controlSlipSheet is form 05, "Phiếu kiểm soát quá trình giải quyết hồ sơ": one
// row per hand-over, printed on a landscape page.
func controlSlipSheet(d Dossier, loc *time.Location) *sheet {
	s := letterhead("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", d.ReceivingOffice, d.ReceivedAt, d, loc)
	s.Landscape = true
	s.about("Kèm theo hồ sơ của", d)
	s.field("Thời gian nhận hồ sơ", timePhrase(d.ReceivedAt, loc))
	s.field("Thời gian hẹn trả kết quả", timePhrase(d.DueAt, loc))
	s.field("Cơ quan tiếp nhận hồ sơ", officeName(d.ReceivingOffice))
	s.field("Cơ quan giải quyết hồ sơ", officeName(d.HandlingOffice))
	t := &printsheet.Table{
		Cols: []printsheet.Column{
			{Head: "TT", Width: 0.05, Center: true},
			{Head: "Bên giao (cơ quan, người giao)", Width: 0.21},
			{Head: "Bên nhận (cơ quan, người nhận)", Width: 0.21},
			{Head: "Thời gian giao, nhận hồ sơ", Width: 0.17, Center: true},
			{Head: "Kết quả (Trước hạn/ Đúng hạn/ Quá hạn)", Width: 0.13, Center: true},
			{Head: "Ghi chú", Width: 0.23},
		},
		Empty: "Chưa có lần giao, nhận hồ sơ nào.",
	}
	for i, st := range d.Steps {
		t.Rows = append(t.Rows, []string{
			strconv.Itoa(i + 1),
			party(st.From, st.FromPerson),
			party(st.To, st.ToPerson),
			timePhrase(st.At, loc),
			timing(st.Timing),
			joinLines(action(st.Action), st.Note),
		})
	}
	s.AddTable(t)
	return s
}

// party is one side of a hand-over: the office, and the person on a line below.
func party(o Office, person string) string { return joinLines(officeName(o), person) }

// joinLines joins the non-empty strings, one a line.
func joinLines(parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += "\n"
		}
		out += p
	}
	return out
}
