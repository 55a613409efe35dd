package browser

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apiclient"
)

// boardFigures are what the dashboard shows of the dossiers this test counts: the
// dossiers received this month, by channel, the district desk's late ones, and the last
// point of the on-time trend (the week or month holding today).
type boardFigures struct {
	Received    int `json:"received"`
	Desk        int `json:"desk"`
	Post        int `json:"post"`
	DeskLate    int `json:"deskLate"`
	TrendScored int `json:"trendScored"`
	TrendOnTime int `json:"trendOnTime"`
}

// readBoard reads the figures from the page's data attributes and accessible tables.
func readBoard(t *testing.T, ctx context.Context) boardFigures {
	t.Helper()
	js := `(() => {
		const num = (sel, attr) => { const e = document.querySelector(sel); return e ? Number(e.getAttribute(attr)) : 0; };
		const mix = ch => { const r = document.querySelector('#mix-table tr[data-channel="' + ch + '"] td'); return r ? Number(r.textContent) : 0; };
		const points = document.querySelectorAll('#trend-chart circle.point');
		const last = points[points.length - 1];
		return {
			received: num('#fig-received .value', 'data-value'),
			desk: mix('desk'), post: mix('post'),
			deskLate: num('#late-chart g.office[data-office="` + demo.DistrictDesk + `"]', 'data-late'),
			trendScored: last ? Number(last.getAttribute('data-scored')) : 0,
			trendOnTime: last ? Number(last.getAttribute('data-on-time')) : 0,
		};
	})()`
	f, err := chromedp.Run(ctx, chromedp.Evaluate[boardFigures](js))
	if err != nil {
		t.Fatalf("read the dashboard: %v", err)
	}
	return f
}

// csvFile is a CSV download as the page's own link fetches it with the session cookie.
type csvFile struct {
	Status      int    `json:"status"`
	Type        string `json:"type"`
	Disposition string `json:"disposition"`
	BOM         bool   `json:"bom"`
	Text        string `json:"text"`
}

