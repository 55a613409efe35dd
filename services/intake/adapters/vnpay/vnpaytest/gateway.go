// Package vnpaytest is a local stand-in for VNPay's payment gateway, for tests: a real
// party that cannot run here, replaced by an HTTP server that speaks its side of the
// published protocol (API 2.1.0). Its payment page takes a merchant's signed order and
// refuses one whose signature does not hold; it then "pays" it as the test chose, sends
// the signed notification (IPN) to the merchant's IPN address, server to server, and
// sends the browser back to the order's vnp_ReturnUrl with the same signed result.
//
// It signs and checks on its own (sorted parameters, form-encoded, HMAC-SHA512 under
// the secret), not with the adapter's code, so that the two sides meet only on the
// protocol.
package vnpaytest

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// PayPath is the path of the gateway's payment page.
const PayPath = "/paymentv2/vpcpay.html"

// Outcome is how the citizen's payment at the gateway goes.
type Outcome int

// The outcomes a test may choose.
const (
	// Paid: the bank took the payment (vnp_ResponseCode and vnp_TransactionStatus 00).
	Paid Outcome = iota
	// Cancelled: the citizen cancelled at the gateway's page (vnp_ResponseCode 24).
	Cancelled
	// Left: the citizen left the gateway's page without paying or cancelling: the order
	// is taken, nothing is told yet (a test tells it with Result and Notify).
	Left
)

// Answer is the merchant's answer to a notification: VNPay's {"RspCode","Message"}.
type Answer struct {
	RspCode string
	Message string
}

// Gateway is the stand-in's state: the merchant it serves, the orders it took and the
// notifications it sent.
type Gateway struct {
	// PayURL is the payment page, for the merchant's MOTCUA_VNPAY_URL.
	PayURL  string
	TmnCode string
	Secret  string

	t   testing.TB
	srv *httptest.Server

	mu sync.Mutex
	// ipn is the merchant's IPN address, as the merchant registers it with VNPay.
	ipn     string
	outcome Outcome
	orders  map[string]url.Values
	sent    []Answer
	serial  int
}

// Start runs a stand-in gateway for the merchant terminal tmnCode with secret until the
// test ends.
func Start(t testing.TB, tmnCode, secret string) *Gateway {
	t.Helper()
	g := &Gateway{TmnCode: tmnCode, Secret: secret, t: t, orders: map[string]url.Values{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+PayPath, g.pay)
	g.srv = httptest.NewServer(mux)
	t.Cleanup(g.srv.Close)
	g.PayURL = g.srv.URL + PayPath
	return g
}

// SetIPN registers the merchant's IPN address, where notifications go.
func (g *Gateway) SetIPN(address string) { g.mu.Lock(); g.ipn = address; g.mu.Unlock() }

// SetOutcome chooses how the next payments go.
func (g *Gateway) SetOutcome(o Outcome) { g.mu.Lock(); g.outcome = o; g.mu.Unlock() }

// Answers are the merchant's answers to the notifications sent so far, in order.
func (g *Gateway) Answers() []Answer {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]Answer(nil), g.sent...)
}

// Order is the order the gateway took for the payment ref (vnp_TxnRef); nil if none.
func (g *Gateway) Order(ref string) url.Values {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.orders[ref]
}

// pay is the payment page: it checks the merchant's order and its signature, pays it,
// notifies the merchant and sends the browser back.
func (g *Gateway) pay(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if problem := g.checkOrder(q); problem != "" {
		http.Error(w, problem, http.StatusBadRequest)
		return
	}
	g.mu.Lock()
	g.orders[q.Get("vnp_TxnRef")] = q
	outcome := g.outcome
	g.mu.Unlock()
	if outcome == Left {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintf(w, "Cổng thanh toán: đơn hàng %s, %s VND × 100\n", q.Get("vnp_TxnRef"), q.Get("vnp_Amount"))
		return
	}
	result := g.Result(q.Get("vnp_TxnRef"), outcome)
	if _, err := g.Notify(result); err != nil {
		http.Error(w, "the merchant's IPN address did not answer: "+err.Error(), http.StatusBadGateway)
		return
	}
	back, err := url.Parse(q.Get("vnp_ReturnUrl"))
	if err != nil {
		http.Error(w, "vnp_ReturnUrl", http.StatusBadRequest)
		return
	}
	back.RawQuery = result.Encode()
	http.Redirect(w, r, back.String(), http.StatusFound)
}

