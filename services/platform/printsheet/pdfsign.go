package printsheet

import (
	"bytes"
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// signatures draws the signature blocks side by side (a lone one on the right), on a
// new page when they would not fit whole; a drawn signature goes in its block,
// above the signer's name.
func (p *pdfPage) signatures() {
	signs, f, g := p.sheet.Signs, p.doc, p.g
	if len(signs) == 0 {
		return
	}
	if p.room() < g.signRoom {
		f.AddPage()
	}
	colW := p.width / float64(max(2, len(signs)))
	top := f.GetY() + 3
	for i, sg := range signs {
		x := g.margin + colW*float64(i)
		if len(signs) == 1 {
			x = g.margin + p.width - colW
		}
		f.SetXY(x, top)
		p.setFont(true, g.signTitle.size)
		f.MultiCell(colW, g.signTitle.line, sg.Title, "", "C", false)
		f.SetX(x)
		p.setFont(false, g.signNote.size)
		f.MultiCell(colW, g.signNote.line, sg.Note, "", "C", false)
		y := f.GetY() + 1
		if sg.PNG != nil {
			p.signatureImage(fmt.Sprintf("signature-%d", i), sg.PNG, x+colW/2, y)
		}
		f.SetXY(x, y+g.signH+1)
		p.setFont(true, g.signName.size)
		f.MultiCell(colW, g.signName.line, strings.TrimSpace(sg.Name), "", "C", false)
	}
}

// signatureImage draws a signature centred on x below y, fitted to the signature's
// box; one that cannot be read is left out.
func (p *pdfPage) signatureImage(name string, png []byte, x, y float64) {
	opts := fpdf.ImageOptions{ImageType: "PNG"}
	info := p.doc.RegisterImageOptionsReader(name, opts, bytes.NewReader(png))
	if info == nil {
		return
	}
	w, h := fitted(info.Width(), info.Height(), p.g.signW, p.g.signH)
	p.doc.ImageOptions(name, x-w/2, y, w, h, false, opts, 0, "")
}

// fitted is an image of w × h scaled to fit a box of boxW × boxH, keeping its shape.
func fitted(w, h, boxW, boxH float64) (float64, float64) {
	if w <= 0 || h <= 0 {
		return boxW, boxH
	}
	scale := min(boxW/w, boxH/h)
	return w * scale, h * scale
}
