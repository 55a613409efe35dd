package forms

import "github.com/motcua/motcua/services/platform/pdffont"

// signatureSpace is the room left for a hand signature, in millimetres.
const signatureSpace = 17.0

// signatures draws the signature blocks side by side (a lone one on the right).
func (p *pdfPage) signatures() {
	signs := p.sheet.Signs
	if len(signs) == 0 {
		return
	}
	f := p.doc
	if p.room() < signatureSpace+16 {
		f.AddPage()
	}
	colW := p.width / 2
	if len(signs) > 2 {
		colW = p.width / float64(len(signs))
	}
	top := f.GetY() + 3
	for i, sg := range signs {
		x := pageMargin + colW*float64(i)
		if len(signs) == 1 {
			x = pageMargin + p.width - colW
		}
		f.SetXY(x, top)
		f.SetFont(pdffont.Family, "B", 8.5)
		f.MultiCell(colW, 4, sg.Title, "", "C", false)
		f.SetX(x)
		f.SetFont(pdffont.Family, "", 7.5)
		f.MultiCell(colW, 3.5, sg.Note, "", "C", false)
		f.SetXY(x, top+8+signatureSpace)
		f.SetFont(pdffont.Family, "B", 9)
		f.MultiCell(colW, 4, sg.Name, "", "C", false)
	}
}
