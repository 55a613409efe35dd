package printsheet

// table draws a ruled table, repeating its header row on each new page; rows break
// pages whole.
func (p *pdfPage) table(t *Table) {
	f, size := p.doc, p.g.cell.size
	widths := make([]float64, len(t.Cols))
	heads := make([]string, len(t.Cols))
	centred := make([]bool, len(t.Cols))
	all := make([]bool, len(t.Cols))
	for i, c := range t.Cols {
		widths[i], heads[i], centred[i], all[i] = c.Width*p.width, c.Head, c.Center, true
	}
	auto, bottom := f.GetAutoPageBreak()
	f.SetAutoPageBreak(false, bottom) // rows break pages whole, below
	defer f.SetAutoPageBreak(auto, bottom)

	header := func() {
		p.setFont(true, size)
		p.row(widths, heads, all, true)
		p.setFont(false, size)
	}
	header()
	if len(t.Rows) == 0 && t.Empty != "" {
		p.row([]float64{p.width}, []string{t.Empty}, []bool{true}, false)
	}
	for _, r := range t.Rows {
		if p.rowHeight(widths, r) > p.room() {
			f.AddPage()
			header()
		}
		p.row(widths, r, centred, false)
	}
	f.Ln(2)
}

// rowHeight is the height of a row of cells wrapped to their widths.
func (p *pdfPage) rowHeight(widths []float64, cells []string) float64 {
	lines := 1
	for i, c := range cells {
		if i < len(widths) {
			lines = max(lines, len(p.doc.SplitText(c, widths[i]-2*p.g.cellInset)))
		}
	}
	return float64(lines)*p.g.cell.line + 2*p.g.cellPad
}

// row draws one table row in the current font; a row taller than the page room is
// drawn all the same (it cannot be split).
func (p *pdfPage) row(widths []float64, cells []string, centred []bool, shaded bool) {
	f, g := p.doc, p.g
	h := p.rowHeight(widths, cells)
	x, y := g.margin, f.GetY()
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
			f.SetXY(x+g.cellInset, y+g.cellPad)
			f.MultiCell(w-2*g.cellInset, g.cell.line, cells[i], "", align, false)
		}
		x += w
	}
	f.SetXY(g.margin, y+h)
}
