package security

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/motcua/motcua/services/allinone/server/servertest"
	"github.com/motcua/motcua/services/intake/demo"
)

// counterCodes are the dossiers the counter's dispatch slip page names by {code}, by
// variant: one the district post office took at its counter ("own" for its worker, the
// suite's postal caller), one Bảo Hòa's postal point took ("other"), and none
// ("missing").
var counterCodes = map[string]string{}

// setUpCounter has each post office's worker take a dossier of 2.000720 for the
// district desk at their counter; missing is the fixture's code that names nothing.
func setUpCounter(t *testing.T, s servertest.Served, f *fixture) {
	t.Helper()
	c := newClient(t, s.Base, "127.0.0.1")
	take := func(worker, postOffice string) string {
		a := c.do(call{method: http.MethodPost, path: "/api/v1/dossiers", token: c.token(worker, demo.Password), json: map[string]any{
			"procedure_code": "2.000720", "receiving_office": demo.DistrictDesk, "channel": "post",
			"post_office": postOffice, "seal_number": "NP-2026-000777", "postage_vnd": 26000, "fee_paid_vnd": 100000,
			"applicant":       map[string]string{"full_name": "Lê Văn Cường", "phone": "0912345679"},
			"documents":       []map[string]any{{"name": "Giấy đề nghị đăng ký hộ kinh doanh", "kind": "original"}},
			"result_delivery": map[string]string{"method": "post_office", "post_office": postOffice},
		}})
		var r struct {
			Code string `json:"code"`
		}
		if a.status != http.StatusCreated || json.Unmarshal([]byte(a.body), &r) != nil {
			t.Fatalf("%s takes a dossier at the counter: %s", worker, a)
		}
		return r.Code
	}
	counterCodes[own] = take("postal.xuanloc", demo.DistrictPostOffice)
	counterCodes[other] = take("postal.baohoa", demo.PostOfficeOf("000.02.16.H19"))
	counterCodes[missing] = f.missingCode
}
