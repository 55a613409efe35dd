package forms

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/services/platform/printsheet"
	"github.com/motcua/motcua/services/platform/textnorm"
)

// The record's title.
const title = "BIÊN BẢN GIAO NHẬN BƯU GỬI"

// blank stands for a value the record does not have yet: a dotted line to fill in by
// hand, as on paper.
const blank = "……………………"

// columns are the items' table's.
var columns = []printsheet.Column{
	{Head: "TT", Width: 0.06, Center: true},
	{Head: "Số hiệu bưu gửi", Width: 0.22, Center: true},
	{Head: "Mã hồ sơ", Width: 0.32},
	{Head: "Chặng bưu chính", Width: 0.24},
	{Head: "Số niêm phong", Width: 0.16, Center: true},
}

// build gathers the content of record h, with times in loc: the HTML page and the PDF
// both lay it out with printsheet, so both print the same thing.
func build(h Handover, loc *time.Location) (*printsheet.Sheet, error) {
	if loc == nil {
		return nil, errors.New("forms: nil time location")
	}
	h = clean(h)
	number := strconv.FormatInt(h.Number, 10) + "/BBGN"
	s := &printsheet.Sheet{Paper: printsheet.A4, Caption: "Biên bản giao nhận bưu gửi – Số: " + number,
		Agency: strings.ToUpper(h.From.Name), Ref: "Số: " + number,
		Nation: printsheet.NationName, Motto: printsheet.NationMotto,
		Dated: capitalize(datePhrase(h.CreatedAt, loc)), Title: title, Footer: "Biên bản giao nhận số " + number}
	s.AddPara(fmt.Sprintf("Hôm nay, lúc %s, bưu cục và cơ quan dưới đây giao nhận các bưu gửi chuyển hồ sơ, "+
		"kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích (Quyết định số 45/2016/QĐ-TTg) như sau:",
		timePhrase(h.CreatedAt, loc)))
	s.AddHeading("Bên giao")
	s.AddField("Bưu cục", office(h.From))
	s.AddField("Địa chỉ", orBlank(h.From.Address))
	s.AddField("Nhân viên bưu chính", orBlank(h.GivenBy))
	s.AddHeading("Bên nhận")
	s.AddField("Cơ quan", office(h.To))
	s.AddField("Địa chỉ", orBlank(h.To.Address))
	s.AddField("Cán bộ tiếp nhận", orBlank(h.ConfirmedBy))
	s.AddHeading(fmt.Sprintf("Danh sách bưu gửi (%d bưu gửi)", len(h.Items)))
	items := &printsheet.Table{ID: "items", Cols: columns}
	for i, it := range h.Items {
		items.Rows = append(items.Rows, []string{strconv.Itoa(i + 1), it.TrackingNumber, it.DossierCode, it.Kind,
			orDash(it.SealNumber)})
	}
	s.AddTable(items)
	s.AddPara(fmt.Sprintf("Biên bản do %s lập trên hệ thống lúc %s.", orBlank(h.GivenBy), timePhrase(h.CreatedAt, loc)))
	giver := printsheet.Signature{Title: "ĐẠI DIỆN BÊN GIAO", Note: "(Ký, ghi rõ họ tên)", Name: h.GivenBy}
	receiver := printsheet.Signature{Title: "ĐẠI DIỆN BÊN NHẬN", Note: "(Ký, ghi rõ họ tên)"}
	if h.Confirmed() {
		s.AddPara(fmt.Sprintf("Bên nhận đã kiểm đếm, đối chiếu niêm phong và nhận đủ %d bưu gửi nêu trên; "+
			"%s xác nhận trên hệ thống lúc %s.", len(h.Items), h.ConfirmedBy, timePhrase(h.ConfirmedAt, loc)))
		receiver.Note = "(Đã ký trên hệ thống lúc " + timePhrase(h.ConfirmedAt, loc) + ")"
		receiver.Name, receiver.PNG = h.ConfirmedBy, flatSignature(h.Signature)
	} else {
		s.AddPara("Bên nhận kiểm đếm, đối chiếu niêm phong từng bưu gửi rồi ký xác nhận; " +
			"biên bản chưa được bên nhận xác nhận.")
	}
	s.Signs = []printsheet.Signature{giver, receiver}
	return s, nil
}

// clean puts every text of h in NFC on one line, as the forms print it.
func clean(h Handover) Handover {
	nfc := textnorm.Clean
	for _, p := range []*Party{&h.From, &h.To} {
		p.Code, p.Name, p.Address = nfc(p.Code), nfc(p.Name), nfc(p.Address)
	}
	h.GivenBy, h.ConfirmedBy = nfc(h.GivenBy), nfc(h.ConfirmedBy)
	items := make([]Item, len(h.Items))
	for i, it := range h.Items {
		items[i] = Item{TrackingNumber: nfc(it.TrackingNumber), DossierCode: nfc(it.DossierCode), Kind: nfc(it.Kind),
			SealNumber: nfc(it.SealNumber)}
	}
	h.Items = items
	return h
}

// office names an office with its code: "Bộ phận Một cửa huyện Xuân Lộc (000.00.16.H19)".
func office(p Party) string {
	switch {
	case p.Name == "":
		return orBlank(p.Code)
	case p.Code == "" || p.Code == p.Name:
		return p.Name
	}
	return p.Name + " (" + p.Code + ")"
}

// orBlank is s, or the dotted blank when s is empty.
func orBlank(s string) string {
	if s == "" {
		return blank
	}
	return s
}

// orDash is s, or a dash for an item without a seal.
func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// timePhrase writes a moment as forms do, in loc: "09 giờ 05 phút, ngày 01 tháng 12 năm
// 2026". The zero time gives the blank.
func timePhrase(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return blank
	}
	t = t.In(loc)
	return fmt.Sprintf("%02d giờ %02d phút, %s", t.Hour(), t.Minute(), datePhrase(t, loc))
}

// datePhrase writes a day as forms do, in loc: "ngày 01 tháng 12 năm 2026".
func datePhrase(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	return fmt.Sprintf("ngày %02d tháng %02d năm %04d", t.Day(), int(t.Month()), t.Year())
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
