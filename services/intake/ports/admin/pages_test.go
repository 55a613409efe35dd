package admin

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/platform/web/session"
	"github.com/motcua/motcua/services/worktime"
)

func TestOnlyAdministrators(t *testing.T) {
	s := newSite(t)
	for _, path := range []string{HomePath, OfficesPath, ProceduresPath, CalendarPath, AccountsPath, AccountsPath + "/desk.xuanloc",
		WebhooksPath, SyncPath} {
		w := s.get(path)
		if w.Code != http.StatusSeeOther || !strings.HasPrefix(w.Header().Get("Location"), "/dang-nhap?next=") {
			t.Errorf("%s without a session: %d to %q", path, w.Code, w.Header().Get("Location"))
		}
		w = s.get(path, s.as("desk.xuanloc", auth.RoleDesk))
		wants(t, path+" as the desk", w, http.StatusForbidden, "<h1>Không mở được trang này</h1>", "chỉ dành cho quản trị viên", `href="/mot-cua"`)
	}
	w := s.get(HomePath, s.as("post.xuanloc", auth.RolePostal))
	wants(t, "the postal worker", w, http.StatusForbidden, `href="/buu-chinh"`)
	w = s.get(HomePath, s.as(admin.user, admin.role))
	wants(t, "home", w, http.StatusOK, `<html lang="vi">`, "Cơ quan, đơn vị", "Thủ tục hành chính", "Lịch nghỉ lễ", "Tài khoản cán bộ")
	if got := w.Header().Get("Content-Security-Policy"); got != htmlpage.NoScript {
		t.Errorf("CSP %q", got)
	}
	w = s.get(HomePath+"?lang=en", s.as(admin.user, admin.role))
	wants(t, "home in English", w, http.StatusOK, `<html lang="en">`, "Holiday calendar", "Staff accounts")
	if w := s.get(StylePath); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), ".rows") {
		t.Errorf("style sheet: %d", w.Code)
	}
}

func TestFormsNeedTheirTokenAndAreBounded(t *testing.T) {
	s := newSite(t)
	w := s.post(AccountsPath, url.Values{"username": {"x.y.z"}}, true)
	wants(t, "without a CSRF token", w, http.StatusForbidden, "Phiên biểu mẫu đã hết hạn")
	w = s.post(OfficesPath, url.Values{"name": {strings.Repeat("a", maxForm)}})
	wants(t, "a huge form", w, http.StatusRequestEntityTooLarge, "quá lớn")
}

