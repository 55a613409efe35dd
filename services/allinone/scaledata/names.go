package scaledata

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// weighted is a word and how often it is met, in any unit.
type weighted struct {
	word   string
	weight float64
}

// chooser draws words with their frequencies.
type chooser struct {
	words []string
	cum   []float64
}

func newChooser(ws []weighted) chooser {
	c := chooser{}
	total := 0.0
	for _, w := range ws {
		total += w.weight
		c.words = append(c.words, w.word)
		c.cum = append(c.cum, total)
	}
	for i := range c.cum {
		c.cum[i] /= total
	}
	return c
}

func (c chooser) draw(r *rand.Rand) string {
	x := r.Float64()
	lo, hi := 0, len(c.cum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if c.cum[mid] < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return c.words[lo]
}

// familyNames are Vietnamese family names with their share of the population, in per
// cent (the commonly cited survey figures: Nguyễn about 38 %, Trần 11, Lê 9.5, Phạm 7,
// …); the rarest are in for the searches that find few.
var familyNames = newChooser([]weighted{
	{"Nguyễn", 38.4}, {"Trần", 12.1}, {"Lê", 9.5}, {"Phạm", 7.0}, {"Hoàng", 2.6}, {"Huỳnh", 2.5},
	{"Phan", 4.5}, {"Vũ", 2.0}, {"Võ", 1.9}, {"Đặng", 2.1}, {"Bùi", 2.0}, {"Đỗ", 1.4}, {"Hồ", 1.3},
	{"Ngô", 1.3}, {"Dương", 1.0}, {"Lý", 0.5}, {"Đinh", 0.7}, {"Trương", 0.6}, {"Lâm", 0.4}, {"Mai", 0.4},
	{"Tô", 0.3}, {"Cao", 0.3}, {"Lương", 0.3}, {"Hà", 0.3}, {"Lưu", 0.2}, {"Tạ", 0.2}, {"Thái", 0.2},
	{"Châu", 0.15}, {"Kiều", 0.1}, {"Triệu", 0.1}, {"Quách", 0.08}, {"Mạc", 0.05}, {"Lạc", 0.02},
})

// The middle names, then the given names, of men and of women, the common ones first.
var (
	maleMiddle = newChooser([]weighted{{"Văn", 50}, {"Hữu", 8}, {"Đức", 8}, {"Minh", 8}, {"Quốc", 6},
		{"Thanh", 6}, {"Công", 5}, {"Xuân", 4}, {"Hoàng", 3}, {"Ngọc", 2}})
	femaleMiddle = newChooser([]weighted{{"Thị", 60}, {"Ngọc", 8}, {"Thu", 6}, {"Thanh", 6}, {"Kim", 5},
		{"Mỹ", 4}, {"Hồng", 4}, {"Minh", 3}, {"Bích", 2}, {"Phương", 2}})
	maleGiven = newChooser([]weighted{{"Hùng", 9}, {"Dũng", 8}, {"Tuấn", 8}, {"Minh", 7}, {"Hải", 6},
		{"Long", 6}, {"Nam", 6}, {"Sơn", 5}, {"Phúc", 5}, {"Bình", 5}, {"Cường", 4}, {"Hiếu", 4},
		{"Khánh", 4}, {"Thắng", 4}, {"Trung", 4}, {"Quân", 3}, {"Đức", 3}, {"Huy", 3}, {"Tài", 2},
		{"Lộc", 2}, {"An", 2}, {"Thịnh", 1}, {"Vĩnh", 1}, {"Kiên", 1}})
	femaleGiven = newChooser([]weighted{{"Lan", 8}, {"Hương", 8}, {"Hoa", 6}, {"Mai", 6}, {"Linh", 6},
		{"Ngọc", 5}, {"Trang", 5}, {"Thảo", 5}, {"Hằng", 5}, {"Nhung", 4}, {"Phương", 4}, {"Yến", 4},
		{"Hạnh", 4}, {"Thủy", 4}, {"Vân", 3}, {"Loan", 3}, {"Hà", 3}, {"Oanh", 2}, {"Nga", 2},
		{"Duyên", 2}, {"Tuyết", 1}, {"Diệp", 1}, {"Quyên", 1}})
)

// personName draws a full name as a desk types it: the family name, one middle name (two
// for one person in six) and the given name.
func personName(r *rand.Rand) string {
	middle, given := maleMiddle, maleGiven
	if r.IntN(2) == 0 {
		middle, given = femaleMiddle, femaleGiven
	}
	words := []string{familyNames.draw(r), middle.draw(r)}
	if r.IntN(6) == 0 {
		if second := middle.draw(r); second != words[1] {
			words = append(words, second)
		}
	}
	return strings.Join(append(words, given.draw(r)), " ")
}

// idNumber draws a citizen identity card number: Đồng Nai's code (075), the digit of
// sex and century, the year of birth and six digits.
func idNumber(r *rand.Rand) string {
	return fmt.Sprintf("075%d%02d%06d", r.IntN(4), r.IntN(100), r.IntN(1_000_000))
}

// mobilePrefixes are the leading digits of Vietnamese mobile numbers.
var mobilePrefixes = []string{"090", "091", "093", "094", "096", "097", "098", "086", "088", "032", "033",
	"034", "035", "036", "037", "038", "039", "070", "076", "077", "078", "079", "081", "082", "083", "084", "085"}

// phone draws a mobile number as intake keeps it (normalized: 10 digits from 0).
func phone(r *rand.Rand) string {
	return fmt.Sprintf("%s%07d", mobilePrefixes[r.IntN(len(mobilePrefixes))], r.IntN(10_000_000))
}

// hamlets are the places within a commune an address names.
var hamlets = []string{"Ấp 1", "Ấp 2", "Ấp 3", "Ấp 4", "Ấp 5", "Khu 1", "Khu 2", "Khu 3", "Ấp Bình Hòa",
	"Ấp Tân Hữu", "Ấp Trung Lương", "Ấp Bảo Định", "Ấp Suối Đá", "Ấp Thọ Lộc"}

// address draws a street address in the commune named place.
func address(r *rand.Rand, place string) string {
	return fmt.Sprintf("Số %d, %s, %s, huyện Xuân Lộc, Đồng Nai", 1+r.IntN(300), hamlets[r.IntN(len(hamlets))], place)
}

// emailOf is an e-mail address for the applicant named name.
func emailOf(r *rand.Rand, folded string) string {
	return strings.ReplaceAll(folded, " ", ".") + fmt.Sprintf("%d@example.vn", r.IntN(1000))
}
