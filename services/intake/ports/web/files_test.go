package web

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/motcua/motcua/services/platform/web/layout"
	"github.com/motcua/motcua/services/platform/web/pagetest"
)

func TestFileWords(t *testing.T) {
	vi, en := &page{Page: layout.Page{Lang: Vietnamese}}, &page{Page: layout.Page{Lang: English}}
	for _, c := range []struct {
		n      int64
		vi, en string
	}{
		{900, "900 byte", "900 bytes"},
		{150 << 10, "150,0 KB", "150.0 KB"},
		{3<<20 + 1<<19, "3,5 MB", "3.5 MB"},
	} {
		if got := vi.FileSize(c.n); got != c.vi {
			t.Errorf("%d: %q, want %q", c.n, got, c.vi)
		}
		if got := en.FileSize(c.n); got != c.en {
			t.Errorf("%d in English: %q, want %q", c.n, got, c.en)
		}
	}
	if got := vi.ShortSum("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"); got != "9f86d081884c…" {
		t.Errorf("short sum: %q", got)
	}
	if vi.FileType("application/pdf") != "PDF" || vi.FileType("image/png") != "PNG" || vi.FileType("text/plain") != "text/plain" {
		t.Error("file types")
	}
}

func TestFileNeedsASession(t *testing.T) {
	h, _ := router(t)
	path := "/mot-cua/ho-so/X-1/tep/5f0e6b43-8a41-4d4e-9d55-0c1f3f1f9d2a"
	w := pagetest.Get(h, path)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/dang-nhap?next="+url.QueryEscape(path) {
		t.Errorf("%d to %q", w.Code, w.Header().Get("Location"))
	}
}
