package layout

import (
	"bytes"
	"html/template"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// testPage is a page of a package: its words, its frame, its own content.
type testPage struct {
	lang   htmlpage.Lang
	who    string
	Error  string
	Body   string
	styles []string
}

// testWords are a package's words: only its own, the layout's are the catalogue's.
var testWords = htmlpage.Dictionary{"site": {"Trang thử", "Test page"}, "site.short": {"Thử", "Test"},
	"signed.in.as": {"Đăng nhập: %s (%s)", "Signed in: %s (%s)"}}

func (p testPage) Chrome() Chrome {
	c := NewChrome(p.lang, func(key string, args ...any) string { return testWords.T(p.lang, key, args...) },
		"/thu", "/thu?lang=en", p.styles...)
	if p.who != "" {
		c.SignedIn(p.who, "Đăng nhập: "+p.who, "tok")
	}
	c.Error = p.Error
	return c
}

func render(t *testing.T, files fstest.MapFS, p testPage) string {
	t.Helper()
	tm := New(template.FuncMap{"shout": strings.ToUpper}, files, "*.html")
	var b bytes.Buffer
	if err := tm.ExecuteTemplate(&b, Name, p); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestLayoutFramesThePagesContent(t *testing.T) {
	files := fstest.MapFS{"page.html": {Data: []byte(`{{define "content"}}<p id="body">{{shout .Body}}</p>{{end}}` +
		`{{define "foot"}}<footer class="foot">chân</footer>{{end}}`)}}
	base := BaseStyle("thu").URL()
	got := render(t, files, testPage{lang: htmlpage.Vietnamese, who: "an", Error: "Sai <b>", Body: "nội dung",
		styles: []string{base, "/assets/thu/own.css"}})
	for _, want := range []string{`<html lang="vi">`, `<title>Trang thử</title>`,
		`<link rel="stylesheet" href="` + base + `">` + "\n" + `<link rel="stylesheet" href="/assets/thu/own.css">`,
		`<body data-user="an">`, `<a class="skip" href="#main">Bỏ qua, đến nội dung chính</a>`, `<a class="brand" href="/thu">Thử</a>`,
		`<nav aria-label="Trình đơn">`, `<span class="who" id="who">Đăng nhập: an</span>`,
		`<a id="lang-switch" href="/thu?lang=en" lang="en" hreflang="en">English</a>`,
		`<input type="hidden" name="csrf_token" value="tok"><button type="submit">Đăng xuất</button>`,
		`<div class="alert error" role="alert" id="error"><h2>Có lỗi</h2><p>Sai &lt;b&gt;</p></div>`,
		`<main id="main" tabindex="-1">`, `<p id="body">NỘI DUNG</p>`, "</main><footer class=\"foot\">chân</footer>"} {
		if !strings.Contains(got, want) {
			t.Errorf("the page lacks %s:\n%s", want, got)
		}
	}
	for _, absent := range []string{`id="notice"`, "<script", `class="sections"`} {
		if strings.Contains(got, absent) {
			t.Errorf("the page has %s", absent)
		}
	}

	got = render(t, files, testPage{lang: htmlpage.English})
	for _, absent := range []string{`id="who"`, `id="signout"`, `data-user`, `id="error"`} {
		if strings.Contains(got, absent) {
			t.Errorf("a page no one is signed in to has %s:\n%s", absent, got)
		}
	}
	if !strings.Contains(got, `lang="vi" hreflang="vi">Tiếng Việt</a>`) || !strings.Contains(got, `<title>Test page</title>`) {
		t.Errorf("the English page:\n%s", got)
	}
}

func TestBaseStyleIsServedOncePerService(t *testing.T) {
	r := chi.NewRouter()
	MountBaseStyle(r, "intake")
	MountBaseStyle(r, "status")
	for _, service := range []string{"intake", "status"} {
		a := BaseStyle(service)
		if a.Path != "/assets/"+service+"/base.css" {
			t.Fatalf("%s's base sheet is at %s", service, a.Path)
		}
		w := httptest.NewRecorder()
		r.ServeHTTP(w, httptest.NewRequest(http.MethodGet, a.URL(), nil))
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), ".skip") ||
			w.Header().Get("Content-Security-Policy") != htmlpage.NoScript || w.Header().Get("Content-Type") != "text/css; charset=utf-8" {
			t.Errorf("%s's base sheet: %d %v", service, w.Code, w.Header())
		}
	}
}
