package printsheet

// Paper is the size of the paper a sheet is printed on.
type Paper string

// The papers a sheet is printed on: A5 for the one-stop forms handed over the counter,
// A4 for the longer records.
const (
	A5 Paper = "A5"
	A4 Paper = "A4"
)

// font is a type size, in points, and the height of its lines, in millimetres.
type font struct{ size, line float64 }

// geometry is how a paper lays a sheet out: margins and gaps in millimetres, type in
// points. The smaller paper has the smaller type.
type geometry struct {
	size   string // as fpdf names it
	margin float64
	// The heading: the issuing office and the national heading, with a rule under
	// each (agencyRule long, ruleGap below the text), the date, and the gap below.
	head, motto, dated     font
	agencyRule, ruleGap    float64
	headGap                float64
	title, subtitle        font
	body                   font
	headingGap             float64 // above a heading in the body
	fieldGap, paraGap      float64 // below a field, a paragraph
	paraAlign              string
	cell                   font
	cellPad, cellInset     float64 // above and below, beside a cell's text
	signTitle, signNote    font
	signName               font
	signRoom               float64 // the room the signature blocks need on a page
	signW, signH           float64 // the box of a drawn signature
	footerSize, footerDrop float64 // the footer's type, and how far below the margin
}

// geometries are the papers' layouts.
var geometries = map[Paper]geometry{
	A5: {size: "A5", margin: 12,
		head: font{8, 3.8}, motto: font{8.5, 3.8}, dated: font{8, 3.8}, agencyRule: 14, ruleGap: 0.8, headGap: 4,
		title: font{11, 5.5}, subtitle: font{9.5, 5},
		body: font{9, 4.3}, fieldGap: 0.7, paraGap: 0.7, paraAlign: "L",
		cell: font{8, 3.6}, cellPad: 0.9,
		signTitle: font{8.5, 4}, signNote: font{7.5, 3.5}, signName: font{9, 4}, signRoom: 33, signW: 40, signH: 15.5,
		footerSize: 7, footerDrop: 3},
	A4: {size: "A4", margin: 15,
		head: font{10, 4.6}, motto: font{10.5, 4.6}, dated: font{10, 4.6}, agencyRule: 16, ruleGap: 1, headGap: 5,
		title: font{14, 7}, subtitle: font{11, 5.5},
		body: font{10.5, 5}, headingGap: 1, fieldGap: 0.5, paraGap: 0.8, paraAlign: "J",
		cell: font{9.5, 4.2}, cellPad: 1, cellInset: 1,
		signTitle: font{10.5, 5}, signNote: font{9, 4.2}, signName: font{10.5, 5}, signRoom: 46, signW: 55, signH: 22,
		footerSize: 8, footerDrop: 4},
}

// geometry is the layout of s's paper, A5 when it names none.
func (s *Sheet) geometry() geometry {
	if g, ok := geometries[s.Paper]; ok {
		return g
	}
	return geometries[A5]
}
