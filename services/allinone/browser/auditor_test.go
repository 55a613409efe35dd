package browser

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// auditorKey is the key of a tab's auditor in the tab's context.
type auditorKey struct{}

// auditorBinding is the function through which a page tells the auditor about itself.
const auditorBinding = "motcuaAxeReport"

// auditorWait bounds how long a page may take to be audited.
const auditorWait = 30 * time.Second

// auditorRunner runs in every page the tab opens, before the page's own scripts (after
// axe-core and motcuaAxeAudit): it tells the auditor which page it is, or that the page
// is not one of ours, and audits the page once, when the page is about to be left.
const auditorRunner = `(() => {
  const tell = window.` + auditorBinding + `;
  const page = Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
  if (!(` + axeAuditable + `)) { tell(JSON.stringify({page, ours: false})); return; }
  tell(JSON.stringify({page, ours: true}));
  let asked = false;
  addEventListener('beforeunload', () => {
    if (asked) return;
    asked = true;
    motcuaAxeAudit().then(
      report => tell(JSON.stringify({page, report})),
      e => tell(JSON.stringify({page, error: location.pathname + location.search + ': ' + String(e && e.stack || e)})));
  });
})();`

// auditorMessage is what a page tells the auditor (auditorRunner).
type auditorMessage struct {
	Page   string     `json:"page"`
	Ours   *bool      `json:"ours"`
	Report *axeReport `json:"report"`
	Error  string     `json:"error"`
}

// auditor keeps what axe-core found on the pages of one tab: each problem once, and
// the problems of the pages the tab left, to report when the test ends.
type auditor struct {
	ctx     context.Context // the auditor's own session on the tab
	source  string          // axe-core's script
	stop    context.CancelFunc
	running sync.WaitGroup

	mu       sync.Mutex
	current  string                   // the page the tab shows, "" when not one of ours
	audited  map[string]chan struct{} // closed once the page's audit is in
	seen     map[string]bool
	found    []string // problems of the pages left, in the order found
	failures []string // pages that could not be audited, and why
	audits   int
	pages    map[string]bool
}

// auditorOf is the auditor of the tab of ctx, or nil.
func auditorOf(ctx context.Context) *auditor {
	a, _ := ctx.Value(auditorKey{}).(*auditor)
	return a
}

// record counts a page's audit and returns its problems not seen on this tab before.
func (a *auditor) record(r *axeReport) []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.audits++
	a.pages[r.Page] = true
	var fresh []string
	for _, p := range r.problems() {
		if !a.seen[p] {
			a.seen[p] = true
			fresh = append(fresh, p)
		}
	}
	return fresh
}

// keep records the audit of a page the tab left, or ends on, to report at the end.
func (a *auditor) keep(r *axeReport) {
	fresh := a.record(r)
	a.mu.Lock()
	a.found = append(a.found, fresh...)
	a.mu.Unlock()
}

// fail records that a page could not be audited.
func (a *auditor) fail(why string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.failures = append(a.failures, why)
}

// heard handles what a page told the auditor.
func (a *auditor) heard(payload string) {
	var m auditorMessage
	if err := json.Unmarshal([]byte(payload), &m); err != nil {
		a.fail("a page's message " + payload + ": " + err.Error())
		return
	}
	switch {
	case m.Ours != nil:
		a.mu.Lock()
		a.current = ""
		if *m.Ours {
			a.current = m.Page
			a.audited[m.Page] = make(chan struct{})
		}
		a.mu.Unlock()
		return
	case m.Report != nil:
		a.keep(m.Report)
	default:
		a.fail(m.Error)
	}
	a.mu.Lock()
	if ch, ok := a.audited[m.Page]; ok {
		close(ch)
		delete(a.audited, m.Page)
	}
	a.mu.Unlock()
}

// leaving is closed once the page the tab shows has been audited, or is nil when there
// is nothing to wait for.
func (a *auditor) leaving() <-chan struct{} {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.audited[a.current]
}

// startAuditor audits with axe-core (axeTags) every page the tab of ctx visits, in the
// state the journey leaves it in, however it leaves (a link, a form, an address typed,
// a reload). finish audits the page the tab ends on and stops.
//
// A session of the auditor's own on the tab puts axe-core and auditorRunner into every
// page as it opens; a page about to be left starts its audit, and the request for the
// next page is held at the door (the Fetch domain) until the audit is in. (The page
// cannot be asked from outside meanwhile: Chromium holds a tab's commands while it
// navigates.) The journey's own use of the Fetch domain, in its session, is not
// disturbed.
func startAuditor(t *testing.T, ctx context.Context) *auditor {
	t.Helper()
	a := &auditor{source: axeSource(t), audited: map[string]chan struct{}{}, seen: map[string]bool{}, pages: map[string]bool{}}
	tab := chromedp.FromContext(ctx).Target.TargetID
	a.ctx, a.stop = chromedp.NewContext(ctx, chromedp.WithTargetID(tab), chromedp.WithDetachOnCancel())
	told := chromedp.Events(a.ctx, runtime.BindingCalled)
	paused := chromedp.Events(a.ctx, fetch.RequestPaused)
	setup := func() error {
		if _, err := chromedp.Call(a.ctx, runtime.AddBinding, runtime.AddBindingParams{Name: auditorBinding}); err != nil {
			return err
		}
		if _, err := chromedp.Call(a.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: a.source + ";\n" + axeAuditDefinition + ";\n" + auditorRunner}); err != nil {
			return err
		}
		_, err := chromedp.Call(a.ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{
			{URLPattern: "*", ResourceType: network.ResourceTypeDocument}}})
		return err
	}
	if err := setup(); err != nil {
		a.stop()
		t.Fatalf("audit the tab's pages with axe-core: %v", err)
	}
	a.running.Go(func() {
		for ev, err := range told {
			if err != nil {
				return
			}
			if ev.Name == auditorBinding {
				a.heard(ev.Payload)
			}
		}
	})
	a.running.Go(func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			if done := a.leaving(); done != nil && ev.FrameID == cdp.FrameID(tab) {
				select {
				case <-done:
				case <-time.After(auditorWait):
					a.fail("the page left for " + ev.Request.URL + " within " + auditorWait.String())
				case <-a.ctx.Done():
				}
			}
			_, _ = chromedp.Call(a.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
		}
	})
	return a
}

// finish audits the page the tab shows, unless the tab is gone, and stops auditing.
func (a *auditor) finish() {
	if a.ctx.Err() == nil {
		ctx, cancel := context.WithTimeout(a.ctx, auditorWait) // a journey may end mid-navigation
		defer cancel()
		if r, err := chromedp.Run(ctx, axeAudit(a.source)); err != nil {
			a.fail("the last page: " + err.Error())
		} else if r != nil {
			a.keep(r)
		}
	}
	a.stop()
	a.running.Wait()
}

// auditEveryPage audits every page the tab of ctx visits (startAuditor) and reports
// the problems when the test ends. It returns the tab's context, through which
// checkAccessible reports too.
func auditEveryPage(t *testing.T, ctx context.Context) context.Context {
	t.Helper()
	a := startAuditor(t, ctx)
	t.Cleanup(func() {
		a.finish()
		a.mu.Lock()
		defer a.mu.Unlock()
		for _, p := range a.found {
			t.Errorf("accessibility: %s", p)
		}
		for _, f := range a.failures {
			t.Errorf("accessibility: could not audit %s", f)
		}
		t.Logf("axe-core audited %d pages (%d addresses)", a.audits, len(a.pages))
	})
	return context.WithValue(ctx, auditorKey{}, a)
}
