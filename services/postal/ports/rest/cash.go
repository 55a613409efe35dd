package rest

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/spreadsheet"
	"github.com/motcua/motcua/services/postal/app"
)

// cashColumns head the cash statement's file, in the request's language.
var cashColumns = map[vocabulary.Lang][]string{
	vocabulary.Vietnamese: {"Mã cơ quan", "Cơ quan", "Mã hồ sơ", "Số hiệu bưu gửi", "Thời điểm nhận",
		"Phí, lệ phí thu hộ (đồng)", "Cước (đồng)", "Cộng (đồng)"},
	vocabulary.English: {"Office code", "Office", "Dossier code", "Tracking number", "Taken at",
		"Fees collected (VND)", "Postage (VND)", "Total (VND)"},
}

// cashSums name the sum rows of the file: an authority's, then the day's.
var cashSums = map[vocabulary.Lang][2]string{
	vocabulary.Vietnamese: {"Cộng", "Tổng cộng"},
	vocabulary.English:    {"Subtotal", "Total"},
}

// csvTime is how times are written in the file: the offices' local time, which a
// spreadsheet reads as a date and time.
const csvTime = "2006-01-02 15:04"

// cash answers GET /postal/cash?office=&date=[&format=csv]: a post office's cash
// statement for a day (today when date is left out), for handing the fees over to each
// desk; &format=csv gives a spreadsheet file.
func (a *API) cash(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	office := strings.TrimSpace(q.Get("office"))
	switch {
	case office == "":
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "office", "required"))
		return
	case utf8.RuneCountInString(office) > 40:
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "office", "too_long"))
		return
	}
	format := q.Get("format")
	if format != "" && format != "json" && format != "csv" {
		a.fail(w, r, &httpapi.Error{Status: http.StatusUnprocessableEntity, Code: "invalid_format", Field: "format",
			Words: vocabulary.Problem("format", "invalid_format.csv")})
		return
	}
	day, ok := a.Shipments.Day(q.Get("date"))
	if !ok {
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "date", "invalid_date"))
		return
	}
	c, err := a.Shipments.Cash(r.Context(), auth.FromContext(r.Context()), office, day)
	if err != nil || format != "csv" {
		a.answer(w, r, http.StatusOK, c, err)
		return
	}
	lang := httpapi.Language(r)
	spreadsheet.Write(w, spreadsheet.File{Name: "thu-ho-" + office + "-" + c.Date + ".csv",
		Header: cashColumns[lang], Rows: cashRows(c, lang), ByteOrderMark: true})
}

// cashRows are the statement's rows: each dossier, each authority's sum after its
// dossiers, and the day's at the end.
func cashRows(c app.CashView, lang vocabulary.Lang) [][]string {
	money := func(vnd int64) string { return strconv.FormatInt(vnd, 10) }
	sums := cashSums[lang]
	var rows [][]string
	for _, g := range c.Authorities {
		for _, d := range g.Dossiers {
			rows = append(rows, []string{g.Office.Code, g.Office.Name, d.DossierCode, d.TrackingNumber,
				d.TakenAt.Format(csvTime), money(d.FeeVND), money(d.PostageVND), money(d.FeeVND + d.PostageVND)})
		}
		rows = append(rows, []string{g.Office.Code, g.Office.Name, sums[0], strconv.Itoa(len(g.Dossiers)), "",
			money(g.FeeVND), money(g.PostageVND), money(g.TotalVND)})
	}
	return append(rows, []string{"", "", sums[1], strconv.Itoa(c.Dossiers), "", money(c.FeeVND), money(c.PostageVND),
		money(c.TotalVND)})
}
