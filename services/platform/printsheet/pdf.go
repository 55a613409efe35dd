package printsheet

import (
	"bytes"
	"fmt"
	"io"

	"codeberg.org/go-pdf/fpdf"

	"github.com/motcua/motcua/services/platform/pdffont"
)

// PDFOptions tunes the PDF writer; tests turn compression off to read the text.
type PDFOptions struct{ Uncompressed bool }

// PDF writes sheet s as a PDF of its paper, with the same content as [HTML]. It
// writes nothing on error.
func PDF(w io.Writer, s *Sheet, opt PDFOptions) error {
	var buf bytes.Buffer
	if err := layout(s, opt).Output(&buf); err != nil {
		return fmt.Errorf("printsheet: PDF: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// pageCountAlias stands for the number of pages until the document is written.
const pageCountAlias = "{nb}"

// cornerY is where the form's number stands, above the margin, in millimetres.
const cornerY = 6.0

// pdfPage lays one sheet out on an fpdf document.
type pdfPage struct {
	doc   *fpdf.Fpdf
	sheet *Sheet
	g     geometry
	width float64 // between the margins
	// narrowUntil is the bottom of the lookup column; above it the body is narrowed.
	narrowUntil float64
	narrow      bool
}

// layout draws sheet s and returns the finished document (errors are kept in it).
func layout(s *Sheet, opt PDFOptions) *fpdf.Fpdf {
	g := s.geometry()
	orientation := "P"
	if s.Landscape {
		orientation = "L"
	}
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: orientation, UnitStr: "mm", SizeStr: g.size})
	f.SetCompression(!opt.Uncompressed)
	f.AliasNbPages(pageCountAlias) // before the fonts, so their subsets keep the digits
	pdffont.Add(f)
	f.SetMargins(g.margin, g.margin, g.margin)
	f.SetAutoPageBreak(true, g.margin)
	f.SetTitle(s.Caption, true)
	f.SetCreator("motcua", true)
	f.SetLang("vi")
	f.SetLineWidth(0.2)
	pageW, _ := f.GetPageSize()
	p := &pdfPage{doc: f, sheet: s, g: g, width: pageW - 2*g.margin}
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

// setFont sets the type of the text that follows, bold or not.
func (p *pdfPage) setFont(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	p.doc.SetFont(pdffont.Family, style, size)
}

// heading draws the form's number in the corner, the issuing office (and the
// sheet's reference under it) on the left, the national heading and the date on the
// right.
func (p *pdfPage) heading() {
	f, s, g := p.doc, p.sheet, p.g
	p.setFont(true, g.head.size)
	if s.Number != "" {
		f.SetXY(g.margin, cornerY)
		f.CellFormat(p.width, 4, s.Number, "", 0, "R", false, 0, "")
	}
	leftW := p.width * 0.42
	rightW := p.width - leftW
	f.SetXY(g.margin, g.margin)
	f.MultiCell(leftW, g.head.line, s.Agency, "", "C", false)
	if s.Ref != "" {
		p.setFont(false, g.head.size)
		f.SetX(g.margin)
		f.MultiCell(leftW, g.head.line, s.Ref, "", "C", false)
	}
	yLeft := f.GetY() + g.ruleGap
	p.rule(g.margin+leftW/2, yLeft, g.agencyRule)

	f.SetXY(g.margin+leftW, g.margin)
	if s.Ref != "" {
		p.setFont(true, g.head.size) // again, after the reference
	}
	f.MultiCell(rightW, g.head.line, s.Nation, "", "C", false)
	p.setFont(true, g.motto.size)
	f.SetX(g.margin + leftW)
	f.MultiCell(rightW, g.motto.line, s.Motto, "", "C", false)
	yRight := f.GetY() + g.ruleGap
	p.rule(g.margin+leftW+rightW/2, yRight, f.GetStringWidth(s.Motto))
	if s.Dated != "" {
		p.setFont(false, g.dated.size)
		f.SetXY(g.margin+leftW, yRight+1.5)
		f.MultiCell(rightW, g.dated.line, s.Dated, "", "C", false)
		yRight = f.GetY()
	}
	f.SetY(max(yLeft, yRight) + g.headGap)
}

// rule draws a short horizontal line centred on x.
func (p *pdfPage) rule(x, y, w float64) { p.doc.Line(x-w/2, y, x+w/2, y) }

// footer numbers the pages of a sheet that runs over one page, after its name, so
// that loose pages can be put back together; a one-page sheet has no footer.
func (p *pdfPage) footer(lastPage bool) {
	f := p.doc
	if lastPage && f.PageNo() == 1 {
		return
	}
	_, pageH := f.GetPageSize()
	p.setFont(false, p.g.footerSize)
	f.SetXY(p.g.margin, pageH-p.g.margin+p.g.footerDrop)
	text := fmt.Sprintf("Trang %d/%s", f.PageNo(), pageCountAlias)
	if p.sheet.Footer != "" {
		text = p.sheet.Footer + " – " + text
	}
	f.CellFormat(p.width, 4, text, "", 0, "C", false, 0, "")
}

// title draws the sheet's title and subtitle.
func (p *pdfPage) title() {
	f, g := p.doc, p.g
	p.setFont(true, g.title.size)
	f.MultiCell(0, g.title.line, p.sheet.Title, "", "C", false)
	if p.sheet.Subtitle != "" {
		p.setFont(true, g.subtitle.size)
		f.MultiCell(0, g.subtitle.line, p.sheet.Subtitle, "", "C", false)
	}
	f.Ln(2)
}

// room is the height left on the page above the bottom margin.
func (p *pdfPage) room() float64 {
	_, h := p.doc.GetPageSize()
	return h - p.g.margin - p.doc.GetY()
}
