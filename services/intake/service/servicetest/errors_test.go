package servicetest

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
)

// testRegisterRefused sends registrations that must be refused, each with the status and
// error the contract gives, and checks that none of them left a dossier or took a number.
func testRegisterRefused(t *testing.T, e *env) {
	desk := e.token(t, "desk.xuanloc")
	valid := apitest.JSON(t, registration(demo.DistrictDesk))
	with := func(edit func(m map[string]any)) []byte {
		m := registration(demo.DistrictDesk)
		edit(m)
		return apitest.JSON(t, m)
	}
	applicant := func(m map[string]any) map[string]any { return m["applicant"].(map[string]any) }

	t.Run("who", func(t *testing.T) {
		r := e.register(t, "", valid)
		r.ExpectError(t, http.StatusUnauthorized, "unauthorized", "")
		if r.Header.Get("WWW-Authenticate") == "" {
			t.Error("401 without WWW-Authenticate")
		}
		e.register(t, "not.a.token", valid).ExpectError(t, http.StatusUnauthorized, "unauthorized", "")
		e.register(t, desk+"x", valid).ExpectError(t, http.StatusUnauthorized, "unauthorized", "")
		e.register(t, e.token(t, "officer.xuanloc"), valid).ExpectError(t, http.StatusForbidden, "forbidden", "")
		e.register(t, e.token(t, "desk.giaray"), valid).ExpectError(t, http.StatusForbidden, "forbidden", "")
	})

	t.Run("body", func(t *testing.T) {
		e.register(t, desk, []byte(`{"procedure_code": "2.000720",`)).ExpectError(t, http.StatusBadRequest, "malformed_json", "")
		e.register(t, desk, []byte(`{"procedure_code": "2.000720"} trailing`)).ExpectError(t, http.StatusBadRequest, "malformed_json", "")
		e.register(t, desk, []byte{}).ExpectError(t, http.StatusBadRequest, "empty_body", "")
		e.register(t, desk, []byte("{\"procedure_code\": \"\xff\"}")).ExpectError(t, http.StatusBadRequest, "invalid_utf8", "")
		big := with(func(m map[string]any) { applicant(m)["address"] = strings.Repeat("x", 65<<10) })
		e.register(t, desk, big).ExpectError(t, http.StatusRequestEntityTooLarge, "body_too_large", "")
		e.register(t, desk, []byte(`[]`)).ExpectError(t, http.StatusUnprocessableEntity, "wrong_type", "")
	})

	t.Run("types", func(t *testing.T) {
		for _, c := range []struct {
			body  []byte
			field string
		}{
			{with(func(m map[string]any) { m["fee_paid_vnd"] = "một trăm nghìn" }), "fee_paid_vnd"},
			{with(func(m map[string]any) { m["fee_paid_vnd"] = 1.5 }), "fee_paid_vnd"},
			{with(func(m map[string]any) { m["fee_paid_vnd"] = 1e30 }), "fee_paid_vnd"},
			{with(func(m map[string]any) { applicant(m)["full_name"] = 5 }), "applicant.full_name"},
			{with(func(m map[string]any) { m["applicant"] = "Nguyễn Văn An" }), "applicant"},
			{with(func(m map[string]any) { m["documents"] = map[string]any{} }), "documents"},
			{with(func(m map[string]any) { m["documents"] = []any{map[string]any{"copies": "two"}} }), "documents.copies"},
		} {
			e.register(t, desk, c.body).ExpectError(t, http.StatusUnprocessableEntity, "wrong_type", c.field)
		}
	})

	t.Run("values", func(t *testing.T) {
		for _, c := range []struct {
			body        []byte
			code, field string
		}{
			{with(func(m map[string]any) { delete(m, "procedure_code") }), "required", "procedure_code"},
			{with(func(m map[string]any) { m["channel"] = "fax" }), "invalid_channel", "channel"},
			{with(func(m map[string]any) { applicant(m)["full_name"] = "Nguyễn Văn 2" }), "invalid_name", "applicant.full_name"},
			{with(func(m map[string]any) { applicant(m)["id_number"] = "12345" }), "invalid_id_number", "applicant.id_number"},
			{with(func(m map[string]any) { applicant(m)["phone"] = "12345" }), "invalid_phone", "applicant.phone"},
			{with(func(m map[string]any) { m["fee_paid_vnd"] = -1 }), "out_of_range", "fee_paid_vnd"},
			{with(func(m map[string]any) { m["procedure_code"] = "9.999999" }), "unknown_procedure", "procedure_code"},
			{with(func(m map[string]any) { m["receiving_office"] = "000.99.16.H19" }), "unknown_office", "receiving_office"},
			{with(func(m map[string]any) { m["handling_office"] = "000.99.16.H19" }), "unknown_office", "handling_office"},
			{with(func(m map[string]any) { m["receiving_office"] = demo.LandOffice }), "not_a_desk", "receiving_office"},
		} {
			e.register(t, desk, c.body).ExpectError(t, http.StatusUnprocessableEntity, c.code, c.field)
		}
	})

	t.Run("idempotency key", func(t *testing.T) {
		long := strings.Repeat("k", 201)
		e.register(t, desk, valid, "Idempotency-Key", long).ExpectError(t, http.StatusUnprocessableEntity, "too_long", "Idempotency-Key")
		e.register(t, desk, valid, "Idempotency-Key", "kh\xf3a-\xff").
			ExpectError(t, http.StatusUnprocessableEntity, "invalid_idempotency_key", "Idempotency-Key")
	})

	t.Run("routes", func(t *testing.T) {
		e.call(t, "GET", "/api/v1/nothing-here", "", nil).ExpectError(t, http.StatusNotFound, "not_found", "")
		e.call(t, "DELETE", "/api/v1/offices", "", nil).ExpectError(t, http.StatusMethodNotAllowed, "method_not_allowed", "")
	})

	var dossiers, numbers int
	if err := e.DB.QueryRow(context.Background(), `SELECT (SELECT count(*) FROM intake.dossiers),
		(SELECT count(*) FROM intake.code_sequences)`).Scan(&dossiers, &numbers); err != nil {
		t.Fatal(err)
	}
	if dossiers != 0 || numbers != 0 {
		t.Fatalf("refused registrations left %d dossiers and %d sequences", dossiers, numbers)
	}
}
