// Package pdffont holds the fonts the services' printed forms embed in their PDFs: the
// DejaVu Sans faces (Bitstream Vera licence, see fonts/LICENSE), which cover Vietnamese,
// so a PDF needs no font on the machine. The bytes are read once, at start-up; each PDF
// embeds only the glyphs it uses.
package pdffont

import _ "embed"

// Family is the family name the faces are registered under.
const Family = "DejaVuSans"

// The faces, as TrueType files.
var (
	//go:embed fonts/DejaVuSans.ttf
	Regular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	Bold []byte
)

// Writer is a PDF writer that embeds TrueType fonts given as bytes (fpdf.Fpdf is one).
type Writer interface {
	AddUTF8FontFromBytes(family, style string, utf8Bytes []byte)
}

// Add registers the regular ("") and bold ("B") faces of Family with w.
func Add(w Writer) {
	w.AddUTF8FontFromBytes(Family, "", Regular)
	w.AddUTF8FontFromBytes(Family, "B", Bold)
}