func TestAccountPages(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	w := s.post(AccountsPath, url.Values{"username": {"Nguyễn"}, "role": {"chief"}, "password": {"short"}})
	wants(t, "a bad account", w, http.StatusUnprocessableEntity, "hãy sửa các mục",
		`id="username-error">Tên đăng nhập gồm 3–64 ký tự`, `id="role-error">Hãy chọn một vai trò`,
		`id="offices-error">Hãy chọn ít nhất một cơ quan`, `id="password-error">Mật khẩu cần ít nhất 10 ký tự`,
		`value="Nguyễn"`)
	w = s.post(AccountsPath, url.Values{"username": {"desk.xuanhiep"}, "role": {"desk"},
		"offices": {"000.08.16.H19"}, "password": {"xuan-hiep-2026"}, "email": {"not an address"}})
	wants(t, "a bad e-mail address", w, http.StatusUnprocessableEntity, `id="email-error">Địa chỉ thư điện tử không hợp lệ`,
		`value="not an address"`)
	w = s.post(AccountsPath, url.Values{"username": {"desk.xuanhiep"}, "role": {"desk"},
		"offices": {"000.08.16.H19"}, "password": {"xuan-hiep-2026"}, "email": {" Desk.XuanHiep@Mot-Cua.example.vn "}})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != AccountsPath+"?ok=created" {
		t.Fatalf("create: %d %q %s", w.Code, w.Header().Get("Location"), w.Body)
	}
	wants(t, "the list", s.get(AccountsPath+"?ok=created", s.as(admin.user, admin.role)), http.StatusOK,
		"Đã thêm.", `href="/quan-tri/tai-khoan/desk.xuanhiep"`, "desk.xuanhiep@mot-cua.example.vn")
	wants(t, "the account", s.get(AccountsPath+"/desk.xuanhiep", s.as(admin.user, admin.role)), http.StatusOK,
		`id="email" name="email" type="email" value="desk.xuanhiep@mot-cua.example.vn"`)
	if _, err := s.signIn.Token(ctx, "desk.xuanhiep", "xuan-hiep-2026"); err != nil {
		t.Fatalf("the new account cannot sign in: %v", err)
	}
	w = s.post(AccountsPath, url.Values{"username": {"desk.xuanhiep"}, "role": {"desk"},
		"offices": {"000.08.16.H19"}, "password": {"xuan-hiep-2026"}})
	wants(t, "a taken username", w, http.StatusUnprocessableEntity, "Tên đăng nhập này đã có")

	// Disabled, the account cannot sign in.
	w = s.post(AccountsPath+"/desk.xuanhiep/trang-thai", url.Values{"disabled": {"1"}})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("disable: %d %s", w.Code, w.Body)
	}
	if _, err := s.signIn.Token(ctx, "desk.xuanhiep", "xuan-hiep-2026"); !errors.Is(err, app.ErrBadCredentials) {
		t.Errorf("a disabled account signs in: %v", err)
	}
	wants(t, "the disabled account", s.get(AccountsPath+"/desk.xuanhiep", s.as(admin.user, admin.role)), http.StatusOK,
		"Đã khóa", "Mở khóa tài khoản")
	w = s.post(AccountsPath+"/desk.xuanhiep/mat-khau", url.Values{"password": {"123"}})
	wants(t, "a short new password", w, http.StatusUnprocessableEntity, `id="password-error"`)
	w = s.post(AccountsPath+"/desk.xuanhiep", url.Values{"role": {"officer"}, "offices": {"000.08.16.H19", demo.LandOffice}})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("change: %d %s", w.Code, w.Body)
	}
	if acc, _, _ := s.st.Account(ctx, "desk.xuanhiep"); acc.Role != "officer" || len(acc.Offices) != 2 ||
		acc.Email != "desk.xuanhiep@mot-cua.example.vn" {
		t.Errorf("after the change (no address in the form: it stays): %+v", acc)
	}
	// The address changes, then goes; the role and offices stay.
	for _, email := range []string{"hiep.tran@mot-cua.example.vn", ""} {
		w = s.post(AccountsPath+"/desk.xuanhiep", url.Values{"role": {"officer"}, "offices": {demo.LandOffice, "000.08.16.H19"},
			"email": {email}})
		if w.Code != http.StatusSeeOther {
			t.Fatalf("change the address to %q: %d %s", email, w.Code, w.Body)
		}
		if acc, _, _ := s.st.Account(ctx, "desk.xuanhiep"); acc.Email != email || acc.Role != "officer" || len(acc.Offices) != 2 {
			t.Errorf("after the address %q: %+v", email, acc)
		}
	}
	w = s.post(AccountsPath+"/desk.xuanhiep", url.Values{"role": {"officer"}, "offices": {demo.LandOffice}, "email": {"x@"}})
	wants(t, "a bad address on the change", w, http.StatusUnprocessableEntity, `id="email-error"`)

	// One's own account: no disabling, and the admin role stays.
	w = s.get(AccountsPath+"/"+admin.user, s.as(admin.user, admin.role))
	wants(t, "one's own account", w, http.StatusOK, `id="self-note"`)
	if strings.Contains(w.Body.String(), `id="state-form"`) {
		t.Error("one's own account offers to disable it")
	}
	w = s.post(AccountsPath+"/"+admin.user, url.Values{"role": {"desk"}, "offices": {demo.DistrictDesk}})
	wants(t, "taking one's own admin role", w, http.StatusUnprocessableEntity, "Bạn không thể tự bỏ vai trò quản trị")
	w = s.post(AccountsPath+"/"+admin.user+"/trang-thai", url.Values{"disabled": {"1"}})
	wants(t, "disabling oneself", w, http.StatusUnprocessableEntity, "Bạn không thể tự khóa tài khoản")
	wants(t, "a missing account", s.get(AccountsPath+"/nobody", s.as(admin.user, admin.role)), http.StatusNotFound, "<h1>", "Không tìm thấy")
}

