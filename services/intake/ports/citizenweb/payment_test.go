package citizenweb

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/intake/adapters/vnpay"
	"github.com/motcua/motcua/services/intake/adapters/vnpay/vnpaytest"
	"github.com/motcua/motcua/services/platform/web/pagetest"
)

// TestPaymentFromTheLookup: the form of the lookup page sends the browser to the
// payment gateway (303) with the signed order of what the dossier owes, which the
// gateway (VNPay's stand-in) takes; a wrong PIN is not told from a missing dossier and
// leads back to the lookup; without a gateway the lookup opens again saying the desk
// takes the fee; the form needs its token.
func TestPaymentFromTheLookup(t *testing.T) {
	s := newSite(t)
	code, pin := s.submitted("lan@example.vn", "form-key-6666666666666666")
	pay := func(code, pin string, query ...string) *http.Response {
		path := PaymentPath
		if len(query) > 0 {
			path += "?" + strings.Join(query, "&")
		}
		return s.post(path, url.Values{"code": {code}, "pin": {pin}}).Result()
	}

	// No gateway set up: back to the lookup, which says to pay at the desk.
	r := pay(code, pin, "lang=en")
	to, _ := url.Parse(r.Header.Get("Location"))
	if r.StatusCode != http.StatusSeeOther || to.Path != LookupPath || to.Query().Get("code") != code ||
		to.Query().Get("pin") != pin || to.Query().Get(PaymentParam) != "off" || to.Query().Get("lang") != "en" {
		t.Fatalf("without a gateway: %d %q", r.StatusCode, r.Header.Get("Location"))
	}

	gw := vnpaytest.Start(t, "MOTCUA01", "a-secret-of-the-terminal-0123456789")
	gateway, err := vnpay.New(gw.PayURL, gw.TmnCode, gw.Secret)
	if err != nil {
		t.Fatal(err)
	}
	s.payments.Gateway = gateway
	gw.SetOutcome(vnpaytest.Left)

	wrong := s.post(PaymentPath, url.Values{"code": {code}, "pin": {"WRONGPIN00"}})
	missing := s.post(PaymentPath, url.Values{"code": {"000.00.16.H19-200101-9999"}, "pin": {"WRONGPIN00"}})
	wants(t, "a wrong PIN", wrong, http.StatusNotFound, "Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này",
		`id="back-lookup"`, `href="/tra-cuu?code=`+url.QueryEscape(code)+`"`)
	if missing.Code != http.StatusNotFound ||
		strings.ReplaceAll(missing.Body.String(), "000.00.16.H19-200101-9999", code) != wrong.Body.String() {
		t.Errorf("a missing dossier is told from a wrong PIN: %d\n%s", missing.Code, missing.Body)
	}
	// Another site's form, without the token: refused, nothing asked of the gateway.
	forged := pagetest.PostWithoutToken(s.h, PaymentPath, url.Values{"code": {code}, "pin": {pin}})
	if forged.Code != http.StatusForbidden {
		t.Errorf("without the token: %d", forged.Code)
	}

	r = pay(code, " "+pin+" ")
	if r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), gw.PayURL+"?") ||
		r.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("to the gateway: %d %q", r.StatusCode, r.Header.Get("Location"))
	}
	order, _ := url.Parse(r.Header.Get("Location"))
	q := order.Query()
	if q.Get("vnp_Amount") != "10000000" || q.Get("vnp_TmnCode") != "MOTCUA01" || q.Get("vnp_Locale") != "vn" ||
		q.Get("vnp_ReturnUrl") != "http://motcua.test/api/v1/payments/vnpay/return" {
		t.Errorf("the order: %v", q)
	}
	// The gateway takes the order as the citizen's browser brings it.
	page, err := http.Get(r.Header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	page.Body.Close()
	if page.StatusCode != http.StatusOK || gw.Order(q.Get("vnp_TxnRef")) == nil {
		t.Errorf("the gateway refused the order: %d", page.StatusCode)
	}
	// Only that payment was kept: the refused forms asked for none.
	var kept []string
	rows, err := s.pool.Query(t.Context(), `SELECT id FROM payments WHERE status = 'pending' AND amount_vnd = 100000`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		kept = append(kept, id)
	}
	if rows.Err() != nil || len(kept) != 1 || kept[0] != q.Get("vnp_TxnRef") {
		t.Errorf("payments kept: %v %v", kept, rows.Err())
	}
}
