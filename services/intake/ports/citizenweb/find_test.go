package citizenweb

import (
	"net/http"
	"strings"
	"testing"
)

// TestFindAProcedure: a few words without accents find the procedure; nothing typed
// lists every procedure, those taken online first, the others marked; words that match
// nothing are told; the page is Vietnamese first, English on request.
func TestFindAProcedure(t *testing.T) {
	s := newSite(t)
	w := s.get(FindPath + "?q=dang+ky+ho+kinh+doanh")
	wants(t, "found", w, http.StatusOK, `<html lang="vi">`, "Thủ tục phù hợp (1)",
		`<a href="/nop-truc-tuyen/thu-tuc/2.000720" data-code="2.000720">Đăng ký thành lập hộ kinh doanh</a>`,
		"3 ngày làm việc · 100.000 ₫", `value="dang ky ho kinh doanh"`)
	for _, h := range []string{"Content-Security-Policy", "X-Frame-Options", "Cache-Control"} {
		if w.Header().Get(h) == "" {
			t.Errorf("no %s", h)
		}
	}
	all := s.get(FindPath).Body.String()
	if !strings.Contains(all, "Các thủ tục (10)") || strings.Count(all, "Chỉ nộp tại Bộ phận Một cửa") != 2 ||
		strings.Index(all, "Trợ cấp xã hội hàng tháng") > strings.Index(all, "Chứng thực bản sao từ bản chính") {
		t.Errorf("every procedure, those online first:\n%s", all)
	}
	wants(t, "none", s.get(FindPath+"?q=xay+cau"), http.StatusOK, `id="find-none"`, "Không có thủ tục nào khớp với “xay cau”")
	wants(t, "in English", s.get(FindPath+"?q=khai+sinh&lang=en"), http.StatusOK, `<html lang="en">`, "Matching procedures (1)",
		"Đăng ký khai sinh", "Within the working day · None")
}

// TestProcedurePage: a procedure shows its documents, time limit and fee, and the form
// that proves an address; one not offered online says so and has no form; an unknown
// one is not found.
func TestProcedurePage(t *testing.T) {
	s := newSite(t)
	w := s.get(ProcedurePath + "2.000720")
	wants(t, "the procedure", w, http.StatusOK, `<h1 id="procedure-name">Đăng ký thành lập hộ kinh doanh</h1>`,
		`<span class="doc-name">Giấy đề nghị đăng ký hộ kinh doanh</span>`, "Bản chính · 1 bộ", "Bắt buộc", "Khi cần",
		`id="time-limit">3 ngày làm việc`, `id="fee">100.000 ₫`, `action="/nop-truc-tuyen/xac-minh"`, `name="contact"`)
	if strings.Contains(w.Body.String(), `id="apply-form"`) {
		t.Error("the application is shown before the address is proved")
	}
	off := s.get(ProcedurePath + "2.000815")
	wants(t, "not online", off, http.StatusOK, `id="not-online"`)
	if strings.Contains(off.Body.String(), "<form method=\"post\"") {
		t.Error("a procedure not taken online has a form")
	}
	wants(t, "unknown", s.get(ProcedurePath+"9.999999"), http.StatusNotFound, "Không có thủ tục này")
}
