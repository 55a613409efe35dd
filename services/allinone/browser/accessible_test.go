package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeTags are the rules a page must pass: WCAG 2.1, levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// axeAlsoRules are axe-core's rules outside axeTags that the pages pass as well: a page
// has a main heading (one place for a screen reader to start) and no id twice (a label
// or a link to a fragment must find the one element it names).
var axeAlsoRules = []string{"page-has-heading-one", "duplicate-id"}

// axeAuditable is whether the page of a tab is one of ours to audit: an HTML page of
// the site, not the blank page a tab starts on, nor a file (a PDF) the browser shows.
const axeAuditable = `/^https?:$/.test(location.protocol) && document.contentType === 'text/html'`

// axeAuditDefinition defines, in a page where axe-core is, motcuaAxeAudit(): a run of
// axe-core on the whole page as it is then, answering an axeReport. Runs asked for at
// once take turns, as axe-core requires.
var axeAuditDefinition = func() string {
	rules := map[string]any{}
	for _, r := range axeAlsoRules {
		rules[r] = map[string]bool{"enabled": true}
	}
	options, _ := json.Marshal(map[string]any{
		"runOnly":     map[string]any{"type": "tag", "values": axeTags},
		"rules":       rules,
		"resultTypes": []string{"violations"},
	})
	return `window.motcuaAxeAudit = (() => {
  const run = async () => {
    const r = await axe.run(document, ` + string(options) + `);
    return {
      page: location.pathname + location.search,
      violations: r.violations.map(v => ({
        id: v.id, impact: v.impact || '', help: v.help,
        targets: v.nodes.map(n => n.target.flat(Infinity).join(' ')),
      })),
    };
  };
  let last = Promise.resolve();
  return () => (last = last.then(run, run));
})();`
}()

// axeReport is what axe-core found wrong on one page.
type axeReport struct {
	Page       string         `json:"page"`
	Violations []axeViolation `json:"violations"`
}

// axeViolation is one rule a page breaks, and where.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

// problems are the report's violations in words, one per rule broken.
func (r *axeReport) problems() []string {
	var out []string
	for _, v := range r.Violations {
		out = append(out, fmt.Sprintf("%s: %s (%s): %s: %s", r.Page, v.ID, v.Impact, v.Help, strings.Join(v.Targets, ", ")))
	}
	return out
}

// axeAudit is an action that runs axe-core on the page of the tab as it is now, putting
// source (axe-core's script) and motcuaAxeAudit into the page first unless they are
// there already. It answers nil for a page that is not one of ours (axeAuditable).
func axeAudit(source string) chromedp.Action[*axeReport] {
	return func(ctx context.Context, t *chromedp.Target) (*axeReport, error) {
		ours, err := chromedp.Evaluate[bool](axeAuditable)(ctx, t)
		if err != nil || !ours {
			return nil, err
		}
		loaded, err := chromedp.Evaluate[bool](`typeof motcuaAxeAudit === 'function'`)(ctx, t)
		if err != nil {
			return nil, err
		}
		if !loaded {
			if _, err := chromedp.Evaluate[chromedp.Void](source+";\n"+axeAuditDefinition)(ctx, t); err != nil {
				return nil, fmt.Errorf("put axe-core into the page: %w", err)
			}
		}
		return chromedp.Evaluate[*axeReport](`motcuaAxeAudit()`, chromedp.EvalAwaitPromise)(ctx, t)
	}
}

// checkAccessible runs axe-core on the current page of ctx now and fails the test for
// every rule it breaks; journey says at which point of which journey. A problem that
// the tab's auditor (auditEveryPage) has found already is not reported twice.
func checkAccessible(t *testing.T, ctx context.Context, journey string) {
	t.Helper()
	report, err := chromedp.Run(ctx, axeAudit(axeSource(t)))
	if err != nil {
		t.Fatalf("%s: audit the page with axe-core: %v", journey, err)
	}
	if report == nil {
		t.Fatalf("%s: the page is not one of the site's to audit", journey)
	}
	problems := report.problems()
	if a := auditorOf(ctx); a != nil {
		problems = a.record(report)
	}
	for _, p := range problems {
		t.Errorf("%s: %s", journey, p)
	}
}
