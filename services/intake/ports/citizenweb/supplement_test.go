package citizenweb

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/dossier"
)

// TestSupplementFromTheLookup: the form of the lookup page sends the missing papers of
// a dossier the desk asked about; the lookup opens again saying so; a wrong PIN is not
// told from a missing dossier; an empty supplement is told beside the note; a dossier
// not waiting for one says so.
func TestSupplementFromTheLookup(t *testing.T) {
	s := newSite(t)
	code, pin := s.submitted("minh@example.vn", "form-key-5555555555555555")

	send := func(pin, note string, files ...file) *http.Response {
		fields := [][2]string{{"code", code}, {"pin", pin}, token(), {"idem", "supplement-key-0123456789"}, {"note", note}}
		return s.postMultipart(SupplementPath, fields, append(files, file{"files", "", nil})).Result()
	}
	if r := send(pin, "Bản sao sổ hộ khẩu", file{"files", "ho-khau.pdf", pdf("c")}); r.StatusCode != http.StatusConflict {
		t.Errorf("before any request: %d", r.StatusCode)
	}
	if _, _, err := s.processor.Act(context.Background(), desk, code, dossier.ActRequestSupplement,
		dossier.Command{Reason: "Thiếu bản sao sổ hộ khẩu",
			Items: []dossier.Document{{Name: "Bản sao sổ hộ khẩu", Kind: dossier.Copy, Copies: 1}}}, app.Idempotency{}); err != nil {
		t.Fatal(err)
	}
	wrong := s.postMultipart(SupplementPath, [][2]string{{"code", code}, {"pin", "WRONGPIN00"}, token(), {"note", "x"}}, nil)
	missing := s.postMultipart(SupplementPath, [][2]string{{"code", "000.00.16.H19-200101-9999"}, {"pin", "WRONGPIN00"}, token(), {"note", "x"}}, nil)
	wants(t, "a wrong PIN", wrong, http.StatusNotFound, "Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này")
	if missing.Code != http.StatusNotFound ||
		strings.ReplaceAll(missing.Body.String(), "000.00.16.H19-200101-9999", code) != wrong.Body.String() {
		t.Errorf("a missing dossier is told from a wrong PIN: %d\n%s", missing.Code, missing.Body)
	}
	if strings.Contains(wrong.Body.String(), `id="supplement-form"`) {
		t.Error("the form is drawn again for a wrong PIN")
	}
	wants(t, "empty", s.postMultipart(SupplementPath, [][2]string{{"code", code}, {"pin", pin}, token(), {"note", " "}},
		[]file{{"files", "", nil}}), http.StatusUnprocessableEntity, `id="note-error"`, `name="pin" value="`+pin+`"`)

	r := send(pin, "Bản sao sổ hộ khẩu", file{"files", "ho-khau.pdf", pdf("c")}, file{"files", "ho-khau-2.jpg", []byte("\xff\xd8\xff\xe0 a photo")})
	to, _ := url.Parse(r.Header.Get("Location"))
	if r.StatusCode != http.StatusSeeOther || to.Path != LookupPath || to.Query().Get("code") != code || to.Query().Get("pin") != pin ||
		to.Query().Get(SentParam) != "1" {
		t.Fatalf("sent: %d %q", r.StatusCode, r.Header.Get("Location"))
	}
	var status string
	var files int
	if err := s.pool.QueryRow(context.Background(), `SELECT d.status, (SELECT count(*) FROM dossier_files f WHERE f.dossier_id = d.id AND purpose = 'supplement')
		FROM dossiers d WHERE d.code = $1`, code).Scan(&status, &files); err != nil {
		t.Fatal(err)
	}
	if status != "submitted" || files != 2 {
		t.Errorf("after the supplement: %s with %d files", status, files)
	}
}
