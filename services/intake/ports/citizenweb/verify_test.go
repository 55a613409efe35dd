package citizenweb

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/platform/web/pagetest"
)

// TestProveAnAddress: what is not an address is told beside the field; an address gets
// a code and the form for it; a wrong code is told beside it; the right one keeps the
// proof in an HttpOnly, Strict cookie and opens the application, which has the desk and
// a file input for each document; forgetting the address clears it. A form without
// its CSRF token changes nothing.
func TestProveAnAddress(t *testing.T) {
	s := newSite(t)
	w := s.post(VerifyPath, url.Values{"contact": {"not an address"}, "thu-tuc": {"2.000720"}})
	wants(t, "a bad address", w, http.StatusUnprocessableEntity, `id="contact-error"`, `aria-invalid="true"`,
		"không phải địa chỉ thư điện tử hay số điện thoại hợp lệ", `value="not an address"`)
	if w := pagetest.PostWithoutToken(s.h, VerifyPath, url.Values{"contact": {"an@example.vn"}, "thu-tuc": {"2.000720"}},
		&http.Cookie{Name: csrf.CookieName, Value: pagetest.Token}); w.Code != http.StatusForbidden || len(s.box.sent) != 0 {
		t.Errorf("without the CSRF token: %d, %d sent", w.Code, len(s.box.sent))
	}

	w = s.post(VerifyPath, url.Values{"contact": {" An@Example.vn "}, "thu-tuc": {"2.000720"}})
	to := w.Header().Get("Location")
	if w.Code != http.StatusSeeOther || !strings.HasPrefix(to, VerifyPath+"?id=") {
		t.Fatalf("ask for a code: %d %q", w.Code, to)
	}
	form := s.get(to)
	wants(t, "the code's form", form, http.StatusOK, `autocomplete="one-time-code"`, `name="thu-tuc" value="2.000720"`)
	id := regexp.MustCompile(`name="id" value="([^"]+)"`).FindStringSubmatch(form.Body.String())[1]
	code := codeIn.FindString(s.box.last(t, "an@example.vn").text)
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	wants(t, "a wrong code", s.post(ConfirmPath, url.Values{"id": {id}, "code": {wrong}, "thu-tuc": {"2.000720"}}),
		http.StatusUnprocessableEntity, `id="code-error"`, "Mã xác thực không đúng")
	w = s.post(ConfirmPath, url.Values{"id": {id}, "code": {code}, "thu-tuc": {"2.000720"}})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != ProcedurePath+"2.000720#nop-ho-so" {
		t.Fatalf("the right code: %d %q", w.Code, w.Header().Get("Location"))
	}
	var kept *http.Cookie
	for _, c := range w.Result().Cookies() {
		if c.Name == contactCookie {
			kept = c
		}
	}
	if kept == nil || !kept.HttpOnly || kept.SameSite != http.SameSiteStrictMode || kept.Secure || kept.Path != "/" || kept.MaxAge < 3600 {
		t.Fatalf("the proof's cookie: %+v", kept)
	}
	wants(t, "the code used again", s.post(ConfirmPath, url.Values{"id": {id}, "code": {code}, "thu-tuc": {"2.000720"}}),
		http.StatusGone, "hãy yêu cầu mã mới")

	apply := s.get(ProcedurePath+"2.000720", kept)
	wants(t, "the application", apply, http.StatusOK, `id="apply-form"`, `enctype="multipart/form-data"`,
		"Đã xác thực: thư điện tử an@example.vn", `<option value="000.00.16.H19" selected>Bộ phận Một cửa huyện Xuân Lộc</option>`,
		`id="file-0" name="file-0" type="file" accept="application/pdf,image/jpeg,image/png" required`,
		`id="file-3" name="file-3" type="file"`, `name="idem" value="`, `name="phone"`, `id="declaration"`)

	w = s.post(ForgetPath, url.Values{"thu-tuc": {"2.000720"}}, kept)
	if w.Code != http.StatusSeeOther || !strings.Contains(w.Header().Get("Set-Cookie"), contactCookie+"=;") {
		t.Errorf("forget the address: %d %q", w.Code, w.Header().Get("Set-Cookie"))
	}
}

// TestProofOverHTTPS: served over HTTPS, the proof's cookie is Secure and named with
// the __Host- prefix, and only that name counts.
func TestProofOverHTTPS(t *testing.T) {
	s := newSite(t)
	plain := s.h
	s.h = httpapi.Secure("https://motcua.example.vn", nil)(plain)
	csrfCookie := &http.Cookie{Name: "__Host-" + csrf.CookieName, Value: pagetest.Token}
	w := pagetest.PostWithoutToken(s.h, VerifyPath, url.Values{"contact": {"0912345678"}, "thu-tuc": {"1.001193"},
		csrf.FieldName: {pagetest.FieldFor()}}, csrfCookie)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("ask for a code over HTTPS: %d %s", w.Code, w.Body)
	}
	id := strings.TrimPrefix(strings.Split(w.Header().Get("Location"), "&")[0], VerifyPath+"?id=")
	code := codeIn.FindString(s.box.last(t, "0912345678").text)
	w = pagetest.PostWithoutToken(s.h, ConfirmPath, url.Values{"id": {id}, "code": {code}, "thu-tuc": {"1.001193"},
		csrf.FieldName: {pagetest.FieldFor()}}, csrfCookie)
	cookies := w.Result().Cookies()
	if w.Code != http.StatusSeeOther || len(cookies) != 1 || cookies[0].Name != "__Host-"+contactCookie || !cookies[0].Secure {
		t.Fatalf("over HTTPS: %d %+v", w.Code, cookies)
	}
	get := func(c *http.Cookie) string {
		return pagetest.Serve(s.h, httptest.NewRequest(http.MethodGet, ProcedurePath+"1.001193", nil), c).Body.String()
	}
	if !strings.Contains(get(cookies[0]), "số điện thoại 0912345678") {
		t.Error("the __Host- cookie's proof does not count")
	}
	if strings.Contains(get(&http.Cookie{Name: contactCookie, Value: cookies[0].Value}), `id="apply-form"`) {
		t.Error("a plain-named cookie counts over HTTPS")
	}
}
