package dashboard

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/motcua/motcua/services/platform/spreadsheet"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/status/app/indicators"
	"github.com/motcua/motcua/services/status/ports/cells"
)

// csvTime is how times are written in the files: the offices' local time, which a
// spreadsheet reads as a date and time.
const csvTime = "2006-01-02 15:04"

var indicatorColumns = map[htmlpage.Lang][]string{
	htmlpage.Vietnamese: {"Phạm vi", "Mã", "Tên", "Từ ngày", "Đến ngày", "Tiếp nhận", "Trước hạn", "Đúng hạn",
		"Trễ hạn", "Đang trong hạn", "Quá hạn", "Rút hồ sơ", "Tỷ lệ đúng hạn (%)", "Thời gian xử lý trung bình (giờ)",
		"Trực tiếp", "Bưu chính", "Trực tuyến", "Tỷ lệ trực tuyến (%)", "Mức độ hài lòng (%)", "Lượt đánh giá",
		"Điểm đánh giá trung bình", "Không hài lòng", "Chờ kiểm tra hồ sơ trực tuyến trung bình (giờ)"},
	htmlpage.English: {"Scope", "Code", "Name", "From", "To", "Received", "Early", "On time", "Late",
		"Within deadline", "Overdue", "Withdrawn", "On-time rate (%)", "Average processing time (hours)",
		"In person", "Post", "Online", "Online share (%)", "Satisfaction (%)", "Ratings", "Average score", "Dislikes",
		"Average wait for the check of online dossiers (hours)"},
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
	b, err := p.Indicators.Board(r.Context(), scope(pg.Who, pg.Form), pg.Now)
	if err != nil {
		p.unavailable(w, r.Context(), pg, err)
		return
	}
	var rows [][]string
	row := func(scope, code, name string, from, to string, f indicators.Figures) {
		rows = append(rows, append([]string{scopes[pg.Lang][scope], code, name, from, to}, cells.Of(f)...))
	}
	from, to := pg.Form.Period.From.String(), pg.Form.Period.To.String()
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
	spreadsheet.Write(w, spreadsheet.File{Name: fmt.Sprintf("chi-so-%s-%s%s.csv", from, to, scopeSuffix(pg.Form)),
		Header: indicatorColumns[pg.Lang], Rows: rows, ByteOrderMark: true})
}

// overdueCSV answers GET /giam-sat/qua-han.csv: the dossiers overdue now (of the
// office and procedure asked for), the latest first.
func (p *Pages) overdueCSV(w http.ResponseWriter, r *http.Request) {
	pg, ok := p.prepare(w, r)
	if !ok {
		return
	}
	list, _, err := p.Indicators.Overdue(r.Context(), scope(pg.Who, pg.Form), pg.Now, overdueCSVLimit)
	if err != nil {
		p.unavailable(w, r.Context(), pg, err)
		return
	}
	rows := make([][]string, 0, len(list))
	for _, d := range list {
		rows = append(rows, []string{d.Code, d.ProcedureCode, d.ProcedureName, d.HandlingOfficeName,
			d.CurrentOfficeName, pg.Status(d.Status), pg.Channel(d.Channel),
			d.ReceivedAt.In(p.Location).Format(csvTime), d.DueAt.In(p.Location).Format(csvTime),
			cells.Decimal(&d.Hours)})
	}
	day := pg.Now.In(p.Location).Format("2006-01-02")
	spreadsheet.Write(w, spreadsheet.File{Name: fmt.Sprintf("ho-so-qua-han-%s%s.csv", day, scopeSuffix(pg.Form)),
		Header: overdueColumns[pg.Lang], Rows: rows, ByteOrderMark: true})
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
