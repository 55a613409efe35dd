package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/web/pagetest"
	"github.com/motcua/motcua/services/platform/web/session"
)

// TestCounterIsThePostalWorkers: the counter's pages send whoever has no session to
// the sign-in, and refuse every role but the postal worker's, pointing to their own
// pages.
func TestCounterIsThePostalWorkers(t *testing.T) {
	h, iss := router(t)
	for _, path := range []string{"/buu-chinh/quay", "/buu-chinh/quay?thu-tuc=2.000720", "/buu-chinh/quay/X-1/phieu-gui"} {
		w := pagetest.Get(h, path)
		if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/dang-nhap?next="+url.QueryEscape(path) {
			t.Errorf("%s without a session: %d to %q", path, w.Code, w.Header().Get("Location"))
		}
	}
	for role, home := range map[string]string{auth.RoleDesk: "/mot-cua", auth.RoleOfficer: "/mot-cua",
		auth.RoleSupervisor: "/giam-sat", auth.RoleAdmin: "/quan-tri"} {
		tok, _ := iss.Issue(auth.Principal{Username: role + ".a", Role: role, Offices: []string{"X"}}, time.Now())
		for _, path := range []string{"/buu-chinh/quay", "/buu-chinh/quay/X-1/phieu-gui"} {
			w := pagetest.Get(h, path, &http.Cookie{Name: session.CookieName, Value: tok})
			body := w.Body.String()
			if w.Code != http.StatusForbidden || !strings.Contains(body, "dành cho nhân viên bưu điện; vai trò của bạn ("+role+")") ||
				!strings.Contains(body, `id="home-link" href="`+home+`"`) {
				t.Errorf("%s as %s: %d %s", path, role, w.Code, body)
			}
		}
		w := pagetest.Post(h, "/buu-chinh/quay", url.Values{"procedure_code": {"2.000720"}}, &http.Cookie{Name: session.CookieName, Value: tok})
		if w.Code != http.StatusForbidden {
			t.Errorf("registering at the counter as %s: %d", role, w.Code)
		}
	}
}

// counterProcedure is a procedure of two required documents and an optional one.
var counterProcedure = catalog.Procedure{Code: "2.000720", Name: "Đăng ký thành lập hộ kinh doanh", FeeVND: 100000,
	Documents: []catalog.Document{
		{Name: "Giấy đề nghị", Kind: dossier.Original, Copies: 1, Required: true},
		{Name: "Bản sao căn cước", Kind: dossier.Copy, Copies: 1, Required: true},
		{Name: "Văn bản ủy quyền", Kind: dossier.CertifiedCopy, Copies: 2},
	}}

// TestCounterForm: the form starts with the procedure's required documents ticked, its
// fee and the usual postage, the result collected back at the post office; it becomes
// a registration by post under the seal, at the worker's post office.
func TestCounterForm(t *testing.T) {
	f := newCounterForm()
	f.prefill(counterProcedure)
	if !f.Docs[0] || !f.Docs[1] || f.Docs[2] || f.Fee != "100.000" || f.Postage != "26.000" || f.Delivery != "post_office" {
		t.Fatalf("the fresh form: %+v", f)
	}
	f.PostOffice, f.Office, f.Seal, f.FullName = "PO", "DESK", "NP-2026-000451", "Lê Văn Cường"
	f.Docs[2], f.Other = true, "Giấy xác nhận"
	reg, fe := f.registration(counterProcedure)
	if fe != nil || reg.Channel != dossier.ChannelPost || reg.PostOffice != "PO" || reg.SealNumber != "NP-2026-000451" ||
		reg.PostageVND != 26000 || reg.FeePaidVND != 100000 || reg.ReceivingOffice != "DESK" ||
		reg.ResultDelivery != (dossier.ResultDelivery{Method: dossier.DeliverAtPostOffice, PostOffice: "PO"}) {
		t.Fatalf("%+v %v", reg, fe)
	}
	if len(reg.Documents) != 4 || reg.Documents[2] != (dossier.Document{Name: "Văn bản ủy quyền", Kind: dossier.CertifiedCopy, Copies: 2}) ||
		reg.Documents[3] != (dossier.Document{Name: "Giấy xác nhận", Kind: dossier.Copy, Copies: 1}) {
		t.Errorf("the documents: %+v", reg.Documents)
	}
	// An address typed for delivery by post is kept only when the result goes by post.
	f.DeliveryAddress = "Ấp 3, xã Bảo Hòa"
	if reg, _ := f.registration(counterProcedure); reg.ResultDelivery.Address != "" {
		t.Errorf("an address for a result collected at the post office: %+v", reg.ResultDelivery)
	}
	f.Delivery = "post"
	if reg, _ := f.registration(counterProcedure); reg.ResultDelivery != (dossier.ResultDelivery{Method: dossier.DeliverByPost, Address: "Ấp 3, xã Bảo Hòa"}) {
		t.Errorf("a result by post: %+v", reg.ResultDelivery)
	}
	f.Postage = "hai mươi sáu nghìn"
	if _, fe := f.registration(counterProcedure); fe == nil || fe.Field != "postage_vnd" || counterInput(fe.Field) != "postage_vnd" {
		t.Errorf("a postage in words: %v", fe)
	}
	f.Postage, f.Fee = "26000", "-1"
	if _, fe := f.registration(counterProcedure); fe == nil || fe.Field != "fee_paid_vnd" {
		t.Errorf("a negative fee: %v", fe)
	}
	// A required document not ticked keeps the dossier from being sent on.
	if fe := f.missingDocument(counterProcedure); fe != nil {
		t.Errorf("every required document ticked: %v", fe)
	}
	f.Docs[1] = false
	if fe := f.missingDocument(counterProcedure); fe == nil || fe.Field != "documents" || fe.Args[0] != "Bản sao căn cước" {
		t.Errorf("a required document missing: %v", fe)
	}
	for field, in := range map[string]string{"applicant.full_name": "full_name", "documents[3].name": "documents",
		"result_delivery.post_office": "delivery", "seal_number": "seal_number", "channel": "", "Idempotency-Key": ""} {
		if got := counterInput(field); got != in {
			t.Errorf("%s is told beside %q, want %q", field, got, in)
		}
	}
}

// TestCounterFormRead: the form's ticks are read by their place in the procedure's list,
// anything else ignored.
func TestCounterFormRead(t *testing.T) {
	r, _ := http.NewRequest(http.MethodPost, "/buu-chinh/quay", strings.NewReader(url.Values{
		"doc": {"0", "2", "x", "-1", "1000"}, "seal_number": {" NP-1 "}, "delivery": {"desk"}}.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if err := r.ParseForm(); err != nil {
		t.Fatal(err)
	}
	f := readCounterForm(r)
	if len(f.Docs) != 2 || !f.Docs[0] || !f.Docs[2] || f.Seal != "NP-1" || f.Delivery != "desk" {
		t.Errorf("%+v", f)
	}
}
