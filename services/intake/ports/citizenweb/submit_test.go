package citizenweb

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// pdf is a file judged a PDF by its content.
func pdf(text string) []byte { return []byte("%PDF-1.7\n% " + text + "\n%%EOF\n") }

// application is the household business form as a citizen fills it, with key as its
// idempotency key.
func application(key string) [][2]string {
	return [][2]string{token(), {"idem", key}, {"full_name", "Lê Thị Hoa"}, {"id_number", "079912345679"},
		{"phone", "0912 345 678"}, {"address", "Ấp 3, xã Xuân Hiệp"}, {"receiving_office", "000.00.16.H19"},
		{"delivery", "desk"}, {"declaration", "1"}}
}

// TestSubmitOnline: the application with a file for each required document is
// submitted as the citizen whose address the cookie proves: the code and PIN are shown,
// with the link to follow the dossier (the notifier mails them too: the service's and
// the contract's tests show it); the same form sent again (a double click, a reload)
// makes no second dossier.
func TestSubmitOnline(t *testing.T) {
	s := newSite(t)
	cookie := s.prove("hoa.le@example.vn", "2.000720")
	const key = "form-key-0123456789abcdef"
	files := []file{{"file-0", "de-nghi.pdf", pdf("giấy đề nghị")}, {"file-1", "can-cuoc.pdf", pdf("căn cước")},
		{"file-2", "", nil}, {"file-3", "", nil}}
	w := s.postMultipart(ProcedurePath+"2.000720", application(key), files, cookie)
	wants(t, "submitted", w, http.StatusCreated, `id="dossier-code">000.00.16.H19-`, `id="lookup-pin">`,
		`id="status">Mới đăng ký, chờ tiếp nhận`, "de-nghi.pdf", "can-cuoc.pdf", "thư điện tử hoa.le@example.vn",
		`id="lookup-link" href="/tra-cuu?code=000.00.16.H19-`)
	code, pin := shownCode(t, w.Body.String())
	again := s.postMultipart(ProcedurePath+"2.000720", application(key), files, cookie)
	wants(t, "sent again", again, http.StatusCreated, `id="dossier-code">`+code+`<`, `id="lookup-pin">`+pin+`<`)
	var n int
	var channel, docs string
	if err := s.pool.QueryRow(context.Background(), `SELECT count(*), min(channel), min(documents::text) FROM dossiers`).Scan(&n, &channel, &docs); err != nil {
		t.Fatal(err)
	}
	if n != 1 || channel != "online" || !strings.Contains(docs, "Giấy đề nghị đăng ký hộ kinh doanh") || strings.Contains(docs, "Biên bản") {
		t.Errorf("%d dossiers, channel %s, documents %s", n, channel, docs)
	}
}

// TestSubmitTellsEachField: what is wrong is told beside its input, the form filled
// again: a required document without a file, the declaration not ticked, a file that
// is not a PDF, JPEG or PNG, an ID number of the wrong shape; without a proof of the
// address the page asks for it again; a form without its CSRF token keeps nothing.
func TestSubmitTellsEachField(t *testing.T) {
	s := newSite(t)
	cookie := s.prove("0912345678", "2.000720")
	form := application("form-key-fedcba9876543210")
	form[len(form)-1] = [2]string{"declaration", ""}
	w := s.postMultipart(ProcedurePath+"2.000720", form, []file{{"file-0", "de-nghi.pdf", pdf("x")}}, cookie)
	wants(t, "missing", w, http.StatusUnprocessableEntity, `id="file-1-error"`, "Hãy đính kèm tệp cho giấy tờ bắt buộc",
		`id="declaration-error"`, `value="Lê Thị Hoa"`, "Hồ sơ chưa được nộp", `name="email"`)

	html := []file{{"file-0", "de-nghi.pdf", []byte("<html><body>not a pdf</body></html>")}, {"file-1", "cc.png", pdf("y")}}
	wants(t, "an HTML file named .pdf", s.postMultipart(ProcedurePath+"2.000720", application("form-key-1111111111111111"), html, cookie),
		http.StatusUnprocessableEntity, `id="file-0-error"`, "không phải PDF, JPEG hay PNG", `aria-invalid="true"`)

	form = application("form-key-2222222222222222")
	form[3] = [2]string{"id_number", "12345"}
	wants(t, "a bad ID number", s.postMultipart(ProcedurePath+"2.000720", form,
		[]file{{"file-0", "a.pdf", pdf("a")}, {"file-1", "b.pdf", pdf("b")}}, cookie),
		http.StatusUnprocessableEntity, `id="id_number-error"`, `value="12345"`)

	w = s.postMultipart(ProcedurePath+"2.000720", application("form-key-3333333333333333"), []file{{"file-0", "a.pdf", pdf("a")}})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != ProcedurePath+"2.000720?het-han=1" {
		t.Errorf("without the proof: %d %q", w.Code, w.Header().Get("Location"))
	}
	wants(t, "asked again", s.get(ProcedurePath+"2.000720?het-han=1"), http.StatusOK, "Phiên xác thực địa chỉ đã hết hạn", `id="verify-form"`)

	forged := application("form-key-4444444444444444")[1:]
	wants(t, "no CSRF token", s.postMultipart(ProcedurePath+"2.000720", forged, []file{{"file-0", "a.pdf", pdf("a")}}, cookie),
		http.StatusForbidden, "Phiên biểu mẫu đã hết hạn")
	var n int
	if err := s.pool.QueryRow(context.Background(), `SELECT count(*) FROM dossiers`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d dossiers (%v)", n, err)
	}
}