func TestOfficePages(t *testing.T) {
	s := newSite(t)
	form := url.Values{"code": {"000.16.16.h19"}, "name": {"UBND xã Xuân Mới"}, "kind": {"commune_centre"},
		"parent": {demo.DistrictDesk}, "address": {"Ấp 1"}, "post_office": {demo.LandOffice}}
	w := s.post(OfficesPath, form)
	wants(t, "a bad office", w, http.StatusUnprocessableEntity, `id="code-error">Mã cơ quan có dạng ddd.dd.dd.Xdd`,
		`id="post_office-error">Cơ quan được chọn không phải bưu cục`, `value="UBND xã Xuân Mới"`)
	form.Set("code", "000.16.16.H19")
	form.Set("post_office", "000.99.16.H19")
	wants(t, "an unknown post office", s.post(OfficesPath, form), http.StatusUnprocessableEntity, "Không có bưu cục với mã này")
	form.Set("post_office", demo.DistrictPostOffice)
	if w := s.post(OfficesPath, form); w.Code != http.StatusSeeOther {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	wants(t, "the list", s.get(OfficesPath, s.as(admin.user, admin.role)), http.StatusOK, "UBND xã Xuân Mới", "000.16.16.H19")
	wants(t, "a taken code", s.post(OfficesPath, form), http.StatusUnprocessableEntity, "Mã này đã có")
	form.Set("name", "UBND xã Xuân Mới (mới)")
	if w := s.post(OfficesPath+"/000.16.16.H19", form); w.Code != http.StatusSeeOther ||
		w.Header().Get("Location") != OfficesPath+"/000.16.16.H19?ok=saved" {
		t.Fatalf("change: %d %q %s", w.Code, w.Header().Get("Location"), w.Body)
	}
	wants(t, "the office", s.get(OfficesPath+"/000.16.16.H19?ok=saved", s.as(admin.user, admin.role)), http.StatusOK,
		"Đã lưu thay đổi.", `value="UBND xã Xuân Mới (mới)"`)
}

func TestProcedurePages(t *testing.T) {
	s := newSite(t)
	w := s.get(ProceduresPath+"?q=ho+kinh+doanh", s.as(admin.user, admin.role))
	wants(t, "the filter", w, http.StatusOK, "Đăng ký thành lập hộ kinh doanh")
	if strings.Contains(w.Body.String(), "Đăng ký khai sinh") {
		t.Error("the filter keeps a procedure that does not match")
	}
	form := url.Values{"code": {"1.999001"}, "name": {"Cấp bản sao trích lục hộ tịch"}, "decided_by_kind": {"commune_centre"},
		"time_limit": {"400"}, "time_unit": {"day"}, "fee_vnd": {"-5"}}
	wants(t, "a bad procedure", s.post(ProceduresPath, form), http.StatusUnprocessableEntity,
		`id="time_limit-error">Thời hạn từ 0 đến 366`, `id="fee_vnd-error">Lệ phí không thể âm`)
	form.Set("time_limit", "ba")
	wants(t, "a limit in words", s.post(ProceduresPath, form), http.StatusUnprocessableEntity, "Thời hạn là một số nguyên")
	form.Set("time_limit", "1")
	form.Set("fee_vnd", "8.000")
	if w := s.post(ProceduresPath, form); w.Code != http.StatusSeeOther {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	w = s.get(ProceduresPath+"?q=trich+luc", s.as(admin.user, admin.role))
	wants(t, "found", w, http.StatusOK, "Cấp bản sao trích lục hộ tịch", "1 ngày làm việc", "8.000 ₫")
	form.Set("time_limit", "4")
	form.Set("time_unit", "hour")
	if w := s.post(ProceduresPath+"/1.999001", form); w.Code != http.StatusSeeOther {
		t.Fatalf("change: %d %s", w.Code, w.Body)
	}
	wants(t, "changed", s.get(ProceduresPath+"/1.999001", s.as(admin.user, admin.role)), http.StatusOK,
		`id="time_limit" name="time_limit" type="text" inputmode="numeric" value="4"`, `<option value="hour" selected>`,
		"giữ nguyên thời hạn")
	wants(t, "a missing procedure", s.get(ProceduresPath+"/9.999", s.as(admin.user, admin.role)), http.StatusNotFound)

	// A demo procedure changed through the form keeps its documents; the box says
	// whether it is taken online.
	wants(t, "a demo procedure", s.get(ProceduresPath+"/2.000720", s.as(admin.user, admin.role)), http.StatusOK,
		`id="online" name="online" type="checkbox" value="1" checked`)
	change := url.Values{"name": {"Đăng ký thành lập hộ kinh doanh"}, "decided_by_kind": {"district_desk"},
		"time_limit": {"3"}, "time_unit": {"day"}, "fee_vnd": {"100.000"}}
	if w := s.post(ProceduresPath+"/2.000720", change); w.Code != http.StatusSeeOther {
		t.Fatalf("change a demo procedure: %d %s", w.Code, w.Body)
	}
	procs, err := s.st.Procedures(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range procs {
		if p.Code == "2.000720" && (p.Online || len(p.Documents) != 4 || p.Documents[0].Name != "Giấy đề nghị đăng ký hộ kinh doanh") {
			t.Errorf("after the form's change: online %v, documents %+v", p.Online, p.Documents)
		}
	}
}

func TestCalendarPage(t *testing.T) {
	s := newSite(t)
	w := s.get(CalendarPath+"?nam=2026", s.as(admin.user, admin.role))
	wants(t, "the year", w, http.StatusOK, "Lịch nghỉ lễ năm 2026", `data-date="2026-09-02"`, "Lần sửa: 0",
		"Lịch hẹn đã trao cho công dân giữ nguyên ngày")
	wants(t, "a bad year", s.get(CalendarPath+"?nam=abc", s.as(admin.user, admin.role)), http.StatusOK, "Năm phải là một số")
	add := url.Values{"year": {"2026"}, "revision": {"0"}, "kind": {"off"}, "date": {"2026-06-31"}, "reason": {"Nghỉ bù"}}
	wants(t, "a bad date", s.post(CalendarPath, add), http.StatusUnprocessableEntity, `id="off-date-error">Ngày không hợp lệ`)
	add.Set("date", "01/06/2026")
	w = s.post(CalendarPath, add)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != CalendarPath+"?nam=2026&ok=day" {
		t.Fatalf("add: %d %q %s", w.Code, w.Header().Get("Location"), w.Body)
	}
	if reason, off := s.live.Calendar().DayOff(worktime.Date{Year: 2026, Month: 6, Day: 1}); !off || reason != "Nghỉ bù" {
		t.Errorf("not in force: %q %v", reason, off)
	}
	wants(t, "listed", s.get(CalendarPath+"?nam=2026&ok=day", s.as(admin.user, admin.role)), http.StatusOK,
		`data-date="2026-06-01"`, "Thứ Hai, 01/06/2026", "Lần sửa: 1", "Đã cập nhật lịch")
	// A form from before the edit does not overwrite it.
	add.Set("date", "2026-06-02")
	wants(t, "a stale form", s.post(CalendarPath, add), http.StatusUnprocessableEntity, "vừa được người khác sửa")
	work := url.Values{"year": {"2026"}, "revision": {"1"}, "kind": {"working"}, "date": {"2026-06-03"}}
	wants(t, "a working Wednesday", s.post(CalendarPath, work), http.StatusUnprocessableEntity,
		`id="working-date-error">Ngày làm bù phải là thứ Bảy hoặc Chủ nhật`)
	remove := url.Values{"year": {"2026"}, "revision": {"1"}, "kind": {"off"}, "op": {"remove"}, "date": {"2026-06-01"}}
	if w := s.post(CalendarPath, remove); w.Code != http.StatusSeeOther {
		t.Fatalf("remove: %d %s", w.Code, w.Body)
	}
	if _, off := s.live.Calendar().DayOff(worktime.Date{Year: 2026, Month: 6, Day: 1}); off {
		t.Error("the removed day is still off")
	}
}

// TestEveryFormRefusesOtherRoles: a member of staff who is not an administrator, even
// with a valid form token, changes nothing.
func TestEveryFormRefusesOtherRoles(t *testing.T) {
	s := newSite(t)
	desk := s.as("desk.xuanloc", auth.RoleDesk)
	for _, path := range []string{OfficesPath, OfficesPath + "/" + demo.DistrictDesk, ProceduresPath, ProceduresPath + "/1.001193",
		CalendarPath, AccountsPath, AccountsPath + "/desk.xuanloc", AccountsPath + "/admin.xuanloc/mat-khau",
		AccountsPath + "/admin.xuanloc/trang-thai"} {
		w := s.postAs(desk, path, url.Values{"code": {"000.18.16.H19"}, "name": {"x"}, "username": {"desk.evil"},
			"role": {"admin"}, "offices": {demo.DistrictDesk}, "password": {"taken-over-2026"}, "disabled": {"1"},
			"year": {"2026"}, "revision": {"0"}, "date": {"2026-06-01"}, "reason": {"x"}})
		wants(t, "POST "+path+" as the desk", w, http.StatusForbidden, "chỉ dành cho quản trị viên")
	}
	acc, _, err := s.st.Account(context.Background(), "admin.xuanloc")
	if err != nil || acc.Disabled {
		t.Errorf("the desk disabled the administrator: %+v %v", acc, err)
	}
	if _, ok, _ := s.st.Account(context.Background(), "desk.evil"); ok {
		t.Error("the desk created an account")
	}
}

// TestAnOpenSessionEndsWithTheAdminRole: the session is a signed token that outlives
// a change of the account, so the pages look the account up: an administrator
// disabled, or no longer an administrator, is turned away at the next page and signed
// out, and changes nothing meanwhile.
func TestAnOpenSessionEndsWithTheAdminRole(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	w := s.post(AccountsPath, url.Values{"username": {"admin.two"}, "role": {"admin"}, "offices": {demo.DistrictDesk},
		"password": {"admin-two-2026"}})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	two := s.as("admin.two", auth.RoleAdmin)
	wants(t, "the second administrator", s.get(HomePath, two), http.StatusOK, "Tài khoản cán bộ")

	if w := s.post(AccountsPath+"/admin.two/trang-thai", url.Values{"disabled": {"1"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("disable: %d %s", w.Code, w.Body)
	}
	w = s.get(HomePath, two)
	wants(t, "disabled", w, http.StatusForbidden, "không còn quyền quản trị", `href="/dang-nhap"`)
	if !clearsSession(w) {
		t.Error("the disabled administrator's session is not cleared")
	}
	w = s.postAs(two, AccountsPath+"/admin.xuanloc/trang-thai", url.Values{"disabled": {"1"}})
	wants(t, "disabled, disabling another", w, http.StatusForbidden)
	if acc, _, _ := s.st.Account(ctx, "admin.xuanloc"); acc.Disabled {
		t.Error("a disabled administrator locked the other out")
	}

	// Enabled again but made a desk officer: the same.
	if w := s.post(AccountsPath+"/admin.two/trang-thai", url.Values{"disabled": {"0"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("enable: %d %s", w.Code, w.Body)
	}
	if w := s.post(AccountsPath+"/admin.two", url.Values{"role": {"desk"}, "offices": {demo.DistrictDesk}}); w.Code != http.StatusSeeOther {
		t.Fatalf("change: %d %s", w.Code, w.Body)
	}
	wants(t, "no longer an administrator", s.get(AccountsPath, two), http.StatusForbidden, "không còn quyền quản trị")
	wants(t, "an account that does not exist", s.get(HomePath, s.as("nobody.here", auth.RoleAdmin)), http.StatusForbidden)
}

// clearsSession reports whether w deletes the session cookie.
func clearsSession(w *httptest.ResponseRecorder) bool {
	for _, c := range w.Result().Cookies() {
		if c.Name == session.CookieName && c.MaxAge < 0 {
			return true
		}
	}
	return false
}

// TestARefusedRemovalSaysWhy: a day's remove button has no field of its own to
// show an error beside, so the reason is the page's error.
func TestARefusedRemovalSaysWhy(t *testing.T) {
	s := newSite(t)
	remove := url.Values{"year": {"2026"}, "revision": {"0"}, "kind": {"working"}, "op": {"remove"}, "date": {"2026-06-06"}}
	wants(t, "removing a day not listed", s.post(CalendarPath, remove), http.StatusUnprocessableEntity,
		`id="error"`, "Ngày này không có trong danh sách")
}

// TestTheDatabaseDown: with the database unreachable, every page says the service is
// busy (503), never a blank 500.
func TestTheDatabaseDown(t *testing.T) {
	s := newSite(t)
	s.down()
	for _, path := range []string{HomePath, OfficesPath, ProceduresPath, AccountsPath, AccountsPath + "/desk.xuanloc"} {
		wants(t, path, s.get(path, s.as(admin.user, admin.role)), http.StatusServiceUnavailable, "Hệ thống đang bận")
	}
	w := s.post(AccountsPath, url.Values{"username": {"desk.new"}, "role": {"desk"}, "offices": {demo.DistrictDesk},
		"password": {"desk-new-2026"}})
	wants(t, "a form", w, http.StatusServiceUnavailable, "Hệ thống đang bận")
}

// TestLongEntriesShownBackStayText: a search or a username cut to its field's length
// is cut between letters, not inside one.
func TestLongEntriesShownBackStayText(t *testing.T) {
	s := newSite(t)
	w := s.get(ProceduresPath+"?q="+url.QueryEscape(strings.Repeat("a", 199)+"ệ"), s.as(admin.user, admin.role))
	wants(t, "a long search", w, http.StatusOK, `value="`+strings.Repeat("a", 199)+`"`)
	w = s.post(AccountsPath, url.Values{"username": {strings.Repeat("a", 63) + "ệ"}, "role": {"desk"}})
	wants(t, "a long username", w, http.StatusUnprocessableEntity, `value="`+strings.Repeat("a", 63)+`"`)
}
