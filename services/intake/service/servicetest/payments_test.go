package servicetest

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/services/intake/adapters/vnpay/vnpaytest"
	"github.com/motcua/motcua/services/platform/mailtest"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// The merchant terminal intake is given at the stand-in gateway.
const (
	tmnCode     = "MOTCUA01"
	vnpaySecret = "the terminal's secret, shared with VNPay only"
)

// paying is an intake whose fees are paid through VNPay's stand-in, with a mail server
// for the citizens' messages.
type paying struct {
	*env
	gateway *vnpaytest.Gateway
	mails   *mailtest.Server
	// browser is the citizen's browser, which follows no redirect by itself.
	browser *http.Client
}

func startPaying(t *testing.T) *paying {
	t.Helper()
	mails := mailtest.Start(t)
	gw := vnpaytest.Start(t, tmnCode, vnpaySecret)
	e := startWith(t, nil, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL, "MOTCUA_VNPAY_URL": gw.PayURL,
		"MOTCUA_VNPAY_TMN_CODE": tmnCode, "MOTCUA_VNPAY_SECRET": vnpaySecret})
	gw.SetIPN(e.URL + "/api/v1/payments/vnpay/ipn")
	browser := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &paying{env: e, gateway: gw, mails: mails, browser: browser}
}

// submitOnline submits a dossier of household business registration (a fee of 100,000
// đồng) online for address, and returns its code and PIN.
func (p *paying) submitOnline(t *testing.T, address string) submitted {
	t.Helper()
	token := p.contactToken(t, p.mails, address)
	body, ct := submission(t, onlineApplication(), upload{"cccd", "cccd.pdf", pdf(4 << 10)})
	var got submitted
	p.call(t, "POST", "/api/v1/public/dossiers", token, body, "Content-Type", ct).Expect(t, http.StatusCreated).Decode(t, &got)
	return got
}

type paymentStarted struct {
	PaymentID   string `json:"payment_id"`
	RedirectURL string `json:"redirect_url"`
	AmountVND   int64  `json:"amount_vnd"`
}

// askToPay asks to pay what the dossier owes, as its citizen.
func (p *paying) askToPay(t *testing.T, d submitted) paymentStarted {
	t.Helper()
	var started paymentStarted
	p.call(t, "POST", "/api/v1/public/dossiers/"+d.Code+"/payments?pin="+d.LookupPIN, "", nil).
		Expect(t, http.StatusCreated).Decode(t, &started)
	return started
}

// visit is the citizen's browser going to address; an address of intake's public URL
// is taken at the test's intake, which listens elsewhere.
func (p *paying) visit(t *testing.T, address string) *http.Response {
	t.Helper()
	u, err := url.Parse(address)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(u.Path, "/api/v1/payments/") {
		address = p.URL + u.RequestURI()
	}
	res, err := p.browser.Get(address)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res
}

// paidState is what intake keeps of a dossier's fees and payments.
type paidState struct {
	feeDue, feePaid int64
	steps           int
	payments        map[string]int
	receipts        []string
}

func (p *paying) paidState(t *testing.T, code string) paidState {
	t.Helper()
	s := paidState{payments: map[string]int{}}
	ctx := t.Context()
	if err := p.DB.QueryRow(ctx, `SELECT d.fee_due_vnd, d.fee_paid_vnd,
		(SELECT count(*) FROM dossier_steps s WHERE s.dossier_id = d.id AND s.action = 'pay-online')
		FROM dossiers d WHERE d.code = $1`, code).Scan(&s.feeDue, &s.feePaid, &s.steps); err != nil {
		t.Fatal(err)
	}
	rows, err := p.DB.Query(ctx, `SELECT p.status, COALESCE(p.receipt_number, '') FROM payments p
		JOIN dossiers d ON d.id = p.dossier_id WHERE d.code = $1 ORDER BY p.created_at`, code)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var status, receipt string
		if err := rows.Scan(&status, &receipt); err != nil {
			t.Fatal(err)
		}
		s.payments[status]++
		if receipt != "" {
			s.receipts = append(s.receipts, receipt)
		}
	}
	return s
}

