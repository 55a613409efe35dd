package web

import (
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/ratelimit"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/platform/web/pagetest"
	"github.com/motcua/motcua/services/platform/web/session"
	"github.com/motcua/motcua/services/platform/web/session/sessiontest"
)

// router serves the pages without a database: enough for what does not read one.
func router(t *testing.T) (http.Handler, *auth.Issuer) {
	t.Helper()
	iss, v := sessiontest.Keys(t)
	p := &Pages{Log: slog.New(slog.DiscardHandler), Verifier: v}
	r := chi.NewRouter()
	p.Mount(r)
	return r, iss
}

func TestSignInPage(t *testing.T) {
	h, _ := router(t)
	w := pagetest.Get(h, "/dang-nhap?next=%2Fmot-cua%2Fho-so%2FA")
	body := w.Body.String()
	if w.Code != http.StatusOK || !strings.Contains(body, `<html lang="vi">`) || !strings.Contains(body, "Tên đăng nhập") ||
		!strings.Contains(body, `name="next" value="/mot-cua/ho-so/A"`) {
		t.Fatalf("%d %s", w.Code, body)
	}
	for k, v := range map[string]string{"Content-Security-Policy": htmlpage.NoScript, "X-Frame-Options": "DENY",
		"Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"} {
		if got := w.Header().Get(k); got != v {
			t.Errorf("%s: %q", k, got)
		}
	}
	if !strings.Contains(w.Header().Get("Set-Cookie"), csrf.CookieName) {
		t.Error("no CSRF cookie")
	}
	// Another site as next is dropped.
	if b := pagetest.Get(h, "/dang-nhap?next=%2F%2Fevil.example").Body.String(); !strings.Contains(b, `name="next" value=""`) {
		t.Error("a foreign next is kept")
	}
	// In English.
	if b := pagetest.Get(h, "/dang-nhap?lang=en").Body.String(); !strings.Contains(b, `<html lang="en">`) || !strings.Contains(b, "Username") {
		t.Error("no English page")
	}
}

func TestPagesNeedASession(t *testing.T) {
	h, iss := router(t)
	for _, path := range []string{"/mot-cua", "/mot-cua/tiep-nhan", "/mot-cua/ho-so/X-1", "/mot-cua/ho-so/X-1/in/receipt"} {
		w := pagetest.Get(h, path)
		if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/dang-nhap?next="+url.QueryEscape(path) {
			t.Errorf("%s: %d to %q", path, w.Code, w.Header().Get("Location"))
		}
	}
	// A postal worker signed in is told these pages are not for that role.
	tok, _ := iss.Issue(auth.Principal{Username: "postal.a", Role: auth.RolePostal}, time.Now())
	w := pagetest.Get(h, "/mot-cua", &http.Cookie{Name: session.CookieName, Value: tok})
	if w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), "Vai trò của bạn (postal)") {
		t.Errorf("postal: %d %s", w.Code, w.Body)
	}
	// The desk gets through: its home opens a dossier by its code.
	tok, _ = iss.Issue(auth.Principal{Username: "desk.a", Role: auth.RoleDesk, Offices: []string{"X"}}, time.Now())
	w = pagetest.Get(h, "/mot-cua?code=X-1", &http.Cookie{Name: session.CookieName, Value: tok})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/mot-cua/ho-so/X-1" {
		t.Errorf("desk home: %d %q", w.Code, w.Header().Get("Location"))
	}
}

func TestPostsNeedTheCSRFToken(t *testing.T) {
	h, iss := router(t)
	tok, _ := iss.Issue(auth.Principal{Username: "desk.a", Role: auth.RoleDesk, Offices: []string{"X"}}, time.Now())
	for _, path := range []string{"/dang-nhap", "/dang-xuat"} {
		w := pagetest.PostWithoutToken(h, path, url.Values{"username": {"desk.a"}, "password": {"x"}},
			&http.Cookie{Name: session.CookieName, Value: tok})
		if w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), "Phiên biểu mẫu đã hết hạn") {
			t.Errorf("%s without a token: %d", path, w.Code)
		}
	}
}

func TestSignOutClearsTheSession(t *testing.T) {
	h, _ := router(t)
	w := pagetest.Post(h, "/dang-xuat", url.Values{})
	if w.Code != http.StatusSeeOther || !strings.Contains(w.Header().Get("Set-Cookie"), session.CookieName+"=;") {
		t.Fatalf("%d %q", w.Code, w.Header().Get("Set-Cookie"))
	}
}

func TestMatchingFoldsAccents(t *testing.T) {
	procs := []catalog.Procedure{{Code: "2.000720", Name: "Đăng ký thành lập hộ kinh doanh"},
		{Code: "1.001612", Name: "Cấp giấy chứng nhận quyền sử dụng đất"}, {Code: "2.000001", Name: "Đăng ký khai sinh"}}
	for q, want := range map[string][]string{
		"ho kinh doanh":    {"2.000720"},
		"Hộ Kinh Doanh":    {"2.000720"},
		"dang ky":          {"2.000720", "2.000001"},
		"2.000720":         {"2.000720"},
		"":                 {"2.000720", "1.001612", "2.000001"},
		"khong co thu tuc": nil,
	} {
		var got []string
		for _, p := range app.MatchProcedures(procs, q) {
			got = append(got, p.Code)
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%q: %v, want %v", q, got, want)
		}
	}
}

func TestRegistrationForm(t *testing.T) {
	f := regForm{Procedure: "2.000720", Channel: "desk", Fee: "100.000", Docs: []docRow{{Name: "Tờ khai", Kind: "original", Copies: "2"}, {}}}
	reg, fe := f.registration()
	if fe != nil || reg.FeePaidVND != 100000 || len(reg.Documents) != 1 || reg.Documents[0].Copies != 2 {
		t.Fatalf("%+v %v", reg, fe)
	}
	f.Fee = "một trăm"
	if _, fe := f.registration(); fe == nil || fe.Field != "fee_paid_vnd" {
		t.Errorf("a fee in words: %v", fe)
	}
	f.Fee, f.Docs[0].Copies = "", "hai"
	if _, fe := f.registration(); fe == nil || fe.Field != "documents[0].copies" {
		t.Errorf("copies in words: %v", fe)
	}
}

func TestSignInKeepsTheAPIsLimits(t *testing.T) {
	_, verifier := sessiontest.Keys(t)
	guard := ratelimit.NewGuard(ratelimit.New(1, time.Hour, 10), ratelimit.New(1, time.Hour, 10))
	p := &Pages{Log: slog.New(slog.DiscardHandler), Verifier: verifier, SignInGuard: guard}
	r := chi.NewRouter()
	p.Mount(r)
	guard.Fail("192.0.2.1", "desk.a", time.Now()) // what pagetest's requests come from
	w := pagetest.Post(r, "/dang-nhap", url.Values{"username": {" Desk.A "}, "password": {"x"}})
	if w.Code != http.StatusTooManyRequests || w.Header().Get("Retry-After") == "" ||
		!strings.Contains(w.Body.String(), "Đăng nhập sai quá nhiều lần") {
		t.Fatalf("%d %q %s", w.Code, w.Header().Get("Retry-After"), w.Body)
	}
}

func TestDestinations(t *testing.T) {
	got := destinations([]catalog.Office{{Code: "A", Name: "Desk", Kind: catalog.DistrictDesk},
		{Code: "P", Name: "Post", Kind: catalog.PostOffice}, {Code: "L", Name: "Land", Kind: catalog.Department}}, "A")
	if len(got) != 1 || got[0].Value != "L" {
		t.Errorf("%+v", got)
	}
}
