package forms

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/services/platform/printsheet"
)

// blank stands for a value the dossier does not have: a dotted line to fill in by
// hand, as on the paper forms.
const blank = "……………………"

// The national heading printed on every form.
const (
	nationName  = printsheet.NationName
	nationMotto = printsheet.NationMotto
)

// sheet is one form's content, independent of the output format: [HTML] and [PDF]
// both lay it out with printsheet, so both print the same thing.
type sheet struct{ printsheet.Sheet }

// field adds a "label: value" line; an empty value prints as a blank to fill in.
func (s *sheet) field(label, value string) { s.AddField(label, orBlank(value)) }

// sign adds a signature block: whose, how to sign, and the signer's name.
func (s *sheet) sign(title, note, name string) {
	s.Signs = append(s.Signs, printsheet.Signature{Title: title, Note: note, Name: name})
}

// orBlank is s, or the dotted blank when s is empty.
func orBlank(s string) string {
	if s == "" {
		return blank
	}
	return s
}

// build gathers the content of form k for dossier d, with times in loc.
func build(k Kind, d Dossier, loc *time.Location) (*sheet, error) {
	if loc == nil {
		return nil, errors.New("forms: nil time location")
	}
	d = cleanDossier(d)
	var s *sheet
	switch k {
	case KindReceipt:
		s = receiptSheet(d, loc)
	case KindSupplementRequest:
		if d.Supplement == nil {
			return nil, fmt.Errorf("%w: %s", ErrNotAvailable, k)
		}
		s = supplementSheet(d, loc)
	case KindRefusal:
		if d.Refusal == nil {
			return nil, fmt.Errorf("%w: %s", ErrNotAvailable, k)
		}
		s = refusalSheet(d, loc)
	case KindApology:
		if d.Apology == nil {
			return nil, fmt.Errorf("%w: %s", ErrNotAvailable, k)
		}
		s = apologySheet(d, loc)
	case KindControlSlip:
		s = controlSlipSheet(d, loc)
	case KindDispatchSlip:
		if d.Counter == nil {
			return nil, fmt.Errorf("%w: %s", ErrNotAvailable, k)
		}
		s = dispatchSlipSheet(d, loc)
	default:
		return nil, fmt.Errorf("forms: unknown form %q", string(k))
	}
	s.Paper, s.Number, s.Nation, s.Motto = printsheet.A5, number(k), nationName, nationMotto
	s.Caption = capitalize(strings.ToLower(s.Title)) + " – " + s.Subtitle
	s.Footer = s.Subtitle
	return s, nil
}

// procedure names what the applicant asks for: "Đăng ký khai sinh (mã 1.001193)".
func procedure(d Dossier) string {
	switch {
	case d.ProcedureName == "":
		return d.ProcedureCode
	case d.ProcedureCode == "":
		return d.ProcedureName
	}
	return d.ProcedureName + " (mã " + d.ProcedureCode + ")"
}

// documentsTable lists documents with their kind of copy and number of sets.
func documentsTable(docs []Document) *printsheet.Table {
	t := &printsheet.Table{
		Cols: []printsheet.Column{
			{Head: "TT", Width: 0.08, Center: true},
			{Head: "Tên giấy tờ", Width: 0.52},
			{Head: "Hình thức", Width: 0.26, Center: true},
			{Head: "Số lượng (bộ)", Width: 0.14, Center: true},
		},
		Empty: "Không có giấy tờ.",
	}
	for i, doc := range docs {
		copies := ""
		if doc.Copies > 0 {
			copies = strconv.Itoa(doc.Copies)
		}
		t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), orBlank(doc.Name), documentKind(doc.Kind), copies})
	}
	return t
}

// contact names an officer and the office: "Trần Thị B – Phòng Tư pháp".
func contact(officer string, office Office) string {
	parts := make([]string, 0, 2)
	for _, p := range []string{officer, officeName(office)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " – ")
}
