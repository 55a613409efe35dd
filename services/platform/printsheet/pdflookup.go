package printsheet

import (
	"bytes"

	"codeberg.org/go-pdf/fpdf"
)

// The lookup column's geometry, in millimetres.
const (
	lookupW = 32.0 // the column beside the first fields
	qrSide  = 24.0
)

// lookup draws the QR code, the PIN and the link in a column on the right, and
// narrows the body beside it.
func (p *pdfPage) lookup() {
	l := p.sheet.Lookup
	if l == nil {
		return
	}
	f, margin := p.doc, p.g.margin
	x := margin + p.width - lookupW
	top := f.GetY()
	y := top
	if l.PNG != nil {
		opts := fpdf.ImageOptions{ImageType: "PNG"}
		f.RegisterImageOptionsReader("qr", opts, bytes.NewReader(l.PNG))
		f.ImageOptions("qr", x+(lookupW-qrSide)/2, y, qrSide, qrSide, false, opts, 0, "")
		y += qrSide + 0.5
	}
	f.SetXY(x, y)
	if l.PIN != "" {
		p.setFont(false, 7.5)
		f.MultiCell(lookupW, 3.4, "Mã tra cứu: "+l.PIN, "", "C", false)
		f.SetX(x)
	}
	if l.URL != "" {
		p.setFont(false, 6)
		f.MultiCell(lookupW, 2.8, l.URL, "", "C", false)
	}
	p.narrowUntil, p.narrow = f.GetY()+1, true
	f.SetRightMargin(margin + lookupW + 3)
	f.SetXY(margin, top)
}

// widen gives the body its full width again, below the lookup column.
func (p *pdfPage) widen() {
	if !p.narrow {
		return
	}
	p.narrow = false
	p.doc.SetRightMargin(p.g.margin)
	if p.doc.GetY() < p.narrowUntil {
		p.doc.SetY(p.narrowUntil)
	}
}
