package servicetest

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/waitfor"
)

type accountAnswer struct {
	Username string   `json:"username"`
	Role     string   `json:"role"`
	Offices  []string `json:"offices"`
	Disabled bool     `json:"disabled"`
	Email    *string  `json:"email"`
}

// TestAccountsByAPI: an administrator lists, creates and changes staff accounts and
// resets a password through the API; every change that matters ends the account's
// tokens, and only administrators may do any of it.
func TestAccountsByAPI(t *testing.T) {
	e := start(t)
	admin := e.token(t, "admin.xuanloc")
	signIn := func(user, password string) apitest.Reply {
		return e.call(t, "POST", "/api/v1/auth/token", "", apitest.JSON(t, map[string]string{"username": user, "password": password}))
	}
	token := func(user, password string) string {
		var tok struct {
			AccessToken string `json:"access_token"`
		}
		signIn(user, password).Expect(t, http.StatusOK).Decode(t, &tok)
		return tok.AccessToken
	}
	search := func(tok string) int { return e.call(t, "GET", "/api/v1/dossiers/search?name=an", tok, nil).Status }

	e.call(t, "GET", "/api/v1/accounts", e.token(t, "desk.xuanloc"), nil).ExpectError(t, http.StatusForbidden, "forbidden", "")
	e.call(t, "GET", "/api/v1/accounts", "", nil).ExpectError(t, http.StatusUnauthorized, "unauthorized", "")
	var list []accountAnswer
	e.call(t, "GET", "/api/v1/accounts", admin, nil).Expect(t, http.StatusOK).Decode(t, &list)
	if len(list) != len(demo.Accounts()) {
		t.Errorf("%d accounts listed, want the demo's %d", len(list), len(demo.Accounts()))
	}

	body := map[string]any{"username": " Lan.Tran ", "role": "desk", "offices": []string{demo.DistrictDesk}, "password": "a long enough password"}
	var made accountAnswer
	e.call(t, "POST", "/api/v1/accounts", admin, apitest.JSON(t, body)).Expect(t, http.StatusCreated).Decode(t, &made)
	if made.Username != "lan.tran" || made.Role != "desk" || len(made.Offices) != 1 || made.Disabled || made.Email != nil {
		t.Errorf("created: %+v", made)
	}
	e.call(t, "POST", "/api/v1/accounts", admin, apitest.JSON(t, body)).ExpectError(t, http.StatusUnprocessableEntity, "username_taken", "username")
	for field, bad := range map[string]map[string]any{
		"role":     {"username": "an.le", "role": "boss", "offices": []string{demo.DistrictDesk}, "password": "a long enough password"},
		"offices":  {"username": "an.le", "role": "desk", "offices": []string{"999.99.99.Z99"}, "password": "a long enough password"},
		"password": {"username": "an.le", "role": "desk", "offices": []string{demo.DistrictDesk}, "password": "short"},
		"username": {"username": "an le", "role": "desk", "offices": []string{demo.DistrictDesk}, "password": "a long enough password"},
		"email":    {"username": "an.le", "role": "desk", "offices": []string{demo.DistrictDesk}, "password": "a long enough password", "email": "an.le@"},
	} {
		r := e.call(t, "POST", "/api/v1/accounts", admin, apitest.JSON(t, bad))
		if r.Status != http.StatusUnprocessableEntity || r.APIError(t).Error.Field != field || r.APIError(t).Error.Message == "" {
			t.Errorf("a bad %s: %d %s", field, r.Status, r.Body)
		}
	}

	lan := token("lan.tran", "a long enough password")
	if got := search(lan); got != http.StatusOK {
		t.Fatalf("the new account searches: %d", got)
	}
	// An e-mail address, given, kept in lower case, shown, and taken away with ""; a
	// PATCH without it leaves it; the account's token goes on.
	var mailed accountAnswer
	e.call(t, "PATCH", "/api/v1/accounts/lan.tran", admin, apitest.JSON(t, map[string]any{"email": " Lan.Tran@Mot-Cua.example.vn"})).
		Expect(t, http.StatusOK).Decode(t, &mailed)
	if mailed.Email == nil || *mailed.Email != "lan.tran@mot-cua.example.vn" || mailed.Role != "desk" {
		t.Errorf("given an address: %+v", mailed)
	}
	e.call(t, "PATCH", "/api/v1/accounts/lan.tran", admin, apitest.JSON(t, map[string]any{"email": "lan.tran"})).
		ExpectError(t, http.StatusUnprocessableEntity, "email_format", "email")
	e.call(t, "GET", "/api/v1/accounts", admin, nil).Expect(t, http.StatusOK).Decode(t, &list)
	for _, a := range list {
		if want := a.Username + "@mot-cua.example.vn"; a.Username == "lan.tran" && (a.Email == nil || *a.Email != want) {
			t.Errorf("listed: %+v, want the address %s", a, want)
		}
	}
	if got := search(lan); got != http.StatusOK {
		t.Errorf("a new address ended the account's token: %d", got)
	}
	e.call(t, "PATCH", "/api/v1/accounts/lan.tran", admin, apitest.JSON(t, map[string]any{"email": ""})).
		Expect(t, http.StatusOK).Decode(t, &mailed)
	if mailed.Email != nil {
		t.Errorf("the address taken away: %+v", mailed)
	}
	var withAddress accountAnswer
	body = map[string]any{"username": "an.le", "role": "officer", "offices": []string{demo.DistrictDesk}, "password": "a long enough password",
		"email": "An.Le@Mot-Cua.example.vn"}
	e.call(t, "POST", "/api/v1/accounts", admin, apitest.JSON(t, body)).Expect(t, http.StatusCreated).Decode(t, &withAddress)
	if withAddress.Email == nil || *withAddress.Email != "an.le@mot-cua.example.vn" {
		t.Errorf("created with an address: %+v", withAddress)
	}
	// Offices changed: the token that named the old ones ends; the role stays.
	var changed accountAnswer
	e.call(t, "PATCH", "/api/v1/accounts/lan.tran", admin, apitest.JSON(t, map[string]any{"offices": []string{demo.DistrictDesk, demo.LandOffice}})).
		Expect(t, http.StatusOK).Decode(t, &changed)
	if changed.Role != "desk" || len(changed.Offices) != 2 {
		t.Errorf("changed: %+v", changed)
	}
	waitfor.Until(t, "the token of the old offices refused", func() bool { return search(lan) == http.StatusUnauthorized })

	// A reset: the new password signs in, the old one no longer.
	e.call(t, "POST", "/api/v1/accounts/lan.tran/password", admin, apitest.JSON(t, map[string]string{"password": "another long password"})).
		Expect(t, http.StatusNoContent)
	signIn("lan.tran", "a long enough password").ExpectError(t, http.StatusUnauthorized, "unauthorized", "")
	lan = token("lan.tran", "another long password")

	// Disabled: no sign-in, and the token in hand ends.
	e.call(t, "PATCH", "/api/v1/accounts/lan.tran", admin, apitest.JSON(t, map[string]any{"disabled": true})).Expect(t, http.StatusOK)
	signIn("lan.tran", "another long password").ExpectError(t, http.StatusUnauthorized, "unauthorized", "")
	waitfor.Until(t, "the disabled account's token refused", func() bool { return search(lan) == http.StatusUnauthorized })

	e.call(t, "PATCH", "/api/v1/accounts/nobody.here", admin, apitest.JSON(t, map[string]any{"disabled": true})).
		ExpectError(t, http.StatusNotFound, "account_not_found", "")
	e.call(t, "PATCH", "/api/v1/accounts/admin.xuanloc", admin, apitest.JSON(t, map[string]any{"disabled": true})).
		ExpectError(t, http.StatusUnprocessableEntity, "disable_self", "disabled")
}

