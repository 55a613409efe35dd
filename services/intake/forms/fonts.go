package forms

import _ "embed"

// The DejaVu Sans faces (Bitstream Vera licence, see fonts/LICENSE), embedded so
// the PDF needs no font on the machine. They cover Vietnamese. The bytes are read
// once, at start-up; each PDF embeds only the glyphs it uses.
var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte
)

// fontFamily is the family name the PDF writer registers the faces under.
const fontFamily = "DejaVuSans"
