package forms

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// blank stands for a value the dossier does not have: a dotted line to fill in by
// hand, as on the paper forms.
const blank = "……………………"

// The national heading printed on every form.
const (
	nationName  = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	nationMotto = "Độc lập - Tự do - Hạnh phúc"
)

// sheet is one form's content, independent of the output format: the HTML
// template and the PDF writer both lay it out, so both print the same thing.
type sheet struct {
	Number    string // "Mẫu số 01", printed in a corner
	Landscape bool
	Nation    string // the national heading
	Motto     string
	Agency    string // the issuing office, upper case
	Dated     string // "Ngày 01 tháng 12 năm 2026"
	Title     string
	Subtitle  string // "Mã hồ sơ: …"
	Lookup    *lookup
	Blocks    []block
	Signs     []signature
}

// lookup is the citizen's way to follow the dossier: the PIN, the link and its QR
// code.
type lookup struct {
	PIN, URL string
	PNG      []byte // QR code of URL; nil without a URL
	Alt      string
}

// block is one piece of the body, exactly one of its fields set.
type block struct {
	Heading string
	Field   *field
	Para    string
	Table   *table
}

// field is a "label: value" line.
type field struct{ Label, Value string }

// table is a ruled table; Empty is printed as its only row when it has none.
type table struct {
	Cols  []column
	Rows  [][]string
	Empty string
}

// column is a table column: its heading, its share of the width (the shares of a
// table add up to 1), and whether its cells are centred.
type column struct {
	Head   string
	Width  float64
	Center bool
}

// signature is a signature block: title, how to sign, and the signer's name.
type signature struct{ Title, Note, Name string }

func (s *sheet) heading(text string) { s.Blocks = append(s.Blocks, block{Heading: text}) }

func (s *sheet) para(text string) { s.Blocks = append(s.Blocks, block{Para: text}) }

func (s *sheet) table(t *table) { s.Blocks = append(s.Blocks, block{Table: t}) }

// field adds a "label: value" line; an empty value prints as a blank to fill in.
func (s *sheet) field(label, value string) {
	s.Blocks = append(s.Blocks, block{Field: &field{Label: label, Value: orBlank(value)}})
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
	s.Number, s.Nation, s.Motto = number(k), nationName, nationMotto
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
func documentsTable(docs []Document) *table {
	t := &table{
		Cols: []column{
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