// dossierID is the id of the dossier with code, for its events.
func (p *paying) dossierID(t *testing.T, code string) string {
	t.Helper()
	var id string
	if err := p.DB.QueryRow(t.Context(), "SELECT id::text FROM dossiers WHERE code = $1", code).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

var receiptNumber = regexp.MustCompile(`^E\d{4}-\d{7}$`)

// TestPayAFeeOnline: a citizen who submitted online asks to pay the fee, is sent to the
// gateway with a signed order for the 100,000 đồng due, pays; the gateway's notification
// records the fee once (the fee paid rises, a payment_recorded event goes out with the
// electronic receipt, the citizen is mailed the receipt) and the browser comes back to
// the lookup. The same notification again is answered "already confirmed" and records
// nothing; nothing is left to pay.
func TestPayAFeeOnline(t *testing.T) {
	p := startPaying(t)
	d := p.submitOnline(t, "binh.tran@example.vn")
	p.call(t, "POST", "/api/v1/public/dossiers/"+d.Code+"/payments?pin="+wrongPIN(d.LookupPIN), "", nil).
		ExpectError(t, http.StatusNotFound, "wrong_code_or_pin", "")

	started := p.askToPay(t, d)
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(started.PaymentID) || started.AmountVND != 100_000 ||
		!strings.HasPrefix(started.RedirectURL, p.gateway.PayURL+"?") {
		t.Fatalf("payment asked: %+v", started)
	}
	if s := p.paidState(t, d.Code); s.payments["pending"] != 1 || s.feePaid != 0 || s.feeDue != 100_000 {
		t.Fatalf("before paying: %+v", s)
	}

	// The browser goes to the gateway, which takes the signed order, pays it, notifies
	// intake and sends the browser back.
	atGateway := p.visit(t, started.RedirectURL)
	if atGateway.StatusCode != http.StatusFound {
		t.Fatalf("the gateway answered the order %s", atGateway.Status)
	}
	order := p.gateway.Order(started.PaymentID)
	if order.Get("vnp_Amount") != "10000000" || order.Get("vnp_OrderInfo") != "Nop phi ho so "+d.Code ||
		order.Get("vnp_ReturnUrl") == "" || order.Get("vnp_IpAddr") == "" {
		t.Errorf("the order the gateway took: %v", order)
	}
	if got := p.gateway.Answers(); len(got) != 1 || got[0] != (vnpaytest.Answer{RspCode: "00", Message: "Confirm Success"}) {
		t.Fatalf("the notification was answered %+v", got)
	}
	back := p.visit(t, atGateway.Header.Get("Location"))
	if want := "/tra-cuu?code=" + url.QueryEscape(d.Code) + "&payment=paid"; back.StatusCode != http.StatusSeeOther ||
		back.Header.Get("Location") != want {
		t.Errorf("back from the gateway: %s to %q, want 303 to %q", back.Status, back.Header.Get("Location"), want)
	}

	s := p.paidState(t, d.Code)
	if s.feePaid != 100_000 || s.steps != 1 || s.payments["paid"] != 1 || len(s.receipts) != 1 || !receiptNumber.MatchString(s.receipts[0]) {
		t.Fatalf("after paying: %+v", s)
	}
	receipt := s.receipts[0]
	var whole struct {
		FeeDueVND  int64 `json:"fee_due_vnd"`
		FeePaidVND int64 `json:"fee_paid_vnd"`
		Status     string
	}
	p.call(t, "GET", "/api/v1/dossiers/"+d.Code, p.token(t, "desk.xuanloc"), nil).Expect(t, http.StatusOK).Decode(t, &whole)
	if whole.FeePaidVND != 100_000 || whole.FeeDueVND != 100_000 || whole.Status != "submitted" {
		t.Errorf("the desk sees %+v", whole)
	}
	events := p.dossierEvents(t, p.dossierID(t, d.Code), 2)
	recorded := events[1].GetPaymentRecorded()
	if recorded.GetAmountVnd() != 100_000 || recorded.GetReceiptNumber() != receipt || !recorded.GetOnline() ||
		events[1].GetState().GetFeePaidVnd() != 100_000 || events[1].GetActor().GetUsername() != "citizen" {
		t.Errorf("the event: %v", events[1])
	}
	waitfor.Until(t, "the citizen mailed the receipt", func() (mailed bool) {
		for _, m := range p.mails.To(t, "binh.tran@example.vn") {
			mailed = mailed || strings.Contains(m.Subject, receipt) && strings.Contains(m.Text, "100.000")
		}
		return mailed
	})

	// VNPay repeats a notification it has no answer to: the same again changes nothing.
	again, err := p.gateway.Notify(p.gateway.Result(started.PaymentID, vnpaytest.Paid))
	if err != nil || again != (vnpaytest.Answer{RspCode: "02", Message: "Order already confirmed"}) {
		t.Errorf("the notification again: %+v, %v", again, err)
	}
	if s := p.paidState(t, d.Code); s.feePaid != 100_000 || s.steps != 1 || len(s.receipts) != 1 {
		t.Errorf("after the notification again: %+v", s)
	}
	if raw := p.streamMessages(t, messaging.DossierStream, "dossier.v1."+p.dossierID(t, d.Code)+".>", 3, 2*time.Second); len(raw) != 2 {
		t.Errorf("%d events, want the submission's and one payment's", len(raw))
	}
	p.call(t, "POST", "/api/v1/public/dossiers/"+d.Code+"/payments?pin="+d.LookupPIN, "", nil).
		ExpectError(t, http.StatusConflict, "no_fee_due", "")
}

// TestPaymentNotificationsRefused: what the gateway did not sign, or signed for another
// amount or another order, records nothing; a cancelled payment is taken as failed and
// nothing is paid, and a later "paid" for it is not taken; the citizen may try again.
func TestPaymentNotificationsRefused(t *testing.T) {
	p := startPaying(t)
	p.gateway.SetOutcome(vnpaytest.Left)
	d := p.submitOnline(t, "cuong.le@example.vn")
	started := p.askToPay(t, d)
	if res := p.visit(t, started.RedirectURL); res.StatusCode != http.StatusOK {
		t.Fatalf("the gateway's page: %s", res.Status)
	}
	ref := started.PaymentID
	notify := func(name string, q url.Values, want string) {
		t.Helper()
		got, err := p.gateway.Notify(q)
		if err != nil || got.RspCode != want {
			t.Errorf("%s: answered %+v (%v), want %s", name, got, err, want)
		}
	}
	forged := p.gateway.Result(ref, vnpaytest.Paid)
	forged.Set("vnp_Amount", "100") // changed after signing
	notify("an altered notification", forged, "97")
	unsigned := p.gateway.Result(ref, vnpaytest.Paid)
	unsigned.Set("vnp_SecureHash", strings.Repeat("ab", 64))
	notify("a forged signature", unsigned, "97")
	unsigned.Del("vnp_SecureHash")
	notify("no signature", unsigned, "97")
	other := p.gateway.Result(ref, vnpaytest.Paid)
	other.Set("vnp_Amount", "5000000")
	p.gateway.Sign(other)
	notify("another amount, signed", other, "04")
	unknown := p.gateway.Result(ref, vnpaytest.Paid)
	unknown.Set("vnp_TxnRef", strings.Repeat("0", 32))
	p.gateway.Sign(unknown)
	notify("an order never asked for", unknown, "01")
	if s := p.paidState(t, d.Code); s.feePaid != 0 || s.steps != 0 || s.payments["pending"] != 1 {
		t.Fatalf("refused notifications recorded something: %+v", s)
	}
	if res := p.visit(t, "/api/v1/payments/vnpay/return?"+forged.Encode()); res.StatusCode != http.StatusBadRequest {
		t.Errorf("the browser back with an altered result: %s", res.Status)
	}

	cancelled := p.gateway.Result(ref, vnpaytest.Cancelled)
	notify("cancelled", cancelled, "00")
	notify("paid after the cancel", p.gateway.Result(ref, vnpaytest.Paid), "02")
	if s := p.paidState(t, d.Code); s.feePaid != 0 || s.steps != 0 || s.payments["failed"] != 1 || len(s.receipts) != 0 {
		t.Errorf("after a cancelled payment: %+v", s)
	}
	back := p.visit(t, "/api/v1/payments/vnpay/return?"+cancelled.Encode())
	if want := "/tra-cuu?code=" + url.QueryEscape(d.Code) + "&payment=failed"; back.Header.Get("Location") != want {
		t.Errorf("back after cancelling: %s to %q", back.Status, back.Header.Get("Location"))
	}
	if again := p.askToPay(t, d); again.PaymentID == ref || again.AmountVND != 100_000 {
		t.Errorf("asked again: %+v", again)
	}
}

// TestConcurrentNotificationsRecordOnce: the gateway's notification of one payment
// arriving many times at once records the fee once, with one receipt: one is answered
// "confirmed", the others "already confirmed".
func TestConcurrentNotificationsRecordOnce(t *testing.T) {
	p := startPaying(t)
	p.gateway.SetOutcome(vnpaytest.Left)
	d := p.submitOnline(t, "dung.pham@example.vn")
	started := p.askToPay(t, d)
	p.visit(t, started.RedirectURL)
	paid := p.gateway.Result(started.PaymentID, vnpaytest.Paid)
	const n = 8
	answers := make([]vnpaytest.Answer, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			a, err := p.gateway.Notify(paid)
			if err != nil {
				t.Error(err)
			}
			answers[i] = a
		})
	}
	wg.Wait()
	count := map[string]int{}
	for _, a := range answers {
		count[a.RspCode]++
	}
	if count["00"] != 1 || count["02"] != n-1 {
		t.Errorf("answers: %v, want one 00 and %d 02", count, n-1)
	}
	if s := p.paidState(t, d.Code); s.feePaid != 100_000 || s.steps != 1 || len(s.receipts) != 1 || s.payments["paid"] != 1 {
		t.Errorf("after %d notifications at once: %+v", n, s)
	}
}

