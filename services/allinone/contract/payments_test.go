package contract

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/allinone/server/servertest"
	"github.com/motcua/motcua/services/intake/adapters/vnpay/vnpaytest"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/mailtest"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// withFees is the lookup with the dossier's fees and receipts.
type withFees struct {
	tracked
	FeeDueVND  int64 `json:"fee_due_vnd"`
	FeePaidVND int64 `json:"fee_paid_vnd"`
	Receipts   []struct {
		Number     string `json:"number"`
		AmountVND  int64  `json:"amount_vnd"`
		PaidAt     string `json:"paid_at"`
		Electronic bool   `json:"electronic"`
	} `json:"receipts"`
}

// TestFeePaidOnline drives a fee paid online across the services, VNPay played by a
// local stand-in that speaks its protocol: a citizen submits online a procedure with a
// fee; status's lookup shows it owed; the citizen asks to pay and their browser goes to
// the gateway with the signed order, which pays it, notifies intake and sends the
// browser back to the lookup. status then shows the fee paid and the electronic receipt
// intake issued, the one the citizen is mailed; the same notification again records
// nothing, and nothing is left to pay.
func TestFeePaidOnline(t *testing.T) {
	mails := mailtest.Start(t)
	gateway := vnpaytest.Start(t, "MOTCUA01", "the terminal's secret")
	s := servertest.Start(t, dbURL, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL,
		"MOTCUA_VNPAY_URL": gateway.PayURL, "MOTCUA_VNPAY_TMN_CODE": "MOTCUA01", "MOTCUA_VNPAY_SECRET": "the terminal's secret"})
	gateway.SetIPN(s.Base + "/api/v1/payments/vnpay/ipn")
	const address = "nop.phi@example.vn"
	citizen := s.ContactToken(t, http.DefaultClient, mails, address)
	application := apitest.JSON(t, map[string]any{
		"procedure_code": "2.000720", "receiving_office": demo.DistrictDesk,
		"applicant":       map[string]string{"full_name": "Lê Thị Hoa", "id_number": "075123456781", "address": "Ấp 3, xã Xuân Bắc"},
		"documents":       []map[string]any{{"name": "Bản sao căn cước công dân", "kind": "copy", "file": "cccd"}},
		"result_delivery": map[string]string{"method": "desk"},
	})
	body, ctype := apitest.Multipart(t, map[string]string{"application": string(application)},
		apitest.File{Part: "cccd", Name: "cccd.pdf", Body: apitest.PDF("Căn cước công dân của Lê Thị Hoa")})
	var sub submission
	call(t, s, http.MethodPost, "/api/v1/public/dossiers", citizen, body, "Content-Type", ctype).
		Expect(t, http.StatusCreated).Decode(t, &sub)

	lookup := "/api/v1/track/" + sub.Code + "?pin=" + url.QueryEscape(sub.LookupPIN)
	seen := lookUp(t, s, lookup, "status to know "+sub.Code, func(l withFees) bool { return l.Status == "submitted" })
	if seen.FeeDueVND != 100_000 || seen.FeePaidVND != 0 || len(seen.Receipts) != 0 {
		t.Errorf("the lookup before paying: %+v", seen)
	}

	var started struct {
		PaymentID   string `json:"payment_id"`
		RedirectURL string `json:"redirect_url"`
	}
	pay := "/api/v1/public/dossiers/" + sub.Code + "/payments?pin=" + url.QueryEscape(sub.LookupPIN)
	call(t, s, http.MethodPost, pay, "", nil).Expect(t, http.StatusCreated).Decode(t, &started)
	browser := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := browser.Get(started.RedirectURL)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	back, err := url.Parse(res.Header.Get("Location"))
	if err != nil || res.StatusCode != http.StatusFound || !strings.HasSuffix(back.Path, "/api/v1/payments/vnpay/return") {
		t.Fatalf("the gateway answered %s, to %q", res.Status, res.Header.Get("Location"))
	}
	// The all-in-one listens on a port of the test's choosing, not its public address.
	res, err = browser.Get(s.Base + back.RequestURI())
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if want := "/tra-cuu?code=" + url.QueryEscape(sub.Code) + "&payment=paid"; res.StatusCode != http.StatusSeeOther ||
		res.Header.Get("Location") != want {
		t.Errorf("back from the gateway: %s to %q, want %q", res.Status, res.Header.Get("Location"), want)
	}

	seen = lookUp(t, s, lookup, "status to show the fee of "+sub.Code+" paid", func(l withFees) bool { return l.FeePaidVND > 0 })
	if seen.FeePaidVND != 100_000 || len(seen.Receipts) != 1 || !seen.Receipts[0].Electronic ||
		seen.Receipts[0].AmountVND != 100_000 || !regexp.MustCompile(`^E\d{4}-\d{7}$`).MatchString(seen.Receipts[0].Number) ||
		seen.Receipts[0].PaidAt == "" || seen.steps()[len(seen.steps())-1] != "payment_recorded" {
		t.Fatalf("the lookup once paid: %+v", seen)
	}
	receipt := seen.Receipts[0].Number
	waitfor.Until(t, "the mail with the receipt", func() bool {
		_, ok := mailed(t, mails, address, strings.ReplaceAll(noticeSubject("paid", sub.Code), "{{.Receipt}}", receipt))
		return ok
	})

	again, err := gateway.Notify(gateway.Result(started.PaymentID, vnpaytest.Paid))
	if err != nil || again.RspCode != "02" {
		t.Errorf("the notification again: %+v, %v", again, err)
	}
	call(t, s, http.MethodPost, pay, "", nil).ExpectError(t, http.StatusConflict, "no_fee_due", "")
	var whole struct {
		FeePaidVND int64 `json:"fee_paid_vnd"`
	}
	call(t, s, http.MethodGet, "/api/v1/dossiers/"+sub.Code, token(t, s, "desk.xuanloc"), nil).
		Expect(t, http.StatusOK).Decode(t, &whole)
	if whole.FeePaidVND != 100_000 {
		t.Errorf("the desk sees %d paid", whole.FeePaidVND)
	}
}

// lookUp waits until the citizen's lookup at path answers and ready holds of it.
func lookUp(t *testing.T, s servertest.Served, path, what string, ready func(withFees) bool) withFees {
	t.Helper()
	var seen withFees
	waitfor.Until(t, what, func() bool {
		r := call(t, s, http.MethodGet, path, "", nil)
		seen = withFees{}
		return r.Status == http.StatusOK && json.Unmarshal(r.Body, &seen) == nil && ready(seen)
	})
	return seen
}
