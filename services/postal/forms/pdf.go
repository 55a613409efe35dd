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

// PDF writes record h as an A4 PDF with the same content as [HTML], times in loc. It
// writes nothing on error.
func PDF(w io.Writer, h Handover, loc *time.Location) error {
	return writePDF(w, h, loc, pdfOptions{})
}

func writePDF(w io.Writer, h Handover, loc *time.Location, opt pdfOptions) error {
	s, err := build(h, loc)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := layout(s, opt).Output(&buf); err != nil {
		return fmt.Errorf("forms: render the hand-over record's PDF: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// Page geometry, in millimetres, and type sizes, in points.
const (
	margin   = 15.0
	bodySize = 10.5
	bodyLine = 5.0
	cellSize = 9.5
	cellLine = 4.2
	cellPad  = 1.0 // above and below a cell's text
	signW    = 55.0
	signH    = 22.0
)

// pageCountAlias stands for the number of pages until the document is written.
const pageCountAlias = "{nb}"

// pdfPage lays the sheet out on an fpdf document.
type pdfPage struct {
	doc   *fpdf.Fpdf
	sheet *sheet
	width float64 // between the margins
}

// layout draws sheet s and returns the finished document (errors are kept in it).
func layout(s *sheet, opt pdfOptions) *fpdf.Fpdf {
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	f.SetCompression(!opt.uncompressed)
	f.AliasNbPages(pageCountAlias) // before the fonts, so their subsets keep the digits
	pdffont.Add(f)
	f.SetMargins(margin, margin, margin)
	f.SetAutoPageBreak(true, margin)
	f.SetTitle("Biên bản giao nhận bưu gửi – "+s.Number, true)
	f.SetCreator("motcua", true)
	f.SetLang("vi")
	f.SetLineWidth(0.2)
	pageW, _ := f.GetPageSize()
	p := &pdfPage{doc: f, sheet: s, width: pageW - 2*margin}
	f.SetFooterFuncLpi(p.footer)
	f.AddPage()
	p.heading()
	f.SetFont(pdffont.Family, "B", 14)
	f.MultiCell(0, 7, s.Title, "", "C", false)
	f.Ln(2)
	p.para(s.Intro)
	for _, sd := range s.Sides {
		p.subheading(sd.Heading)
		for _, fl := range sd.Fields {
			f.SetFont(pdffont.Family, "B", bodySize)
			f.Write(bodyLine, fl.Label+": ")
			f.SetFont(pdffont.Family, "", bodySize)
			f.Write(bodyLine, fl.Value)
			f.Ln(bodyLine + 0.5)
		}
	}
	p.subheading(s.ItemsHeading)
	p.table()
	for _, c := range s.Closing {
		p.para(c)
	}
	p.signatures()
	return f
}

// heading draws the giving post office and the record's number on the left, the
// national heading and the date on the right.
func (p *pdfPage) heading() {
	f, s := p.doc, p.sheet
	leftW := p.width * 0.42
	rightW := p.width - leftW
	f.SetFont(pdffont.Family, "B", 10)
	f.SetXY(margin, margin)
	f.MultiCell(leftW, 4.6, s.Agency, "", "C", false)
	f.SetFont(pdffont.Family, "", 10)
	f.SetX(margin)
	f.MultiCell(leftW, 4.6, s.Number, "", "C", false)
	yLeft := f.GetY() + 1
	p.rule(margin+leftW/2, yLeft, 16)

	f.SetXY(margin+leftW, margin)
	f.SetFont(pdffont.Family, "B", 10)
	f.MultiCell(rightW, 4.6, s.Nation, "", "C", false)
	f.SetFont(pdffont.Family, "B", 10.5)
	f.SetX(margin + leftW)
	f.MultiCell(rightW, 4.6, s.Motto, "", "C", false)
	yRight := f.GetY() + 1
	p.rule(margin+leftW+rightW/2, yRight, f.GetStringWidth(s.Motto))
	f.SetFont(pdffont.Family, "", 10)
	f.SetXY(margin+leftW, yRight+1.5)
	f.MultiCell(rightW, 4.6, s.Dated, "", "C", false)
	f.SetY(max(yLeft, f.GetY()) + 5)
}

// rule draws a short horizontal line centred on x.
func (p *pdfPage) rule(x, y, w float64) { p.doc.Line(x-w/2, y, x+w/2, y) }

// footer numbers the pages of a record that runs over one page, with its number, so
// that loose pages can be put back together; a one-page record has none.
func (p *pdfPage) footer(lastPage bool) {
	f := p.doc
	if lastPage && f.PageNo() == 1 {
		return
	}
	_, pageH := f.GetPageSize()
	f.SetFont(pdffont.Family, "", 8)
	f.SetXY(margin, pageH-margin+4)
	f.CellFormat(p.width, 4, fmt.Sprintf("%s – Trang %d/%s", p.sheet.Footer, f.PageNo(), pageCountAlias), "", 0, "C", false, 0, "")
}

func (p *pdfPage) subheading(text string) {
	p.doc.Ln(1)
	p.doc.SetFont(pdffont.Family, "B", bodySize)
	p.doc.MultiCell(0, bodyLine, text, "", "L", false)
}

func (p *pdfPage) para(text string) {
	p.doc.SetFont(pdffont.Family, "", bodySize)
	p.doc.MultiCell(0, bodyLine, text, "", "J", false)
	p.doc.Ln(0.8)
}

// table draws the items, repeating the header row on each new page; rows break pages
// whole.
func (p *pdfPage) table() {
	f, s := p.doc, p.sheet
	widths := make([]float64, len(s.Columns))
	heads := make([]string, len(s.Columns))
	centred := make([]bool, len(s.Columns))
	for i, c := range s.Columns {
		widths[i], heads[i], centred[i] = c.Width*p.width, c.Head, c.Center
	}
	auto, bottom := f.GetAutoPageBreak()
	f.SetAutoPageBreak(false, bottom)
	defer f.SetAutoPageBreak(auto, bottom)
	header := func() {
		f.SetFont(pdffont.Family, "B", cellSize)
		all := make([]bool, len(heads))
		for i := range all {
			all[i] = true
		}
		p.row(widths, heads, all, true)
		f.SetFont(pdffont.Family, "", cellSize)
	}
	header()
	for _, r := range s.Rows {
		if p.rowHeight(widths, r) > p.room() {
			f.AddPage()
			header()
		}
		p.row(widths, r, centred, false)
	}
	f.Ln(2)
}

// room is the height left on the page above the bottom margin.
func (p *pdfPage) room() float64 {
	_, h := p.doc.GetPageSize()
	return h - margin - p.doc.GetY()
}

// rowHeight is the height of a row of cells wrapped to their widths.
func (p *pdfPage) rowHeight(widths []float64, cells []string) float64 {
	lines := 1
	for i, c := range cells {
		lines = max(lines, len(p.doc.SplitText(c, widths[i]-2)))
	}
	return float64(lines)*cellLine + 2*cellPad
}

// row draws one table row in the current font.
func (p *pdfPage) row(widths []float64, cells []string, centred []bool, shaded bool) {
	f := p.doc
	h := p.rowHeight(widths, cells)
	x, y := margin, f.GetY()
	style := "D"
	if shaded {
		f.SetFillColor(235, 235, 235)
		style = "FD"
	}
	for i, w := range widths {
		f.Rect(x, y, w, h, style)
		align := "L"
		if centred[i] {
			align = "C"
		}
		f.SetXY(x+1, y+cellPad)
		f.MultiCell(w-2, cellLine, cells[i], "", align, false)
		x += w
	}
	f.SetXY(margin, y+h)
}

// signatures draws the two sides' signature blocks side by side, on a new page when
// they would not fit whole; the receiving officer's drawn signature goes in its block.
func (p *pdfPage) signatures() {
	f, s := p.doc, p.sheet
	const height = 4*bodyLine + signH + 4
	if p.room() < height {
		f.AddPage()
	}
	f.Ln(3)
	top := f.GetY()
	colW := p.width / float64(len(s.Signs))
	for i, sg := range s.Signs {
		x := margin + float64(i)*colW
		f.SetXY(x, top)
		f.SetFont(pdffont.Family, "B", bodySize)
		f.MultiCell(colW, bodyLine, sg.Title, "", "C", false)
		f.SetX(x)
		f.SetFont(pdffont.Family, "", 9)
		f.MultiCell(colW, 4.2, sg.Note, "", "C", false)
		y := f.GetY() + 1
		if sg.PNG != nil {
			name := fmt.Sprintf("signature-%d", i)
			opts := fpdf.ImageOptions{ImageType: "PNG"}
			info := f.RegisterImageOptionsReader(name, opts, bytes.NewReader(sg.PNG))
			if info != nil {
				w, h := fitted(info.Width(), info.Height())
				f.ImageOptions(name, x+(colW-w)/2, y, w, h, false, opts, 0, "")
			}
		}
		f.SetXY(x, y+signH+1)
		f.SetFont(pdffont.Family, "B", bodySize)
		f.MultiCell(colW, bodyLine, strings.TrimSpace(sg.Name), "", "C", false)
	}
}

// fitted is an image of w × h scaled to fit the signature's box, keeping its shape.
func fitted(w, h float64) (float64, float64) {
	if w <= 0 || h <= 0 {
		return signW, signH
	}
	scale := min(signW/w, signH/h)
	return w * scale, h * scale
}
