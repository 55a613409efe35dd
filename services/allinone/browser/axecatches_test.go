package browser

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// axeTestPages are pages of a site of the test's own: one with faults, the page its form
// leads to (through a redirect), and nothing else.
var axeTestPages = map[string]string{
	"/faults": `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Lỗi</title></head><body><main>
<h1>Lỗi</h1>
<img src="/nothing.png">
<p id="twice">Một</p><p id="twice">Hai</p>
<button id="spoil" type="button" onclick="document.querySelector('main').insertAdjacentHTML('beforeend', '<input id=unlabelled>')">Thêm ô</button>
<form id="leave" method="post" action="/go"><button type="submit">Đi</button></form>
</main></body></html>`,
	"/clean": `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tốt</title></head><body><main>
<h1 id="clean">Tốt</h1><p>Không có lỗi.</p>
</main></body></html>`,
}

// TestAxeCatchesProblems: the audit is not one that cannot fail. A page with faults is
// audited as the journey leaves it: a missing text alternative, an id used twice, and a
// field without a label that appeared after the page had loaded; the clean page it
// leads to, through a redirect, has none. Asked directly (checkAccessible's way), the
// audit finds a page without a main heading.
func TestAxeCatchesProblems(t *testing.T) {
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/go" {
			http.Redirect(w, r, "/clean", http.StatusSeeOther)
			return
		}
		page, ok := axeTestPages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	}))
	defer site.Close()

	// A tab of its own, whose problems this test reads rather than reports.
	browser := newBrowser(t, 60*time.Second)
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	a := startAuditor(t, ctx)
	open(t, ctx, "open the page with faults", site.URL+"/faults", "#spoil")
	step(t, ctx, "add a field without a label", chromedp.Click(chromedp.CSS("#spoil")), chromedp.WaitReady(chromedp.CSS("#unlabelled")))
	submit(t, ctx, "leave through the form", "#leave", "#clean")
	a.finish()

	if len(a.failures) > 0 {
		t.Errorf("audits failed: %q", a.failures)
	}
	if a.audits != 2 {
		t.Errorf("%d audits, want 2 (the page left and the page ended on)", a.audits)
	}
	for _, want := range []string{"/faults: image-alt (critical)", "/faults: duplicate-id (minor)", "/faults: label (critical)"} {
		if !slices.ContainsFunc(a.found, func(p string) bool { return strings.HasPrefix(p, want) }) {
			t.Errorf("the audit missed %q; it found %q", want, a.found)
		}
	}
	if !slices.ContainsFunc(a.found, func(p string) bool { return strings.Contains(p, "label") && strings.HasSuffix(p, "#unlabelled") }) {
		t.Errorf("the page was not audited as it was left (the field added after loading): %q", a.found)
	}
	if slices.ContainsFunc(a.found, func(p string) bool { return strings.HasPrefix(p, "/clean") }) {
		t.Errorf("the clean page has problems: %q", a.found)
	}

	step(t, ctx, "remove the main heading", chromedp.Evaluate[chromedp.Void](`document.querySelector('h1').remove()`))
	report, err := chromedp.Run(ctx, axeAudit(axeSource(t)))
	if err != nil {
		t.Fatal(err)
	}
	if ids := report.problems(); len(ids) != 1 || !strings.HasPrefix(ids[0], "/clean: page-has-heading-one") {
		t.Errorf("a page without a main heading: %q", ids)
	}
}