// TestOfficesAndProceduresByAPI: an administrator adds an office and a procedure and
// changes them through the API, with the fields of their GET; a desk registers a
// dossier for the new procedure at once.
func TestOfficesAndProceduresByAPI(t *testing.T) {
	e := start(t)
	admin := e.token(t, "admin.xuanloc")
	office := map[string]any{"code": "000.88.16.H19", "name": "UBND xã Xuân Hòa", "kind": "commune_centre",
		"parent_code": demo.DistrictDesk, "address": "Ấp 1, xã Xuân Hòa", "post_office_code": demo.DistrictPostOffice}
	e.call(t, "POST", "/api/v1/offices", e.token(t, "desk.xuanloc"), apitest.JSON(t, office)).ExpectError(t, http.StatusForbidden, "forbidden", "")
	var o map[string]any
	e.call(t, "POST", "/api/v1/offices", admin, apitest.JSON(t, office)).Expect(t, http.StatusCreated).Decode(t, &o)
	if o["code"] != "000.88.16.H19" || o["post_office_code"] != demo.DistrictPostOffice || o["kind"] != "commune_centre" {
		t.Errorf("created office: %v", o)
	}
	e.call(t, "POST", "/api/v1/offices", admin, apitest.JSON(t, office)).ExpectError(t, http.StatusUnprocessableEntity, "code_taken", "code")
	e.call(t, "PATCH", "/api/v1/offices/000.88.16.H19", admin, apitest.JSON(t, map[string]any{"name": "UBND xã Xuân Hòa (mới)", "post_office_code": nil})).
		Expect(t, http.StatusOK).Decode(t, &o)
	if o["name"] != "UBND xã Xuân Hòa (mới)" || o["post_office_code"] != nil || o["address"] != "Ấp 1, xã Xuân Hòa" {
		t.Errorf("changed office: %v", o)
	}
	e.call(t, "PATCH", "/api/v1/offices/000.88.16.H19", admin, apitest.JSON(t, map[string]any{"code": "000.87.16.H19"})).
		ExpectError(t, http.StatusUnprocessableEntity, "code_fixed", "code")
	e.call(t, "PATCH", "/api/v1/offices/000.77.16.H19", admin, apitest.JSON(t, map[string]any{"name": "x"})).
		ExpectError(t, http.StatusNotFound, "entry_not_found", "")

	procedure := map[string]any{"code": "9.000001", "name": "Thủ tục thử nghiệm", "decided_by_kind": "district_desk",
		"time_limit_hours": 24, "fee_vnd": 50000, "fee_varies": false}
	var p map[string]any
	e.call(t, "POST", "/api/v1/procedures", admin, apitest.JSON(t, procedure)).Expect(t, http.StatusCreated).Decode(t, &p)
	if p["code"] != "9.000001" || p["time_limit_hours"] != float64(24) {
		t.Errorf("created procedure: %v", p)
	}
	reg := registration(demo.DistrictDesk)
	reg["procedure_code"] = "9.000001"
	reg["fee_paid_vnd"] = 50000
	e.register(t, e.token(t, "desk.xuanloc"), apitest.JSON(t, reg)).Expect(t, http.StatusCreated)
	e.call(t, "PATCH", "/api/v1/procedures/9.000001", admin, apitest.JSON(t, map[string]any{"time_limit_hours": -1})).
		ExpectError(t, http.StatusUnprocessableEntity, "limit_range", "time_limit_hours")
	e.call(t, "PATCH", "/api/v1/procedures/9.000001", admin, apitest.JSON(t, map[string]any{"time_limit_hours": 40})).
		Expect(t, http.StatusOK).Decode(t, &p)
	if p["time_limit_hours"] != float64(40) || p["name"] != "Thủ tục thử nghiệm" {
		t.Errorf("changed procedure: %v", p)
	}

	// A new procedure is offered online with no documents; the documents sent replace
	// the list, a change that leaves them out keeps them, and a bad one is told by row.
	if p["online"] != true || len(p["documents"].([]any)) != 0 {
		t.Errorf("the new procedure: online %v, documents %v", p["online"], p["documents"])
	}
	docs := []map[string]any{
		{"name": "Tờ khai theo mẫu", "kind": "original", "copies": 1, "required": true},
		{"name": "Bản sao căn cước", "kind": "copy", "copies": 1, "required": false},
	}
	e.call(t, "PATCH", "/api/v1/procedures/9.000001", admin, apitest.JSON(t, map[string]any{"documents": docs, "online": false})).
		Expect(t, http.StatusOK).Decode(t, &p)
	e.call(t, "PATCH", "/api/v1/procedures/9.000001", admin, apitest.JSON(t, map[string]any{"fee_vnd": 60000})).
		Expect(t, http.StatusOK).Decode(t, &p)
	if got, _ := json.Marshal(p["documents"]); p["online"] != false || string(got) != string(mustJSON(t, docs)) {
		t.Errorf("documents %s, online %v", got, p["online"])
	}
	docs[1]["kind"] = "photo"
	e.call(t, "PATCH", "/api/v1/procedures/9.000001", admin, apitest.JSON(t, map[string]any{"documents": docs})).
		ExpectError(t, http.StatusUnprocessableEntity, "document_kind", "documents[1].kind")
}

// mustJSON is v as JSON.
func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