// checkOrder is what is wrong with an order, in the gateway's words, or "".
func (g *Gateway) checkOrder(q url.Values) string {
	for _, name := range []string{"vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_Amount", "vnp_CurrCode",
		"vnp_TxnRef", "vnp_OrderInfo", "vnp_OrderType", "vnp_Locale", "vnp_ReturnUrl", "vnp_IpAddr",
		"vnp_CreateDate", "vnp_ExpireDate", "vnp_SecureHash"} {
		if len(q[name]) != 1 || q.Get(name) == "" {
			return "03: missing or repeated " + name
		}
	}
	const layout = "20060102150405"
	created, cerr := time.Parse(layout, q.Get("vnp_CreateDate"))
	expires, eerr := time.Parse(layout, q.Get("vnp_ExpireDate"))
	amount, aerr := strconv.ParseInt(q.Get("vnp_Amount"), 10, 64)
	switch {
	case !g.Signed(q):
		return "70: Sai chữ ký (invalid signature)"
	case q.Get("vnp_Version") != "2.1.0" || q.Get("vnp_Command") != "pay":
		return "03: vnp_Version 2.1.0 and vnp_Command pay expected"
	case q.Get("vnp_TmnCode") != g.TmnCode:
		return "02: unknown terminal " + q.Get("vnp_TmnCode")
	case q.Get("vnp_CurrCode") != "VND":
		return "03: vnp_CurrCode must be VND"
	case aerr != nil || amount <= 0 || amount%100 != 0 || len(q.Get("vnp_Amount")) > 12:
		return "03: vnp_Amount must be whole đồng times 100"
	case q.Get("vnp_Locale") != "vn" && q.Get("vnp_Locale") != "en":
		return "03: vnp_Locale must be vn or en"
	case cerr != nil || eerr != nil || !expires.After(created):
		return "03: vnp_CreateDate and vnp_ExpireDate must be yyyyMMddHHmmss, the expiry after the creation"
	}
	return ""
}

// Result is the signed result of the order ref as the gateway reports it, in the
// notification and to the browser coming back: the order's amount and reference, and
// the outcome.
func (g *Gateway) Result(ref string, outcome Outcome) url.Values {
	g.mu.Lock()
	order := g.orders[ref]
	g.serial++
	no := fmt.Sprintf("%08d", 14_000_000+g.serial)
	g.mu.Unlock()
	if order == nil {
		g.t.Errorf("vnpaytest: no order %s was taken", ref)
		order = url.Values{}
	}
	response, status := "00", "00"
	if outcome == Cancelled {
		response, status, no = "24", "02", "0"
	}
	r := url.Values{
		"vnp_TmnCode":           {g.TmnCode},
		"vnp_Amount":            {order.Get("vnp_Amount")},
		"vnp_BankCode":          {"NCB"},
		"vnp_BankTranNo":        {"VNP" + no},
		"vnp_CardType":          {"ATM"},
		"vnp_OrderInfo":         {order.Get("vnp_OrderInfo")},
		"vnp_PayDate":           {time.Now().In(time.FixedZone("GMT+7", 7*3600)).Format("20060102150405")},
		"vnp_ResponseCode":      {response},
		"vnp_TransactionNo":     {no},
		"vnp_TransactionStatus": {status},
		"vnp_TxnRef":            {ref},
	}
	g.Sign(r)
	return r
}

// Sign sets q's signature (vnp_SecureHash) for its other parameters.
func (g *Gateway) Sign(q url.Values) {
	q.Del("vnp_SecureHash")
	q.Del("vnp_SecureHashType")
	q.Set("vnp_SecureHash", g.signature(q))
}

// Signed reports whether q carries the signature of its other parameters.
func (g *Gateway) Signed(q url.Values) bool {
	return strings.EqualFold(q.Get("vnp_SecureHash"), g.signature(q))
}

// signature is the HMAC-SHA512 of q's parameters with a value but the signature's,
// sorted by name and form-encoded.
func (g *Gateway) signature(q url.Values) string {
	data := url.Values{}
	for name, values := range q {
		if strings.HasPrefix(name, "vnp_") && name != "vnp_SecureHash" && name != "vnp_SecureHashType" &&
			len(values) > 0 && values[0] != "" {
			data[name] = values
		}
	}
	mac := hmac.New(sha512.New, []byte(g.Secret))
	mac.Write([]byte(data.Encode())) // Encode sorts by name
	return hex.EncodeToString(mac.Sum(nil))
}

// Notify sends the notification q to the merchant's IPN address, as the gateway does
// (GET, the parameters in the query), and returns its answer.
func (g *Gateway) Notify(q url.Values) (Answer, error) {
	g.mu.Lock()
	ipn := g.ipn
	g.mu.Unlock()
	if ipn == "" {
		return Answer{}, fmt.Errorf("no IPN address registered")
	}
	res, err := http.Get(ipn + "?" + q.Encode())
	if err != nil {
		return Answer{}, err
	}
	defer res.Body.Close()
	var a Answer
	if res.StatusCode != http.StatusOK {
		return a, fmt.Errorf("IPN answered %s", res.Status)
	}
	if err := json.NewDecoder(res.Body).Decode(&a); err != nil {
		return a, fmt.Errorf("IPN answer: %w", err)
	}
	g.mu.Lock()
	g.sent = append(g.sent, a)
	g.mu.Unlock()
	return a, nil
}
