package servicetest

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/platform/web/csrf"
)

// post sends a page's form to path with the form's token.
func (p *pageClient) post(t *testing.T, path string, form url.Values) pageAnswer {
	t.Helper()
	form.Set(csrf.FieldName, p.token)
	r, err := http.NewRequest(http.MethodPost, p.e.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return p.do(t, r)
}

// TestHandoverPages drives the hand-over records through the pages: the postal worker
// types and scans the numbers in one box and draws the record up; the desk's clerk
// finds it among the records of the desk, signs it on the screen and it is confirmed;
// each side reads and prints it, and the refusals are told in words.
func TestHandoverPages(t *testing.T) {
	e := start(t)
	tns, _ := e.onTheWay(t, 3, 3001)
	worker, clerk := e.pages(t, "postal.xuanloc"), e.pages(t, "desk.xuanloc")

	form := worker.get(t, "/buu-chinh/ban-giao")
	form.expect(t, "the new record's form", http.StatusOK, `id="give-form"`, `<option value="`+districtDesk+`"`,
		"Bộ phận Một cửa huyện Xuân Lộc (3 bưu gửi chờ giao)", `name="key" value="`)
	key := strings.SplitN(strings.SplitN(form.Body, `name="key" value="`, 2)[1], `"`, 2)[0]

	// A mistyped number is told beside the box, which keeps what was typed.
	typed := tns[0] + "\n" + strings.ToLower(tns[1]) + ", " + wrongCheckDigit(tns[2])
	bad := worker.post(t, "/buu-chinh/ban-giao", url.Values{"to_office": {districtDesk}, "tracking_numbers": {typed}, "key": {key}})
	bad.expect(t, "a mistyped number", http.StatusUnprocessableEntity, `id="tracking_numbers-error"`, "Số hiệu thứ 3 (",
		strings.ToLower(tns[1]))

	typed = tns[0] + "\n" + strings.ToLower(tns[1]) + ", " + tns[2] + "\n"
	given := worker.post(t, "/buu-chinh/ban-giao", url.Values{"to_office": {districtDesk}, "tracking_numbers": {typed}, "key": {key}})
	if given.Status != http.StatusSeeOther || !strings.HasPrefix(given.Location, "/ban-giao/") || !strings.HasSuffix(given.Location, "?done=given") {
		t.Fatalf("the record drawn up: %d %q %s", given.Status, given.Location, given.Body)
	}
	page := strings.TrimSuffix(given.Location, "?done=given")
	again := worker.post(t, "/buu-chinh/ban-giao", url.Values{"to_office": {districtDesk}, "tracking_numbers": {typed}, "key": {key}})
	if again.Location != given.Location {
		t.Errorf("the same form sent twice: %q, then %q", given.Location, again.Location)
	}
	if n := e.count(t, "SELECT count(*) FROM handovers"); n != 1 {
		t.Errorf("%d records for one form", n)
	}

	worker.get(t, given.Location).expect(t, "the worker's record", http.StatusOK, "Đã lập biên bản số", "Chờ bên nhận xác nhận",
		tns[2], `id="waiting-receiver"`)
	if strings.Contains(worker.get(t, page).Body, `id="confirm-form"`) {
		t.Error("the giving side is offered the confirmation")
	}

	// The desk's clerk finds it among the desk's records and signs it.
	list := clerk.get(t, "/ban-giao")
	list.expect(t, "the desk's records", http.StatusOK, page, "Chờ bên nhận xác nhận", "Bưu điện huyện Xuân Lộc → Bộ phận Một cửa huyện Xuân Lộc")
	if strings.Contains(list.Body, `id="queue"`) || !strings.Contains(list.Body, `href="/mot-cua"`) {
		t.Error("the desk's page carries the worker's queue, or does not lead home to the desk")
	}
	clerk.get(t, page).expect(t, "the record to confirm", http.StatusOK, `id="confirm-form"`, `id="signature-pad"`,
		"Xác nhận đã nhận đủ 3 bưu gửi")
	unsigned := clerk.post(t, page, url.Values{"signature_png": {""}})
	unsigned.expect(t, "no signature", http.StatusUnprocessableEntity, `id="signature-error"`, "Mời cán bộ bên nhận ký")
	worker.post(t, page, url.Values{"signature_png": {signatureURL()}}).expect(t, "the worker confirming", http.StatusForbidden,
		"cán bộ một cửa, cơ quan nhận xác nhận")
	signed := clerk.post(t, page, url.Values{"signature_png": {signatureURL()}})
	if signed.Status != http.StatusSeeOther || signed.Location != page+"?done=confirmed" {
		t.Fatalf("the signed record: %d %q %s", signed.Status, signed.Location, signed.Body)
	}
	clerk.get(t, signed.Location).expect(t, "the confirmed record", http.StatusOK, "Đã xác nhận biên bản: 3 bưu gửi",
		"Bên nhận đã xác nhận", "desk.xuanloc ·")
	for _, tn := range tns {
		if v := e.get(t, "desk.xuanloc", tn); v.Status != "delivered" {
			t.Errorf("%s is %s", tn, v.Status)
		}
	}
	worker.get(t, "/buu-chinh/buu-gui/"+tns[0]).expect(t, "a shipment handed over", http.StatusOK, `href="`+page+`"`,
		"Giao theo biên bản giao nhận")

	// Printed by either side.
	printed := worker.get(t, page+"/in")
	printed.expect(t, "the printed record", http.StatusOK, "BIÊN BẢN GIAO NHẬN BƯU GỬI", tns[1], "desk.xuanloc")
	if csp := printed.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "img-src data:") || strings.Contains(csp, "script-src") {
		t.Errorf("the printed record's policy: %q", csp)
	}
	if pdf := clerk.get(t, page+"/in?format=pdf"); pdf.Status != http.StatusOK || pdf.Header.Get("Content-Type") != "application/pdf" {
		t.Errorf("the PDF: %d %v", pdf.Status, pdf.Header)
	}

	// Others are told it does not exist, or that the pages are not theirs.
	e.pages(t, "desk.giaray").get(t, page).expect(t, "another desk", http.StatusNotFound, "Không có biên bản giao nhận này.")
	e.pages(t, "desk.giaray").get(t, "/ban-giao/not-an-id").expect(t, "no record", http.StatusNotFound)
	e.pages(t, "supervisor.xuanloc").get(t, "/ban-giao").expect(t, "a supervisor", http.StatusForbidden, "/giam-sat")
	e.pages(t, "desk.xuanloc").get(t, "/buu-chinh/ban-giao").expect(t, "a desk on the post's form", http.StatusForbidden)
	e.pages(t, "postal.giaray").get(t, "/buu-chinh/ban-giao").expect(t, "nothing to hand over", http.StatusOK, `id="nothing-waiting"`)
}
