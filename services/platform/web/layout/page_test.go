package layout

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// framedPage is a package's page built on Page.
type framedPage struct {
	Page
	Body string
}

func (p *framedPage) Chrome() Chrome {
	return p.Frame(func(key string, args ...any) string { return testWords.T(p.Lang, key, args...) }, "/thu", "/a.css")
}

func TestNewPageReadsTheRequest(t *testing.T) {
	who := &auth.Principal{Username: "an", Role: auth.RoleDesk}
	r := httptest.NewRequest(http.MethodGet, "/thu?x=1&lang=en", nil)
	r = r.WithContext(auth.WithPrincipal(r.Context(), who))
	w := httptest.NewRecorder()
	pg := NewPage(w, r, "home")
	if pg.Lang != htmlpage.English || pg.Name != "home" || pg.Who != who || pg.Switch != "/thu?lang=vi&x=1" ||
		pg.CSRF == "" || pg.Errors == nil || !pg.English() {
		t.Fatalf("page %+v", pg)
	}
	var cookies []string
	for _, c := range w.Result().Cookies() {
		cookies = append(cookies, c.Name)
	}
	if !strings.Contains(strings.Join(cookies, " "), htmlpage.LangCookie) || !strings.Contains(strings.Join(cookies, " "), csrf.CookieName) {
		t.Errorf("cookies set: %v", cookies)
	}
	pg.Errors["x"] = "sai"
	if pg.Err("x") != "sai" || pg.Err("y") != "" {
		t.Errorf("Err: %q %q", pg.Err("x"), pg.Err("y"))
	}
	at := time.Date(2026, 3, 2, 1, 30, 0, 0, time.UTC)
	if pg.When(at) != htmlpage.When(htmlpage.English, at) || pg.Money(1500) != "1.500 ₫" {
		t.Errorf("formats: %q %q", pg.When(at), pg.Money(1500))
	}
}

func TestFrameSaysWhoAndTheAlerts(t *testing.T) {
	files := fstest.MapFS{"page.html": {Data: []byte(`{{define "content"}}<p id="body">{{.Body}}</p>{{end}}`)}}
	pg := &framedPage{Page: Page{Lang: htmlpage.Vietnamese, Who: &auth.Principal{Username: "an", Role: auth.RoleDesk},
		CSRF: "tok", Switch: "/thu?lang=en", Error: "Sai", Notice: "Đã lưu"}, Body: "nội dung"}
	c := pg.Chrome()
	if c.User != "an" || c.Who != "Đăng nhập: an (desk)" || c.CSRF != "tok" || c.Error != "Sai" || c.Notice != "Đã lưu" ||
		c.Title != "Trang thử" || c.Brand != (Link{Href: "/thu", Text: "Thử"}) || c.Switch != (Link{Href: "/thu?lang=en", Text: "English"}) ||
		c.SignOut != "Đăng xuất" || c.ErrorTitle != "Có lỗi" || c.Menu != "Trình đơn" || len(c.Styles) != 1 {
		t.Fatalf("frame %+v", c)
	}
	tm := New(nil, files, "*.html")
	var b strings.Builder
	if err := tm.ExecuteTemplate(&b, Name, pg); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<span class="who" id="who">Đăng nhập: an (desk)</span>`, `id="notice"><p>Đã lưu</p>`,
		`<p id="body">nội dung</p>`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the page lacks %s:\n%s", want, b.String())
		}
	}

	anyone := &framedPage{Page: Page{Lang: htmlpage.English}}
	if c := anyone.Chrome(); c.User != "" || c.Who != "" || c.Switch.Text != "Tiếng Việt" || c.Skip != "Skip to the main content" {
		t.Errorf("a page for anyone: %+v", c)
	}
}
