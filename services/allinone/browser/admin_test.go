package browser

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/motcua/motcua/services/intake/demo"
)

// TestAdminJourney: the administrator signs in, adds a day off to this year's
// calendar and sees it listed, adds a commune office served by the district post
// office, adds a procedure and finds it by typing its name without accents, and
// creates a desk account for the new office; signed out, the new account signs in,
// lands on the desk's home and finds the new procedure in the register page's picker.
func TestAdminJourney(t *testing.T) {
	ctx, base, s := startJourney(t, 120*time.Second)

	signIn(t, ctx, base, "admin.xuanloc", "#sections")

	// A day off this year, on a weekday the shipped calendar leaves working.
	year := time.Now().In(time.FixedZone("ICT", 7*3600)).Year()
	day := time.Date(year, time.November, 17, 12, 0, 0, 0, time.UTC)
	for day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
		day = day.AddDate(0, 0, 1)
	}
	date := day.Format("2006-01-02")
	dayOff := `#days-off li[data-date="` + date + `"]`
	follow(t, ctx, "open the calendar", `#sections a[href="/quan-tri/lich"]`, "#add-off-form")
	if got := text(t, ctx, "#kept"); !strings.Contains(got, "giữ nguyên ngày") {
		t.Errorf("the calendar does not say appointments keep their dates: %q", got)
	}
	submit(t, ctx, "add a day off", "#add-off-form", "#notice",
		chromedp.SetValue(chromedp.CSS("#off-date"), date),
		chromedp.SendKeys(chromedp.CSS("#reason"), "Nghỉ theo quyết định của tỉnh"))
	step(t, ctx, "find the day off", chromedp.WaitVisible(chromedp.CSS(dayOff)))
	if got := text(t, ctx, dayOff); !strings.Contains(got, "Nghỉ theo quyết định của tỉnh") {
		t.Errorf("the new day off reads %q", got)
	}
	screenshots(t, ctx, "admin-calendar")

	// An office, with a code in the wrong form first: the message comes beside it.
	open(t, ctx, "open the offices", base+"/quan-tri/co-quan", "#office-form")
	submit(t, ctx, "add an office with a bad code", "#office-form", "#code-error",
		chromedp.SendKeys(chromedp.CSS("#code"), "16.H19"),
		chromedp.SendKeys(chromedp.CSS("#name"), "UBND xã Xuân Mới"),
		chromedp.SetValue(chromedp.CSS("#kind"), "commune_centre"),
		chromedp.SetValue(chromedp.CSS("#parent"), demo.DistrictDesk),
		chromedp.SendKeys(chromedp.CSS("#address"), "Ấp 1, xã Xuân Mới, huyện Xuân Lộc"),
		chromedp.SetValue(chromedp.CSS("#post_office"), demo.DistrictPostOffice))
	if got := text(t, ctx, "#code-error"); !strings.Contains(got, "ddd.dd.dd.Xdd") {
		t.Errorf("a bad office code shows %q", got)
	}
	submit(t, ctx, "add the office", "#office-form", "#notice",
		chromedp.SetValue(chromedp.CSS("#code"), "000.16.16.H19"))
	step(t, ctx, "find the office", chromedp.WaitVisible(chromedp.CSS(`#office-list a[href="/quan-tri/co-quan/000.16.16.H19"]`)))

	// A procedure, found again typed without accents.
	open(t, ctx, "open the procedures", base+"/quan-tri/thu-tuc", "#procedure-form")
	submit(t, ctx, "add a procedure", "#procedure-form", "#notice",
		chromedp.SendKeys(chromedp.CSS("#code"), "1.999001"),
		chromedp.SendKeys(chromedp.CSS("#name"), "Cấp bản sao trích lục hộ tịch"),
		chromedp.SetValue(chromedp.CSS("#decided_by_kind"), "commune_centre"),
		chromedp.SetValue(chromedp.CSS("#time_limit"), "1"),
		chromedp.SetValue(chromedp.CSS("#fee_vnd"), "8.000"))
	submit(t, ctx, "find the procedure", "#find-form", `#procedure-list a[href="/quan-tri/thu-tuc/1.999001"]`,
		chromedp.SendKeys(chromedp.CSS("#q"), "trich luc ho tich"))
	if got := text(t, ctx, "#procedure-list"); !strings.Contains(got, "1 ngày làm việc") || !strings.Contains(got, "8.000 ₫") {
		t.Errorf("the procedure is listed as %q", got)
	}
	if a := s.call("desk.xuanloc", http.MethodGet, "/api/v1/procedures", nil); a.Status != http.StatusOK ||
		!strings.Contains(string(a.Body), "Cấp bản sao trích lục hộ tịch") {
		t.Errorf("GET /api/v1/procedures: %d %.300s", a.Status, a.Body)
	}

	// A desk account for the new office.
	open(t, ctx, "open the accounts", base+"/quan-tri/tai-khoan", "#account-form")
	submit(t, ctx, "add a desk account", "#account-form", "#notice",
		chromedp.SendKeys(chromedp.CSS("#username"), "mc.xuanmoi"),
		chromedp.SetValue(chromedp.CSS("#role"), "desk"),
		chromedp.Click(chromedp.CSS(`input[name="offices"][value="000.16.16.H19"]`)),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password))
	step(t, ctx, "find the account", chromedp.WaitVisible(chromedp.CSS(`#account-list a[href="/quan-tri/tai-khoan/mc.xuanmoi"]`)))
	screenshots(t, ctx, "admin-accounts")

	// In English the same page reads in English.
	switchLanguage(t, ctx, "en", "#account-form")
	if got := text(t, ctx, "h1"); got != "Staff accounts" {
		t.Errorf("in English the title is %q", got)
	}
	switchLanguage(t, ctx, "vi", "#account-form")

	// The new account signs in and works at the desk of its office.
	signOut(t, ctx)
	signIn(t, ctx, base, "mc.xuanmoi", "#register-link")
	open(t, ctx, "the desk finds the new procedure", base+"/mot-cua/tiep-nhan?q=trich+luc", "#register-form")
	found, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#procedure_code option')].map(o => o.value)`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(found, " "), "1.999001") {
		t.Errorf("the desk's picker offers %v", found)
	}
	// The desk may not use the administrator's pages.
	open(t, ctx, "the desk on the admin pages", base+"/quan-tri", "#go-home")
	screenshots(t, ctx, "admin-refused")
}
