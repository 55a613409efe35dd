package dashboard

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/status/app/indicators"
)

// bom starts every CSV file: without it Excel reads UTF-8 as the machine's legacy code
// page and garbles Vietnamese.
const bom = "\ufeff"

// csvTime is how times are written in the files: the offices' local time, which a
// spreadsheet reads as a date and time.
const csvTime = "2006-01-02 15:04"

var indicatorColumns = map[htmlpage.Lang][]string{
	htmlpage.Vietnamese: {"Phạm vi", "Mã", "Tên", "Từ ngày", "Đến ngày", "Tiếp nhận", "Trước hạn", "Đúng hạn",
		"Trễ hạn", "Đang trong hạn", "Quá hạn", "Rút hồ sơ", "Tỷ lệ đúng hạn (%)", "Thời gian xử lý trung bình (giờ)",
		"Trực tiếp", "Bưu chính", "Trực tuyến", "Tỷ lệ trực tuyến (%)", "Mức độ hài lòng (%)", "Lượt đánh giá",
		"Điểm đánh giá trung bình", "Không hài lòng"},
	htmlpage.English: {"Scope", "Code", "Name", "From", "To", "Received", "Early", "On time", "Late",
		"Within deadline", "Overdue", "Withdrawn", "On-time rate (%)", "Average processing time (hours)",
		"In person", "Post", "Online", "Online share (%)", "Satisfaction (%)", "Ratings", "Average score", "Dislikes"},
}

var scopes = map[htmlpage.Lang]map[string]string{
	htmlpage.Vietnamese: {"total": "Tổng", "procedure": "Thủ tục", "office": "Cơ quan", "week": "Tuần", "month": "Tháng"},
	htmlpage.English:    {"total": "Total", "procedure": "Procedure", "office": "Office", "week": "Week", "month": "Month"},
}

var overdueColumns = map[htmlpage.Lang][]string{
	htmlpage.Vietnamese: {"Mã hồ sơ", "Mã thủ tục", "Thủ tục", "Cơ quan giải quyết", "Nơi đang giữ", "Trạng thái",
		"Kênh", "Tiếp nhận lúc", "Hẹn trả lúc", "Quá hạn (giờ làm việc)"},
	htmlpage.English: {"Dossier code", "Procedure code", "Procedure", "Handling office", "Held by", "Status",
		"Channel", "Received at", "Due at", "Overdue (working hours)"},
}

// indicatorsCSV answers GET /giam-sat/chi-so.csv: the indicators of the filter as a
// spreadsheet, a row for the whole, then per procedure, per office and per week or
// month; a wrong filter gets the page saying what to correct.
func (p *Pages) indicatorsCSV(w http.ResponseWriter, r *http.Request) {
	pg, ok := p.prepare(w, r)
	if !ok {
		return
	}
	b, err := p.load(r.Context(), pg.Who, pg.Form, pg.Now)
	if err != nil {
		p.unavailable(w, r.Context(), pg, err)
		return
	}
	period := pg.Form.Period
	rows := [][]string{indicatorColumns[pg.Lang]}
	row := func(scope, code, name string, from, to string, f indicators.Figures) {
		rows = append(rows, []string{scopes[pg.Lang][scope], code, name, from, to, count(f.Received),
			count(f.Early), count(f.OnTime), count(f.Late), count(f.WithinDeadline), count(f.Overdue),
			count(f.Withdrawn), rate(f.OnTimeRate), rate(f.AvgProcessingHours), count(f.Desk), count(f.Post),
			count(f.Online), rate(f.OnlineShare), rate(f.SatisfactionRate), count(f.Ratings), rate(f.AvgScore),
			count(f.Dislikes)})
	}
	from, to := period.From.String(), period.To.String()
	row("total", "", "", from, to, b.Total)
	for _, g := range b.ByProcedure {
		row("procedure", g.Code, g.Name, from, to, g.Figures)
	}
	for _, g := range b.ByOffice {
		row("office", g.Code, g.Name, from, to, g.Figures)
	}
	for i, bk := range b.Buckets {
		row(string(b.Unit), "", "", bk.From.String(), bk.To.String(), b.Series[i])
	}
	writeCSV(w, fmt.Sprintf("chi-so-%s-%s%s.csv", from, to, scopeSuffix(pg.Form)), rows)
}

// overdueCSV answers GET /giam-sat/qua-han.csv: the dossiers overdue now (of the
// office and procedure asked for), the latest first.
func (p *Pages) overdueCSV(w http.ResponseWriter, r *http.Request) {
	pg, ok := p.prepare(w, r)
	if !ok {
		return
	}
	list, _, err := p.overdue(r.Context(), pg.Who, pg.Form, pg.Now, overdueCSVLimit)
	if err != nil {
		p.unavailable(w, r.Context(), pg, err)
		return
	}
	rows := [][]string{overdueColumns[pg.Lang]}
	for _, d := range list {
		rows = append(rows, []string{d.Code, d.ProcedureCode, d.ProcedureName, d.HandlingOfficeName,
			d.CurrentOfficeName, pg.Status(d.Status), pg.Channel(d.Channel),
			d.ReceivedAt.In(p.Location).Format(csvTime), d.DueAt.In(p.Location).Format(csvTime),
			strconv.FormatFloat(d.Hours, 'f', 1, 64)})
	}
	day := pg.Now.In(p.Location).Format("2006-01-02")
	writeCSV(w, fmt.Sprintf("ho-so-qua-han-%s%s.csv", day, scopeSuffix(pg.Form)), rows)
}

// scopeSuffix names the office and procedure of f in a file name.
func scopeSuffix(f filter) string {
	var b strings.Builder
	for _, code := range []string{f.Office, f.Procedure} {
		if code != "" {
			b.WriteString("-" + code)
		}
	}
	return b.String()
}

// writeCSV answers with rows as a CSV file to download as name: UTF-8 with a byte-order
// mark, every cell defused, never stored.
func writeCSV(w http.ResponseWriter, name string, rows [][]string) {
	var buf bytes.Buffer
	buf.WriteString(bom)
	cw := csv.NewWriter(&buf)
	for i, cells := range rows {
		if i > 0 {
			for j, c := range cells {
				cells[j] = defuse(c)
			}
		}
		_ = cw.Write(cells)
	}
	cw.Flush()
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+safeFileName(name)+`"`)
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
}

// safeFileName keeps letters, digits, dots and dashes of name: codes hold nothing
// else, and nothing else may break the header.
func safeFileName(name string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' {
			return r
		}
		return '_'
	}, name)
}

// defuse keeps a spreadsheet from reading a cell as a formula (CSV injection): a cell
// that starts with = + - @ or a tab or carriage return is prefixed with a quote.
func defuse(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

func count(n int64) string { return strconv.FormatInt(n, 10) }

// rate writes a figure with one decimal (a dot, as spreadsheets read files), or
// nothing when there is none.
func rate(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', 1, 64)
}
