package web

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/motcua/motcua/services/platform/auth"
)

func TestTheChosenOfficeIsRemembered(t *testing.T) {
	who := &auth.Principal{Username: "officer.xuanloc", Role: auth.RoleOfficer, Offices: []string{"000.00.16.H19", "000.20.16.H19"}}
	w := httptest.NewRecorder()
	rememberOffice(w, httptest.NewRequest(http.MethodGet, "/mot-cua?office=000.20.16.H19", nil), "000.20.16.H19")
	cookies := w.Result().Cookies()
	if len(cookies) != 1 || !cookies[0].HttpOnly || cookies[0].Path != HomePath {
		t.Fatalf("cookie %+v", cookies)
	}
	r := httptest.NewRequest(http.MethodGet, "/mot-cua", nil)
	r.AddCookie(cookies[0])
	if got := rememberedOffice(r, who); got != "000.20.16.H19" {
		t.Fatalf("remembered %q", got)
	}
	// An office that is no longer the officer's is forgotten.
	moved := &auth.Principal{Username: "officer.xuanloc", Role: auth.RoleOfficer, Offices: []string{"000.00.16.H19"}}
	if got := rememberedOffice(r, moved); got != "" {
		t.Fatalf("an office no longer the officer's: %q", got)
	}
	if got := rememberedOffice(httptest.NewRequest(http.MethodGet, "/mot-cua", nil), who); got != "" {
		t.Fatalf("without the cookie: %q", got)
	}
}
