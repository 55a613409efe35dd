package forms

import "github.com/motcua/motcua/services/platform/pdffont"

// Table type, in points and millimetres.
const (
	cellSize = 8.0
	cellLine = 3.6
	cellPad  = 0.9 // above and below the text
)

// table draws a ruled table, repeating its header row on each new page.
func (p *pdfPage) table(t *table) {
	f := p.doc
	widths := make([]float64, len(t.Cols))
	heads := make([]string, len(t.Cols))
	centred := make([]bool, len(t.Cols))
	for i, c := range t.Cols {
		widths[i], heads[i], centred[i] = c.Width*p.width, c.Head, c.Center
	}
	auto, bottom := f.GetAutoPageBreak()
	f.SetAutoPageBreak(false, bottom) // rows break pages whole, below
	defer f.SetAutoPageBreak(auto, bottom)

	header := func() {
		f.SetFont(pdffont.Family, "B", cellSize)
		p.row(widths, heads, allTrue(len(heads)), true)
	}
	header()
	f.SetFont(pdffont.Family, "", cellSize)
	if len(t.Rows) == 0 {
		p.row([]float64{p.width}, []string{t.Empty}, []bool{true}, false)
	}
	for _, r := range t.Rows {
		if p.rowHeight(widths, r) > p.room() {
			f.AddPage()
			header()
			f.SetFont(pdffont.Family, "", cellSize)
		}
		p.row(widths, r, centred, false)
	}
	f.Ln(2)
}

// room is the height left on the page above the bottom margin.
func (p *pdfPage) room() float64 {
	_, h := p.doc.GetPageSize()
	return h - pageMargin - p.doc.GetY()
}

// rowHeight is the height of a row of cells wrapped to their widths.
func (p *pdfPage) rowHeight(widths []float64, cells []string) float64 {
	lines := 1
	for i, c := range cells {
		if i < len(widths) {
			lines = max(lines, len(p.doc.SplitText(c, widths[i])))
		}
	}
	return float64(lines)*cellLine + 2*cellPad
}

// row draws one table row in the current font; a row taller than the page room is
// drawn all the same (it cannot be split).
func (p *pdfPage) row(widths []float64, cells []string, centred []bool, shaded bool) {
	f := p.doc
	h := p.rowHeight(widths, cells)
	x, y := pageMargin, f.GetY()
	style := "D"
	if shaded {
		f.SetFillColor(235, 235, 235)
		style = "FD"
	}
	for i, w := range widths {
		f.Rect(x, y, w, h, style)
		if i < len(cells) {
			align := "L"
			if centred[i] {
				align = "C"
			}
			f.SetXY(x, y+cellPad)
			f.MultiCell(w, cellLine, cells[i], "", align, false)
		}
		x += w
	}
	f.SetXY(pageMargin, y+h)
}

func allTrue(n int) []bool {
	b := make([]bool, n)
	for i := range b {
		b[i] = true
	}
	return b
}