// TestFeesNotTakenOnline: without a gateway set up, a citizen asking to pay is told to
// pay at the desk (409), after the code and PIN are checked as anywhere (404); the
// gateway's addresses take nothing.
func TestFeesNotTakenOnline(t *testing.T) {
	mails := mailtest.Start(t)
	e := startWith(t, nil, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL})
	token := e.contactToken(t, mails, "em.vo@example.vn")
	body, ct := submission(t, onlineApplication(), upload{"cccd", "cccd.pdf", pdf(4 << 10)})
	var d submitted
	e.call(t, "POST", "/api/v1/public/dossiers", token, body, "Content-Type", ct).Expect(t, http.StatusCreated).Decode(t, &d)
	e.call(t, "POST", "/api/v1/public/dossiers/"+d.Code+"/payments?pin="+wrongPIN(d.LookupPIN), "", nil).
		ExpectError(t, http.StatusNotFound, "wrong_code_or_pin", "")
	e.call(t, "POST", "/api/v1/public/dossiers/no-such-code/payments?pin="+d.LookupPIN, "", nil).
		ExpectError(t, http.StatusNotFound, "wrong_code_or_pin", "")
	e.call(t, "POST", "/api/v1/public/dossiers/"+d.Code+"/payments?pin="+d.LookupPIN, "", nil).
		ExpectError(t, http.StatusConflict, "online_payment_off", "")
	var answer struct{ RspCode, Message string }
	e.call(t, "GET", "/api/v1/payments/vnpay/ipn?vnp_TxnRef=1&vnp_Amount=10000000&vnp_SecureHash=00", "", nil).
		Expect(t, http.StatusOK).Decode(t, &answer)
	if answer.RspCode != "97" {
		t.Errorf("IPN without a gateway: %+v", answer)
	}
	e.call(t, "GET", "/api/v1/payments/vnpay/return?vnp_TxnRef=1", "", nil).ExpectError(t, http.StatusConflict, "online_payment_off", "")
}

