package browser

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
)

// accessibilityProblems lists what a screen reader or a keyboard user would miss on
// the page: a control without a label, an image without a text alternative, a link or
// button without a name, a page without a language or a main heading, a repeated id.
const accessibilityProblems = `(() => {
  const out = [];
  const name = el => (el.getAttribute('aria-label') || '').trim() ||
    (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
      .map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim() ||
    (el.getAttribute('title') || '').trim();
  const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.getAttribute('name') ? '[name=' + el.getAttribute('name') + ']' : '');
  if (!document.documentElement.lang) out.push('the page has no lang');
  if (!document.querySelector('h1')) out.push('the page has no h1');
  if (!document.title.trim()) out.push('the page has no title');
  for (const el of document.querySelectorAll('input, select, textarea')) {
    const type = (el.getAttribute('type') || '').toLowerCase();
    if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
    if (el.labels && el.labels.length > 0) continue;
    if (!name(el)) out.push(describe(el) + ' has no label');
  }
  for (const el of document.querySelectorAll('img')) {
    if (!el.hasAttribute('alt')) out.push(describe(el) + ' has no alt');
  }
  for (const el of document.querySelectorAll('svg[role=img]')) {
    if (!name(el) && !el.querySelector('title')) out.push(describe(el) + ' has no title');
  }
  for (const el of document.querySelectorAll('a[href], button, input[type=submit], input[type=button]')) {
    const text = (el.textContent || el.value || '').trim() || name(el) ||
      [...el.querySelectorAll('img[alt]')].map(i => i.alt).join('').trim();
    if (!text) out.push(describe(el) + ' has no name');
  }
  const seen = new Map();
  for (const el of document.querySelectorAll('[id]')) {
    if (seen.has(el.id)) out.push('the id ' + el.id + ' is used twice');
    seen.set(el.id, true);
  }
  return out;
})()`

// checkAccessible fails the test for every problem accessibilityProblems finds on the
// current page of ctx.
func checkAccessible(t *testing.T, ctx context.Context, journey string) {
	t.Helper()
	problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](accessibilityProblems))
	if err != nil {
		t.Fatalf("%s: check the page's accessibility: %v", journey, err)
	}
	for _, p := range problems {
		t.Errorf("%s: %s", journey, p)
	}
}
