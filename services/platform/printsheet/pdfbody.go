package printsheet

// block draws one piece of the body.
func (p *pdfPage) block(b Block) {
	f, body := p.doc, p.g.body
	if p.narrow && (b.Table != nil || b.Heading != "" || f.GetY() >= p.narrowUntil) {
		p.widen()
	}
	switch {
	case b.Heading != "":
		if p.g.headingGap > 0 {
			f.Ln(p.g.headingGap)
		}
		p.setFont(true, body.size)
		f.MultiCell(0, body.line, b.Heading, "", "L", false)
	case b.Field != nil:
		p.setFont(true, body.size)
		f.Write(body.line, b.Field.Label+": ")
		p.setFont(false, body.size)
		f.Write(body.line, b.Field.Value)
		f.Ln(body.line + p.g.fieldGap)
	case b.Para != "":
		p.setFont(false, body.size)
		f.MultiCell(0, body.line, b.Para, "", p.g.paraAlign, false)
		f.Ln(p.g.paraGap)
	case b.Table != nil:
		p.table(b.Table)
	}
}