// TestNothingToPayOnline: a procedure without a fee has nothing to pay online.
func TestNothingToPayOnline(t *testing.T) {
	p := startPaying(t)
	token := p.contactToken(t, p.mails, "giang.do@example.vn")
	application := onlineApplication()
	application["procedure_code"] = freeOnlineProcedure
	application["documents"] = freeOnlineDocuments
	body, ct := submission(t, application, upload{"a", "a.pdf", pdf(1 << 10)}, upload{"b", "b.pdf", pdf(1 << 10)})
	var d submitted
	p.call(t, "POST", "/api/v1/public/dossiers", token, body, "Content-Type", ct).Expect(t, http.StatusCreated).Decode(t, &d)
	p.call(t, "POST", "/api/v1/public/dossiers/"+d.Code+"/payments?pin="+d.LookupPIN, "", nil).
		ExpectError(t, http.StatusConflict, "no_fee_due", "")
}

// wrongPIN is another PIN of the same shape as pin.
func wrongPIN(pin string) string {
	last := pin[len(pin)-1]
	next := byte('2')
	if last == '2' {
		next = '3'
	}
	return pin[:len(pin)-1] + string(next)
}

// freeOnlineProcedure is the monthly social allowance, which has no fee, with its two
// required documents.
const freeOnlineProcedure = "1.001776"

var freeOnlineDocuments = []map[string]any{
	{"name": "Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1a)", "kind": "original", "file": "a"},
	{"name": "Bản sao căn cước hoặc giấy khai sinh của người được trợ cấp", "kind": "copy", "file": "b"},
}
