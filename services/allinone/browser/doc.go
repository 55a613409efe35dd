// Package browser holds journeys through the pages in a real headless Chromium (Debian's
// chromium, driven by chromedp): the all-in-one server runs in the test process on a
// free port with the demo data, the journey drives the pages as a person would (the API
// standing in for the staff whose pages are not built yet), and a screenshot of the
// journey's last page is kept at phone (360×740) and desktop (1280×900) widths in
// MOTCUA_ARTIFACTS, or .artifacts/browser under the repository root.
//
// Every page a journey visits is audited for accessibility with axe-core (WCAG 2.1 A
// and AA, plus one main heading and no repeated ids) in the state the journey leaves it
// in, before the next page loads (auditor_test.go); axe-core is fetched pinned, its
// integrity checked, by deploy/local/axe.sh.
//
// Chromium is found through CHROMIUM_PATH or on PATH; a machine without it fails the
// tests (make test installs it).
package browser
