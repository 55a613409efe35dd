package servicetest

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/motcua/motcua/services/platform/apitest"
)

func TestSearchByApplicant(t *testing.T) {
	e := start(t)
	rc := e.registerAtDistrict(t) // applicant Nguyễn Văn An, 075123456789, 0912345678
	other := registration("000.01.16.H19")
	other["applicant"].(map[string]any)["full_name"] = "Trần Thị Bình"
	if r := e.register(t, e.token(t, "desk.giaray"), apitest.JSON(t, other)); r.Status != http.StatusCreated {
		t.Fatalf("register at Gia Ray: %d %s", r.Status, r.Body)
	}

	type hits struct {
		Items []struct {
			Code          string `json:"code"`
			ApplicantName string `json:"applicant_name"`
			StatusLabel   string `json:"status_label"`
		} `json:"items"`
	}
	search := func(user string, q url.Values) hits {
		t.Helper()
		r := e.call(t, "GET", "/api/v1/dossiers/search?"+q.Encode(), e.token(t, user), nil)
		if r.Status != http.StatusOK {
			t.Fatalf("search %v: %d %s", q, r.Status, r.Body)
		}
		var h hits
		r.Decode(t, &h)
		return h
	}
	for name, q := range map[string]url.Values{
		"name without diacritics": {"name": {"nguyen van an"}},
		"part of the name":        {"name": {"VĂN AN"}},
		"decomposed name":         {"name": {"Nguye\u0302\u0303n"}},
		"ID number":               {"id_number": {"075123456789"}},
		"phone in another form":   {"phone": {"+84 912 345 678"}},
		"name and phone":          {"name": {"an"}, "phone": {"0912.345.678"}},
	} {
		h := search("desk.xuanloc", q)
		if len(h.Items) != 1 || h.Items[0].Code != rc.Code || h.Items[0].ApplicantName != "Nguyễn Văn An" || h.Items[0].StatusLabel != "Đã tiếp nhận" {
			t.Errorf("%s: %+v", name, h.Items)
		}
	}
	if h := search("desk.xuanloc", url.Values{"name": {"binh"}}); len(h.Items) != 0 {
		t.Errorf("a dossier of another office was found: %+v", h.Items)
	}
	if h := search("desk.giaray", url.Values{"id_number": {"075123456789"}}); len(h.Items) != 1 || h.Items[0].ApplicantName != "Trần Thị Bình" {
		t.Errorf("Gia Ray sees its own dossier only: %+v", h.Items)
	}
	if h := search("desk.xuanloc", url.Values{"name": {"100%_"}}); len(h.Items) != 0 {
		t.Errorf("LIKE wildcards matched: %+v", h.Items)
	}
	if n := e.count(t, "SELECT count(*) FROM personal_data_reads WHERE purpose = 'search'"); n < 6 {
		t.Errorf("searches audited: %d", n)
	}
	tok := e.token(t, "desk.xuanloc")
	e.call(t, "GET", "/api/v1/dossiers/search", tok, nil).ExpectError(t, http.StatusUnprocessableEntity, "required", "name")
	e.call(t, "GET", "/api/v1/dossiers/search?name=a", tok, nil).ExpectError(t, http.StatusUnprocessableEntity, "too_short", "name")
	e.call(t, "GET", "/api/v1/dossiers/search?id_number=12ab", tok, nil).ExpectError(t, http.StatusUnprocessableEntity, "invalid_id_number", "id_number")
	e.call(t, "GET", "/api/v1/dossiers/search?phone=12", tok, nil).ExpectError(t, http.StatusUnprocessableEntity, "invalid_phone", "phone")
	e.call(t, "GET", "/api/v1/dossiers/search?name=%ff%fe", tok, nil)
}
