package browser

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/motcua/motcua/services/platform/pgtest"
)

var dbURL string

func TestMain(m *testing.M) { pgtest.Main(m, &dbURL) }

// chromiumPath finds Chromium: CHROMIUM_PATH, or chromium (Debian's) on PATH, or
// another build of it.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM_PATH"); p != "" {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("CHROMIUM_PATH=%s: %v", p, err)
		}
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("Chromium not found: the browser tests need Debian's chromium (apt-get install chromium), " +
		"or CHROMIUM_PATH set to a Chromium binary; make test installs it when it is missing")
	return ""
}

// newBrowser starts a headless Chromium for the test and returns a tab's context,
// bounded by timeout, whose every page axe-core audits (auditEveryPage).
func newBrowser(t *testing.T, timeout time.Duration) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless,
		chromedp.NoSandbox, // the tests run as root, which Chromium's sandbox refuses
		chromedp.DisableGPU,
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("lang", "vi-VN"),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() { cancelTimeout(); cancelTab(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("start Chromium (%s): %v", chromiumPath(t), err)
	}
	return auditEveryPage(t, ctx)
}

// artifactsDir is where screenshots are kept: MOTCUA_ARTIFACTS, or .artifacts/browser
// under the repository root (the folder holding go.work).
func artifactsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("MOTCUA_ARTIFACTS")
	if dir == "" {
		root, err := repositoryRoot()
		if err != nil {
			t.Fatal(err)
		}
		dir = filepath.Join(root, ".artifacts", "browser")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func repositoryRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.work above the test's folder: set MOTCUA_ARTIFACTS")
		}
		dir = parent
	}
}

// viewports are the widths every journey's last page is kept at.
var viewports = []struct {
	name          string
	width, height int64
	mobile        bool
}{
	{"phone", 360, 740, true},
	{"desktop", 1280, 900, false},
}

// screenshots keeps the current page of ctx at each viewport as
// <journey>-<viewport>.png and checks at each that nothing is wider than the screen and
// that the page is accessible (checkAccessible): the phone's width is where a table
// overflows into a region that scrolls.
func screenshots(t *testing.T, ctx context.Context, journey string) {
	t.Helper()
	dir := artifactsDir(t)
	for _, v := range viewports {
		emulate := chromedp.EmulateViewport(v.width, v.height)
		if v.mobile {
			emulate = chromedp.EmulateViewport(v.width, v.height, chromedp.EmulateMobile, chromedp.EmulateScale(2))
		}
		if err := chromedp.Do(ctx, emulate); err != nil {
			t.Fatalf("%s: emulate the %s: %v", journey, v.name, err)
		}
		// Measured against the root's client width, the screen's width the viewport meta
		// names: on an emulated phone the window itself widens to the page's content, so
		// window.innerWidth would grow with an overflow and never reveal it.
		overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
			`document.documentElement.scrollWidth > document.documentElement.clientWidth`))
		if err != nil {
			t.Fatalf("%s: measure the page at %s width: %v", journey, v.name, err)
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("%s: screenshot at %s width: %v", journey, v.name, err)
		}
		if overflow {
			t.Errorf("%s: the page is wider than the %s's %d px", journey, v.name, v.width)
		}
		path := filepath.Join(dir, fmt.Sprintf("%s-%s.png", journey, v.name))
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", path)
		checkAccessible(t, ctx, fmt.Sprintf("%s at the %s's width", journey, v.name))
	}
}
