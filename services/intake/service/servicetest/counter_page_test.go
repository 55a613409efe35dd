package servicetest

import (
	"html"
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/s10"
)

// counterForm is the counter page's form of 2.000720 filled at the Bảo Hòa postal
// point for the district desk, the result to be collected back there.
func counterForm(idem string) url.Values {
	return url.Values{"idem": {idem}, "procedure_code": {"2.000720"}, "post_office": {demo.PostOfficeOf(baoHoa)},
		"receiving_office": {demo.DistrictDesk}, "doc": {"0", "1"}, "full_name": {"Lê Văn Cường"},
		"id_number": {"075123456781"}, "phone": {"0912 345 679"}, "seal_number": {"NP-2026-000451"},
		"postage_vnd": {"26.000"}, "fee_paid_vnd": {"100.000"}, "delivery": {"post_office"}}
}

// with is form with the fields of change set (an empty value removes the field).
func with(form url.Values, change url.Values) url.Values {
	out := maps.Clone(form)
	for k, v := range change {
		if len(v) == 1 && v[0] == "" {
			delete(out, k)
			continue
		}
		out[k] = v
	}
	return out
}

var shownValue = regexp.MustCompile(`id="(dossier-code|lookup-pin|tracking-number)">([^<]*)<`)

// TestCounterPage: a postal worker takes a dossier at their post office's counter on the
// pages: the procedure found by a few words, its checklist, fee and postage filled in,
// the desk it goes to chosen; the refusals (another role, another post office, a required
// paper missing, a bad seal) beside their field; then the code, PIN and pickup number
// with the dispatch slip, which only that post office prints.
func TestCounterPage(t *testing.T) {
	e := start(t)
	const worker = "postal.baohoa"

	for _, user := range []string{"desk.xuanloc", "officer.xuanloc"} {
		for _, path := range []string{"/buu-chinh/quay", "/buu-chinh/quay?thu-tuc=2.000720"} {
			if p := e.page(t, user, path, nil); p.status != http.StatusForbidden || !strings.Contains(p.body, "dành cho nhân viên bưu điện") {
				t.Errorf("%s opens %s: %d", user, path, p.status)
			}
		}
		if p := e.page(t, user, "/buu-chinh/quay", counterForm("desk-tries-the-counter-1")); p.status != http.StatusForbidden {
			t.Errorf("%s registers at the counter: %d", user, p.status)
		}
	}

	found := e.page(t, worker, "/buu-chinh/quay?q=ho+kinh+doanh", nil)
	if found.status != http.StatusOK || !strings.Contains(found.body, `href="/buu-chinh/quay?thu-tuc=2.000720"`) ||
		strings.Contains(found.body, "thu-tuc=1.001193") {
		t.Fatalf("finding 'ho kinh doanh': %d %s", found.status, found.body)
	}
	form := e.page(t, worker, "/buu-chinh/quay?thu-tuc=2.000720", nil)
	for _, want := range []string{`name="post_office" value="` + demo.PostOfficeOf(baoHoa) + `"`,
		`<option value="` + demo.DistrictDesk + `" selected>`, // the one desk that receives a district's procedure
		`id="doc-0" name="doc" value="0" checked>`, `id="doc-1" name="doc" value="1" checked>`, `id="doc-2" name="doc" value="2">`,
		`id="fee_paid_vnd" name="fee_paid_vnd" type="text" value="100.000"`, `id="postage_vnd" name="postage_vnd" type="text" value="26.000"`,
		`id="delivery-post_office" name="delivery" value="post_office" checked>`} {
		if !strings.Contains(form.body, want) {
			t.Errorf("the form of 2.000720 lacks %s", want)
		}
	}
	if form.status != http.StatusOK {
		t.Fatalf("the form of 2.000720: %d %s", form.status, form.body)
	}
	// A commune's procedure goes to the commune the post office serves.
	if p := e.page(t, worker, "/buu-chinh/quay?thu-tuc=1.001193", nil); !strings.Contains(p.body, `<option value="`+baoHoa+`" selected>`) {
		t.Errorf("the desk for a birth registration at Bảo Hòa's postal point: %s", p.body)
	}
	if p := e.page(t, worker, "/buu-chinh/quay?thu-tuc=9.999999", nil); p.status != http.StatusNotFound {
		t.Errorf("an unknown procedure: %d", p.status)
	}

	// The refusals, each beside its field, what was typed kept.
	for _, c := range []struct {
		what    string
		change  url.Values
		status  int
		field   string
		message string
	}{
		{"another post office", url.Values{"post_office": {demo.DistrictPostOffice}}, http.StatusForbidden, "post_office",
			"Bạn chỉ tiếp nhận hồ sơ tại bưu cục của mình."},
		{"a required paper missing", url.Values{"doc": {"0"}}, http.StatusUnprocessableEntity, "documents",
			"Thiếu giấy tờ bắt buộc “Bản sao căn cước của chủ hộ kinh doanh”"},
		{"no seal", url.Values{"seal_number": {""}}, http.StatusUnprocessableEntity, "seal_number",
			"Nhập số niêm phong"},
		{"a bad seal", url.Values{"seal_number": {"NP 451"}}, http.StatusUnprocessableEntity, "seal_number",
			"Số niêm phong chỉ gồm chữ A–Z"},
		{"a postage in words", url.Values{"postage_vnd": {"hai mươi sáu nghìn"}}, http.StatusUnprocessableEntity, "postage_vnd", ""},
	} {
		p := e.page(t, worker, "/buu-chinh/quay", with(counterForm("counter-refusal-"+strings.ReplaceAll(c.what, " ", "-")), c.change))
		body := html.UnescapeString(p.body)
		if p.status != c.status || !strings.Contains(body, `id="`+c.field+`-error">`+c.message) ||
			!strings.Contains(body, `value="Lê Văn Cường"`) {
			t.Errorf("%s: %d, want %d and the message beside %s: %s", c.what, p.status, c.status, c.field, body)
		}
	}

	done := e.page(t, worker, "/buu-chinh/quay", counterForm("counter-page-first-dossier"))
	shown := map[string]string{}
	for _, m := range shownValue.FindAllStringSubmatch(done.body, -1) {
		shown[m[1]] = m[2]
	}
	code, tracking := shown["dossier-code"], shown["tracking-number"]
	tn, err := s10.Parse(tracking)
	if done.status != http.StatusOK || !strings.HasPrefix(code, demo.DistrictDesk+"-") || len(shown["lookup-pin"]) < 6 ||
		err != nil || tn.Service() != s10.ServiceFromCounter {
		t.Fatalf("registered at the counter: %d %v %s", done.status, shown, done.body)
	}
	slip := "/buu-chinh/quay/" + code + "/phieu-gui"
	if !strings.Contains(done.body, `href="`+slip+`"`) || !strings.Contains(done.body, `href="`+slip+`?format=pdf"`) {
		t.Errorf("the page links no dispatch slip: %s", done.body)
	}
	// The same form sent again (a double tap) is the same dossier.
	if again := e.page(t, worker, "/buu-chinh/quay", counterForm("counter-page-first-dossier")); !strings.Contains(again.body, `id="dossier-code">`+code+"<") {
		t.Errorf("the form sent twice: %d %s", again.status, again.body)
	}

	// The desk sees it submitted by post, the papers ticked, the fee collected.
	var d struct {
		Status     string `json:"status"`
		Channel    string `json:"channel"`
		FeePaidVND int64  `json:"fee_paid_vnd"`
		Documents  []struct {
			Name string `json:"name"`
		} `json:"documents"`
	}
	e.call(t, http.MethodGet, "/api/v1/dossiers/"+code, e.token(t, "desk.xuanloc"), nil).Decode(t, &d)
	if d.Status != "submitted" || d.Channel != "post" || d.FeePaidVND != 100000 || len(d.Documents) != 2 {
		t.Errorf("the dossier taken at the counter: %+v", d)
	}

	// The slip, as HTML and PDF, for that post office only.
	if p := e.page(t, worker, slip, nil); p.status != http.StatusOK || !strings.Contains(p.body, tracking) ||
		!strings.Contains(p.body, "NP-2026-000451") || strings.Contains(p.body, "075123456781") {
		t.Errorf("the dispatch slip: %d %s", p.status, p.body)
	}
	if p := e.page(t, worker, slip+"?format=pdf", nil); p.status != http.StatusOK || !strings.HasPrefix(p.body, "%PDF") {
		t.Errorf("the dispatch slip as PDF: %d %.40q", p.status, p.body)
	}
	if p := e.page(t, "postal.xuanloc", slip, nil); p.status != http.StatusNotFound {
		t.Errorf("another post office's worker prints the slip: %d, want 404 as for a stranger", p.status)
	}
	if p := e.page(t, "desk.xuanloc", slip, nil); p.status != http.StatusForbidden {
		t.Errorf("the desk prints the post's slip on its page: %d", p.status)
	}
}
