package forms

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/motcua/motcua/services/platform/pdffont"
)

// pdfOptions tunes the PDF writer; tests turn compression off to read the text.
type pdfOptions struct{ uncompressed bool }

// PDF writes form k of dossier d as an A5 PDF (the control slip in landscape),
// with the same content as [HTML] and times in loc. It returns ErrNotAvailable
// when the dossier has no such form yet, and writes nothing on error.
func PDF(w io.Writer, k Kind, d Dossier, loc *time.Location) error {
	return writePDF(w, k, d, loc, pdfOptions{})
}

func writePDF(w io.Writer, k Kind, d Dossier, loc *time.Location, opt pdfOptions) error {
	s, err := build(k, d, loc)
	if err != nil {
		return err
	}
	f := layout(s, opt)
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return fmt.Errorf("forms: render %s PDF: %w", k, err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// Page geometry, in millimetres, and type sizes, in points.
const (
	pageMargin = 12.0
	bodySize   = 9.0
	bodyLine   = 4.3
	lookupW    = 32.0 // the column beside the receipt's first fields
	qrSide     = 24.0
)

// pdfPage lays one sheet out on an fpdf document.
type pdfPage struct {
	doc   *fpdf.Fpdf
	sheet *sheet
	width float64 // between the margins
	// narrowUntil is the bottom of the lookup column; above it the body is narrowed.
	narrowUntil float64
	narrow      bool
}

// layout draws sheet s and returns the finished document (errors are kept in it).
func layout(s *sheet, opt pdfOptions) *fpdf.Fpdf {
	orientation := "P"
	if s.Landscape {
		orientation = "L"
	}
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: orientation, UnitStr: "mm", SizeStr: "A5"})
	f.SetCompression(!opt.uncompressed)
	f.AliasNbPages(pageCountAlias) // before the fonts, so their subsets keep the digits
	pdffont.Add(f)
	f.SetMargins(pageMargin, pageMargin, pageMargin)
	f.SetAutoPageBreak(true, pageMargin)
	f.SetTitle(capitalizeTitle(s.Title)+" – "+s.Subtitle, true)
	f.SetCreator("motcua", true)
	f.SetLang("vi")
	f.SetLineWidth(0.2)
	pageW, _ := f.GetPageSize()
	p := &pdfPage{doc: f, sheet: s, width: pageW - 2*pageMargin}
	f.SetFooterFuncLpi(p.footer)
	f.AddPage()
	p.heading()
	p.title()
	p.lookup()
	for _, b := range s.Blocks {
		p.block(b)
	}
	p.widen()
	p.signatures()
	return f
}

// capitalizeTitle turns a title in capitals into a sentence for the metadata.
func capitalizeTitle(t string) string {
	return capitalize(strings.ToLower(t))
}

// heading draws the form number, the issuing office and the national heading.
func (p *pdfPage) heading() {
	f, s := p.doc, p.sheet
	f.SetFont(pdffont.Family, "B", 8)
	f.SetXY(pageMargin, 6)
	f.CellFormat(p.width, 4, s.Number, "", 0, "R", false, 0, "")

	leftW := p.width * 0.42
	rightW := p.width - leftW
	f.SetXY(pageMargin, pageMargin)
	f.MultiCell(leftW, 3.8, s.Agency, "", "C", false)
	yLeft := f.GetY() + 0.8
	p.rule(pageMargin+leftW/2, yLeft, 14)

	f.SetXY(pageMargin+leftW, pageMargin)
	f.MultiCell(rightW, 3.8, s.Nation, "", "C", false)
	f.SetFont(pdffont.Family, "B", 8.5)
	f.SetX(pageMargin + leftW)
	f.MultiCell(rightW, 3.8, s.Motto, "", "C", false)
	yRight := f.GetY() + 0.8
	p.rule(pageMargin+leftW+rightW/2, yRight, f.GetStringWidth(s.Motto))
	if s.Dated != "" {
		f.SetFont(pdffont.Family, "", 8)
		f.SetXY(pageMargin+leftW, yRight+1.5)
		f.MultiCell(rightW, 3.8, s.Dated, "", "C", false)
		yRight = f.GetY()
	}
	f.SetY(max(yLeft, yRight) + 4)
}

