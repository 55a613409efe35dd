package printsheet

// The national heading printed on every form.
const (
	NationName  = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	NationMotto = "Độc lập - Tự do - Hạnh phúc"
)

// Sheet is one form's content, independent of the output format.
type Sheet struct {
	Paper     Paper
	Landscape bool
	// Caption names the document: the PDF's title and the HTML page's.
	Caption string
	Number  string // printed in the top corner: "Mẫu số 01"
	Agency  string // the issuing office, upper case
	Ref     string // under the issuing office: "Số: 12/BBGN"
	Nation  string // the national heading
	Motto   string
	Dated   string // "Ngày 01 tháng 12 năm 2026"
	Title   string
	// Subtitle is printed under the title: "Mã hồ sơ: …".
	Subtitle string
	Lookup   *Lookup
	Blocks   []Block
	Signs    []Signature
	// Footer names the sheet on each page of one that runs over a page, before its
	// page number.
	Footer string
}

// Lookup is the citizen's way to follow a dossier, printed beside the first lines:
// the PIN, the link and its QR code.
type Lookup struct {
	PIN, URL string
	PNG      []byte // QR code of URL; nil without one
	Alt      string
}

// Block is one piece of the body, exactly one of its fields set.
type Block struct {
	Heading string
	Field   *Field
	Para    string
	Table   *Table
}

// Field is a "label: value" line.
type Field struct{ Label, Value string }

// Table is a ruled table; Empty, when set, is printed as its only row when it has
// none. ID names it in the HTML page.
type Table struct {
	ID    string
	Cols  []Column
	Rows  [][]string
	Empty string
}

// Column is a table column: its heading, its share of the width (the shares of a
// table add up to 1), and whether its cells are centred.
type Column struct {
	Head   string
	Width  float64
	Center bool
}

// Signature is a signature block: whose, how to sign, the signer's name, and the
// signature image when it was drawn on a screen: a PNG the caller has read (one
// fpdf cannot read fails the PDF).
type Signature struct {
	Title, Note, Name string
	PNG               []byte
}

// AddHeading adds a heading to the body.
func (s *Sheet) AddHeading(text string) { s.Blocks = append(s.Blocks, Block{Heading: text}) }

// AddField adds a "label: value" line to the body.
func (s *Sheet) AddField(label, value string) {
	s.Blocks = append(s.Blocks, Block{Field: &Field{Label: label, Value: value}})
}

// AddPara adds a paragraph to the body.
func (s *Sheet) AddPara(text string) { s.Blocks = append(s.Blocks, Block{Para: text}) }

// AddTable adds a table to the body.
func (s *Sheet) AddTable(t *Table) { s.Blocks = append(s.Blocks, Block{Table: t}) }
