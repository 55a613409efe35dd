package web

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/web/layout"
)

func TestTimeInWords(t *testing.T) {
	vi, en := &page{Page: layout.Page{Lang: Vietnamese}, Day: 8 * time.Hour}, &page{Page: layout.Page{Lang: English}, Day: 8 * time.Hour}
	for _, c := range []struct {
		d      time.Duration
		vi, en string
	}{
		{0, "0 phút", "0 min"},
		{25 * time.Minute, "25 phút", "25 min"},
		{3*time.Hour + 30*time.Minute, "3 giờ 30 phút", "3 h 30 min"},
		{8 * time.Hour, "1 ngày", "1 d"},
		{19*time.Hour + 15*time.Minute, "2 ngày 3 giờ", "2 d 3 h"},
	} {
		if got := vi.Duration(c.d); got != c.vi {
			t.Errorf("%v: %q, want %q", c.d, got, c.vi)
		}
		if got := en.Duration(c.d); got != c.en {
			t.Errorf("%v in English: %q, want %q", c.d, got, c.en)
		}
	}
	for _, c := range []struct {
		row  app.WorkRow
		want string
	}{
		{app.WorkRow{Timing: "within_deadline", Left: 10 * time.Hour}, "Còn 1 ngày 2 giờ làm việc"},
		{app.WorkRow{Timing: "overdue", Left: 2 * time.Hour}, "Quá hạn 2 giờ làm việc"},
		{app.WorkRow{Timing: "within_deadline", Left: time.Hour, ClockPaused: true}, "Còn 1 giờ làm việc (tạm dừng, chờ bổ sung)"},
		{app.WorkRow{Timing: "late"}, "Đã xong, trễ hạn"},
		{app.WorkRow{}, ""},
	} {
		if got := vi.RowTime(c.row); got != c.want {
			t.Errorf("%+v: %q, want %q", c.row, got, c.want)
		}
	}
}

func TestNotAllowedSaysWhatIsPossible(t *testing.T) {
	vi := &page{Page: layout.Page{Lang: Vietnamese}}
	got := notAllowedMessage(vi, &dossier.NotAllowedError{Action: dossier.ActReturn, Status: dossier.StatusProcessing,
		Allowed: []dossier.Action{dossier.ActComplete, dossier.ActExtend}})
	if want := "Không thể “Trả kết quả” khi hồ sơ đang ở trạng thái “Đang xử lý”. Bạn có thể: Hoàn thành giải quyết, Gia hạn, xin lỗi."; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if got := notAllowedMessage(vi, &dossier.NotAllowedError{Action: dossier.ActStop, Status: dossier.StatusReturned}); !strings.Contains(got, "đã kết thúc") {
		t.Errorf("a finished dossier: %q", got)
	}
	if got := notAllowedMessage(vi, &dossier.NotAllowedError{Action: dossier.ActAccept, Status: dossier.StatusInTransit}); !strings.Contains(got, "cơ quan đang giữ hồ sơ") {
		t.Errorf("nothing for this office: %q", got)
	}
}

func TestActionFormSuggestsAndKeeps(t *testing.T) {
	d := &app.Whole{ReceivingOffice: app.OfficeRef{Code: "DESK"}, HandlingOffice: app.OfficeRef{Code: "LAND"}}
	d.CurrentOffice = app.OfficeRef{Code: "DESK"}
	if f := newActionForm("transfer", d); f.Value("to_office") != "LAND" || f.Value("via") != "hand" {
		t.Errorf("a dossier goes to its deciding office: %+v", f.Values)
	}
	d.CurrentOffice, d.Outcome = app.OfficeRef{Code: "LAND"}, "approved"
	if f := newActionForm("transfer", d); f.Value("to_office") != "DESK" {
		t.Errorf("a result goes back to the desk: %+v", f.Values)
	}
	f := newActionForm("extend", d)
	f.keep(formValues{"new_due_at": "2030-01-02T08:00", "reason": "Chờ", "to_office": "X", "idem": strings.Repeat("k", 20)}.get)
	if f.Value("reason") != "Chờ" || f.Value("new_due_at") != "2030-01-02T08:00" || f.Value("to_office") != "" || f.Idem != strings.Repeat("k", 20) {
		t.Errorf("kept %+v %q", f.Values, f.Idem)
	}
	if errorField("items[1].name") != "items" || errorField("reason") != "reason" {
		t.Error("an item's error is not beside the items")
	}
	vi := &page{Page: layout.Page{Lang: Vietnamese}}
	if got := fieldMessage(vi, &dossier.FieldError{Field: "reason", Code: "required"}); !strings.HasPrefix(got, "Hãy ghi lý do") {
		t.Errorf("a missing reason: %q", got)
	}
	if got := fieldMessage(vi, &dossier.FieldError{Field: "to_office", Code: "same_office"}); !strings.Contains(got, "Hồ sơ đang ở cơ quan này") {
		t.Errorf("the same office: %q", got)
	}
}

type formValues map[string]string

func (f formValues) get(k string) string { return f[k] }

// TestEveryWordIsWritten: each key the templates and the handlers ask for has its words
// in both languages, the counter's inputs' labels and hints too.
func TestEveryWordIsWritten(t *testing.T) {
	var keys []string
	find := func(re *regexp.Regexp, b []byte) {
		for _, m := range re.FindAllSubmatch(b, -1) {
			if !strings.HasSuffix(string(m[1]), ".") { // the start of a key made in the template
				keys = append(keys, string(m[1]))
			}
		}
	}
	templates, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range templates {
		b, _ := templateFS.ReadFile(name)
		find(regexp.MustCompile(`\.T "([a-z0-9._]+)"`), b)
		find(regexp.MustCompile(`"(counter\.[a-z0-9._]+)"`), b)
		find(regexp.MustCompile(`\(cfield \. "[a-z_]+" "([a-z0-9._]+)"`), b)
	}
	sources, _ := filepath.Glob("*.go")
	for _, name := range sources {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		find(regexp.MustCompile(`pg\.T\("([a-z0-9._]+)"[,)]`), b)
	}
	if len(keys) < 100 {
		t.Fatalf("only %d keys found", len(keys))
	}
	for _, m := range []string{"post_office", "post", "desk", "electronic"} {
		keys = append(keys, "counter.dl."+m) // the choices of where the result goes
	}
	for _, k := range keys {
		if w, ok := texts[k]; !ok || w[0] == "" || w[1] == "" {
			t.Errorf("no words for %q", k)
		}
	}
}