// pageCountAlias stands for the number of pages until the document is written.
const pageCountAlias = "{nb}"

// footer numbers the pages of a form that runs over one page, with its code, so
// that loose pages can be put back together; a one-page form has no footer.
func (p *pdfPage) footer(lastPage bool) {
	f := p.doc
	if lastPage && f.PageNo() == 1 {
		return
	}
	_, pageH := f.GetPageSize()
	f.SetFont(pdffont.Family, "", 7)
	f.SetXY(pageMargin, pageH-pageMargin+3)
	text := fmt.Sprintf("Trang %d/%s", f.PageNo(), pageCountAlias)
	if p.sheet.Subtitle != "" {
		text = p.sheet.Subtitle + " – " + text
	}
	f.CellFormat(p.width, 4, text, "", 0, "C", false, 0, "")
}

// rule draws a short horizontal line centred on x.
func (p *pdfPage) rule(x, y, w float64) { p.doc.Line(x-w/2, y, x+w/2, y) }

// title draws the form's title and subtitle.
func (p *pdfPage) title() {
	f := p.doc
	f.SetFont(pdffont.Family, "B", 11)
	f.MultiCell(0, 5.5, p.sheet.Title, "", "C", false)
	if p.sheet.Subtitle != "" {
		f.SetFont(pdffont.Family, "B", 9.5)
		f.MultiCell(0, 5, p.sheet.Subtitle, "", "C", false)
	}
	f.Ln(2)
}

// lookup draws the QR code, the PIN and the link in a column on the right, and
// narrows the body beside it.
func (p *pdfPage) lookup() {
	l := p.sheet.Lookup
	if l == nil {
		return
	}
	f := p.doc
	x := pageMargin + p.width - lookupW
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
		f.SetFont(pdffont.Family, "", 7.5)
		f.MultiCell(lookupW, 3.4, "Mã tra cứu: "+l.PIN, "", "C", false)
		f.SetX(x)
	}
	if l.URL != "" {
		f.SetFont(pdffont.Family, "", 6)
		f.MultiCell(lookupW, 2.8, l.URL, "", "C", false)
	}
	p.narrowUntil, p.narrow = f.GetY()+1, true
	f.SetRightMargin(pageMargin + lookupW + 3)
	f.SetXY(pageMargin, top)
}

// widen gives the body its full width again, below the lookup column.
func (p *pdfPage) widen() {
	if !p.narrow {
		return
	}
	p.narrow = false
	p.doc.SetRightMargin(pageMargin)
	if p.doc.GetY() < p.narrowUntil {
		p.doc.SetY(p.narrowUntil)
	}
}

// block draws one piece of the body.
func (p *pdfPage) block(b block) {
	f := p.doc
	if p.narrow && (b.Table != nil || b.Heading != "" || f.GetY() >= p.narrowUntil) {
		p.widen()
	}
	switch {
	case b.Heading != "":
		f.SetFont(pdffont.Family, "B", bodySize)
		f.MultiCell(0, bodyLine, b.Heading, "", "L", false)
	case b.Field != nil:
		f.SetFont(pdffont.Family, "B", bodySize)
		f.Write(bodyLine, b.Field.Label+": ")
		f.SetFont(pdffont.Family, "", bodySize)
		f.Write(bodyLine, b.Field.Value)
		f.Ln(bodyLine + 0.7)
	case b.Para != "":
		f.SetFont(pdffont.Family, "", bodySize)
		f.MultiCell(0, bodyLine, b.Para, "", "L", false)
		f.Ln(0.7)
	case b.Table != nil:
		p.table(b.Table)
	}
}
