package servicetest

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/services/platform/apitest"
)

// printForm fetches a form without the JSON checks of call: a form is HTML or PDF.
func (e *env) printForm(t *testing.T, user, code, form, query string) apitest.Reply {
	t.Helper()
	r, err := e.do("GET", "/api/v1/dossiers/"+code+"/forms/"+form+query, e.token(t, user), nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status >= 500 {
		t.Fatalf("form %s: %d %s", form, r.Status, r.Body)
	}
	return r
}

func TestForms(t *testing.T) {
	e := start(t)
	rc := e.registerAtDistrict(t)

	r := e.printForm(t, "desk.xuanloc", rc.Code, "receipt", "")
	if r.Status != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("receipt: %d %s", r.Status, r.Header.Get("Content-Type"))
	}
	html := string(r.Body)
	for _, want := range []string{rc.Code, rc.LookupPIN, "Nguyễn Văn An", "Giấy đề nghị đăng ký hộ kinh doanh",
		"Cấp Giấy xác nhận tình trạng hôn nhân", "data:image/png;base64,", "/tra-cuu?code=" + rc.Code + "&amp;pin=" + rc.LookupPIN} {
		if !strings.Contains(html, want) {
			t.Errorf("the receipt lacks %q", want)
		}
	}
	if r.Header.Get("Cache-Control") != "no-store" {
		t.Error("a form with personal data may be cached")
	}
	pdf := e.printForm(t, "desk.xuanloc", rc.Code, "receipt", "?format=pdf")
	if pdf.Status != http.StatusOK || pdf.Header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(pdf.Body, []byte("%PDF-")) {
		t.Fatalf("receipt PDF: %d %s %q", pdf.Status, pdf.Header.Get("Content-Type"), pdf.Body[:min(8, len(pdf.Body))])
	}

	// Forms that record something that has not happened are not there yet.
	for _, f := range []string{"supplement-request", "refusal", "apology"} {
		e.printForm(t, "desk.xuanloc", rc.Code, f, "").ExpectError(t, http.StatusNotFound, "form_not_available", "")
	}
	e.printForm(t, "desk.xuanloc", rc.Code, "register-of-everything", "").ExpectError(t, http.StatusNotFound, "unknown_form", "")
	e.printForm(t, "desk.xuanloc", rc.Code, "receipt", "?format=docx").ExpectError(t, http.StatusUnprocessableEntity, "invalid_format", "format")
	e.printForm(t, "desk.giaray", rc.Code, "receipt", "").ExpectError(t, http.StatusNotFound, "dossier_not_found", "")

	e.actOK(t, "desk.xuanloc", rc.Code, "transfer", map[string]any{"to_office": baoHoa, "note": "Chuyển qua giao liên"})
	e.actOK(t, "officer.baohoa", rc.Code, "accept", map[string]any{})
	e.actOK(t, "officer.baohoa", rc.Code, "request-supplement", map[string]any{
		"items": []map[string]any{{"name": "Giấy xác nhận cư trú", "kind": "certified_copy"}}, "reason": "Thiếu giấy xác nhận cư trú"})
	s := e.actOK(t, "officer.baohoa", rc.Code, "supplement", map[string]any{})
	e.actOK(t, "officer.baohoa", rc.Code, "extend", map[string]any{
		"new_due_at": s.DueAt.Add(72 * time.Hour).Format(time.RFC3339), "reason": "Chờ xác minh của công an xã"})

	// The commune prints them too: the dossier is theirs now.
	sr := string(e.printForm(t, "officer.baohoa", rc.Code, "supplement-request", "").Body)
	for _, want := range []string{"Giấy xác nhận cư trú", "Thiếu giấy xác nhận cư trú", "officer.baohoa"} {
		if !strings.Contains(sr, want) {
			t.Errorf("the supplement request lacks %q", want)
		}
	}
	ap := string(e.printForm(t, "officer.baohoa", rc.Code, "apology", "").Body)
	if !strings.Contains(ap, "Chờ xác minh của công an xã") {
		t.Error("the apology lacks its reason")
	}
	slip := e.printForm(t, "officer.baohoa", rc.Code, "control-slip", "")
	if slip.Status != http.StatusOK {
		t.Fatalf("control slip: %d", slip.Status)
	}
	for _, want := range []string{"UBND xã Bảo Hòa", "Bộ phận Một cửa huyện Xuân Lộc", "desk.xuanloc", "officer.baohoa", "Chuyển qua giao liên"} {
		if !strings.Contains(string(slip.Body), want) {
			t.Errorf("the control slip lacks %q", want)
		}
	}
	if n := e.count(t, "SELECT count(*) FROM personal_data_reads WHERE purpose LIKE 'print %'"); n < 6 {
		t.Errorf("printed forms audited: %d", n)
	}
}

// TestReceiptLinkIgnoresHost: the receipt's lookup link carries the PIN, so it is built
// from the configured public address, never from the Host a request names (a forged
// Host would put the PIN in a link to another site).
func TestReceiptLinkIgnoresHost(t *testing.T) {
	e := start(t)
	rc := e.registerAtDistrict(t)
	req, err := http.NewRequest("GET", e.URL+"/api/v1/dossiers/"+rc.Code+"/forms/receipt", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = "phishing.example"
	req.Header.Set("X-Forwarded-Proto", "https")
	req.Header.Set("Authorization", "Bearer "+e.token(t, "desk.xuanloc"))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("receipt: %d %v", res.StatusCode, err)
	}
	// The tests' intake listens on its default address, which is its public one too.
	want := "http://127.0.0.1:8081/tra-cuu?code=" + rc.Code + "&amp;pin=" + rc.LookupPIN
	if strings.Contains(string(body), "phishing.example") || !strings.Contains(string(body), want) {
		t.Errorf("the receipt's link is not %s", want)
	}
}