func fetchCSV(t *testing.T, ctx context.Context, link string) csvFile {
	t.Helper()
	js := `(async () => {
		const r = await fetch(document.querySelector('` + link + `').href, {credentials: 'same-origin'});
		const bytes = new Uint8Array(await r.arrayBuffer());
		return {status: r.status, type: r.headers.get('Content-Type'), disposition: r.headers.get('Content-Disposition'),
			bom: bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF,
			text: new TextDecoder('utf-8').decode(bytes)};
	})()`
	f, err := chromedp.Run(ctx, chromedp.Evaluate[csvFile](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("download %s: %v", link, err)
	}
	return f
}

// TestSupervisorJourney: the desk registers a dossier at the desk and one by post, and
// the office finishes a third late after an apology; the supervisor signs in, lands on
// the dashboard and sees them counted in the figures, the channel mix, the district
// desk's late bar and this period's point of the on-time trend; downloads the CSV of the
// indicators (UTF-8 with a BOM, the same figures) and of the overdue dossiers; reads
// the dashboard in English.
func TestSupervisorJourney(t *testing.T) {
	ctx, base, s := startJourney(t, 120*time.Second)
	// The dashboard runs no script (its policy allows none): the test's own reading of
	// the page and its downloads is let through the policy.
	if _, err := chromedp.Call(ctx, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}

	signIn(t, ctx, base, "supervisor.xuanloc", "#indicators")
	if lang := text(t, ctx, "#fig-on-time .label"); lang != "Tỷ lệ đúng hạn" {
		t.Errorf("the on-time figure is labelled %q", lang)
	}
	before := readBoard(t, ctx)

	register := func(channel string, i int) apiclient.Receipt {
		t.Helper()
		return s.register("2.000720", i, func(request map[string]any) { request["channel"] = channel })
	}
	atDesk, byPost, late := register("desk", 501), register("post", 502), register("desk", 503)
	s.act("officer.xuanloc", late.Code, "accept", `{}`)
	newDue := late.DueAt.Add(48 * time.Hour).Format(time.RFC3339)
	s.act("officer.xuanloc", late.Code, "extend", `{"new_due_at":"`+newDue+`","reason":"Cần xác minh thêm tại địa phương"}`)
	s.act("officer.xuanloc", late.Code, "complete", `{"outcome":"approved","note":"Đủ điều kiện"}`)
	s.awaitStatus(atDesk.Code, "received")
	s.awaitStatus(byPost.Code, byPost.Status)
	s.awaitStatus(late.Code, "processed")

	open(t, ctx, "reload the dashboard", base+"/giam-sat", "#indicators")
	after := readBoard(t, ctx)
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"received", after.Received - before.Received, 3},
		{"at the desk", after.Desk - before.Desk, 2},
		{"by post", after.Post - before.Post, 1},
		{"late at the district desk", after.DeskLate - before.DeskLate, 1},
		{"scored in this period's point", after.TrendScored - before.TrendScored, 3},
		{"on time in this period's point", after.TrendOnTime - before.TrendOnTime, 2},
	} {
		if c.got != c.want {
			t.Errorf("%s: the dashboard counts %d more, want %d (before %+v, after %+v)", c.what, c.got, c.want, before, after)
		}
	}
	if got := text(t, ctx, "#overdue-total"); got == "" {
		t.Error("no count of overdue dossiers")
	}

	// The indicators' CSV: UTF-8 with a BOM, Vietnamese headers, the page's figures.
	ind := fetchCSV(t, ctx, "#csv-indicators")
	today := time.Now().In(time.FixedZone("ICT", 7*3600))
	wantName := "chi-so-" + today.Format("2006-01") + "-01-" + today.Format("2006-01-02") + ".csv"
	if ind.Status != http.StatusOK || ind.Type != "text/csv; charset=utf-8" || !ind.BOM ||
		ind.Disposition != `attachment; filename="`+wantName+`"` {
		t.Errorf("indicators CSV: %d %q %q BOM %v", ind.Status, ind.Type, ind.Disposition, ind.BOM)
	}
	lines := strings.Split(strings.TrimPrefix(ind.Text, "\ufeff"), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "Phạm vi,Mã,Tên,Từ ngày,Đến ngày,Tiếp nhận,") ||
		!strings.HasPrefix(lines[1], "Tổng,,,") || strings.Split(lines[1], ",")[5] != strconv.Itoa(after.Received) {
		t.Errorf("indicators CSV starts %q", lines[:min(len(lines), 2)])
	}
	if !strings.Contains(ind.Text, "Thủ tục,2.000720,Đăng ký thành lập hộ kinh doanh,") {
		t.Error("the indicators CSV has no row of the procedure")
	}
	over := fetchCSV(t, ctx, "#csv-overdue")
	if over.Status != http.StatusOK || !over.BOM || !strings.HasPrefix(strings.TrimPrefix(over.Text, "\ufeff"), "Mã hồ sơ,Mã thủ tục,") {
		t.Errorf("overdue CSV: %d BOM %v %q", over.Status, over.BOM, over.Text)
	}

	// A wrong period is told beside its field, the page kept.
	open(t, ctx, "ask for a period ending before it starts",
		base+"/giam-sat?"+url.Values{"from": {"2026-03-31"}, "to": {"2026-03-01"}}.Encode(), "#to-error")
	if msg := text(t, ctx, "#to-error"); !strings.Contains(msg, "đang trước ngày bắt đầu") {
		t.Errorf("to before from: %q", msg)
	}

	// In English, then the last page kept at both widths.
	open(t, ctx, "back to this month", base+"/giam-sat", "#indicators")
	switchLanguage(t, ctx, "en", "#indicators")
	if got := text(t, ctx, "#fig-on-time .label"); got != "On-time rate" {
		t.Errorf("in English the on-time figure is %q", got)
	}
	switchLanguage(t, ctx, "vi", "#indicators")
	screenshots(t, ctx, "supervisor")
}
