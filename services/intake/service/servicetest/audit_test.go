package servicetest

import (
	"net/http"
	"strings"
	"testing"
)

// TestWhoReadADossier: an administrator learns who read a citizen's personal data and
// why, as JSON or as a spreadsheet, and what one member of staff read; nobody else may.
func TestWhoReadADossier(t *testing.T) {
	e := start(t)
	rc := e.registerAtDistrict(t)
	e.call(t, "GET", "/api/v1/dossiers/"+rc.Code, e.token(t, "desk.xuanloc"), nil).Expect(t, http.StatusOK)
	e.printForm(t, "desk.xuanloc", rc.Code, "receipt", "")
	admin := e.token(t, "admin.xuanloc")

	var got struct {
		Items []struct {
			Username    string `json:"username"`
			Purpose     string `json:"purpose"`
			DossierCode string `json:"dossier_code"`
		} `json:"items"`
	}
	e.call(t, "GET", "/api/v1/audit/reads?dossier="+rc.Code, admin, nil).Expect(t, http.StatusOK).Decode(t, &got)
	if len(got.Items) != 2 || got.Items[0].Username != "desk.xuanloc" || got.Items[0].Purpose != "view" ||
		got.Items[1].Purpose != "print receipt" || got.Items[1].DossierCode != rc.Code {
		t.Errorf("reads of the dossier: %+v", got.Items)
	}
	csv, err := e.do("GET", "/api/v1/audit/reads?dossier="+rc.Code+"&format=csv", admin, nil)
	if err != nil {
		t.Fatal(err)
	}
	if csv.Status != http.StatusOK || !strings.HasPrefix(csv.Header.Get("Content-Type"), "text/csv") ||
		strings.Count(string(csv.Body), "desk.xuanloc") != 2 || !strings.Contains(string(csv.Body), "at,username,purpose,dossier_code") {
		t.Errorf("the spreadsheet: %d %s", csv.Status, csv.Body)
	}
	e.call(t, "GET", "/api/v1/audit/reads?username=Desk.XuanLoc&since=2020-01-01", admin, nil).Expect(t, http.StatusOK).Decode(t, &got)
	if len(got.Items) != 2 {
		t.Errorf("reads by the desk: %+v", got.Items)
	}
	e.call(t, "GET", "/api/v1/audit/reads?dossier="+rc.Code, e.token(t, "desk.xuanloc"), nil).ExpectError(t, http.StatusForbidden, "forbidden", "")
	e.call(t, "GET", "/api/v1/audit/reads?dossier=000.00.16.H19-990101-0001", admin, nil).ExpectError(t, http.StatusNotFound, "dossier_not_found", "")
	e.call(t, "GET", "/api/v1/audit/reads", admin, nil).ExpectError(t, http.StatusUnprocessableEntity, "audit_subject", "dossier")
	e.call(t, "GET", "/api/v1/audit/reads?username=a&since=yesterday", admin, nil).ExpectError(t, http.StatusUnprocessableEntity, "invalid_date", "since")
}
