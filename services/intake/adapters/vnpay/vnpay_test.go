package vnpay

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/app"
)

// The vectors below were written out by hand from VNPay's documented algorithm (the
// parameters sorted by name, name=value URL-encoded as its samples do, joined with &)
// and signed outside Go, with
//
//	printf '%s' "$hashData" | openssl dgst -sha512 -hmac "$secret"
const (
	secret  = "MOTCUATESTSECRET2026VNPAYHMACKEY"
	payPage = "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html"

	orderData = "vnp_Amount=10000000&vnp_Command=pay&vnp_CreateDate=20260309091530&vnp_CurrCode=VND" +
		"&vnp_ExpireDate=20260309093030&vnp_IpAddr=203.0.113.7&vnp_Locale=vn" +
		"&vnp_OrderInfo=Nop+phi+ho+so+000.00.16.H19-260309-0001&vnp_OrderType=other" +
		"&vnp_ReturnUrl=https%3A%2F%2Fmotcua.example.vn%2Fapi%2Fv1%2Fpayments%2Fvnpay%2Freturn" +
		"&vnp_TmnCode=MOTCUA01&vnp_TxnRef=0f1e2d3c4b5a69788796a5b4c3d2e1f0&vnp_Version=2.1.0"
	orderHash = "967f5ea97d088a2b3d878f834efa1564a4b1e200faf69856d2677e1e399ac965c40f2be91d7848449e688405fa0b5dcf7dec3874dde4ec71d744a910679ad676"

	ipnData = "vnp_Amount=10000000&vnp_BankCode=NCB&vnp_BankTranNo=VNP14389012&vnp_CardType=ATM" +
		"&vnp_OrderInfo=Nop+phi+ho+so+000.00.16.H19-260309-0001&vnp_PayDate=20260309091812&vnp_ResponseCode=00" +
		"&vnp_TmnCode=MOTCUA01&vnp_TransactionNo=14389012&vnp_TransactionStatus=00&vnp_TxnRef=0f1e2d3c4b5a69788796a5b4c3d2e1f0"
	ipnHash = "8192276f13dbe4779c5cbf8a7ac93d2e0b9bab5ecf5e560fcacbbcd20f35e2e36530fa16eb891d2acd9487ec262af1ac6da066185574c57e2c4525c77755e69e"
)

func gateway(t *testing.T) *Gateway {
	t.Helper()
	g, err := New(payPage, "MOTCUA01", secret)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// The payment address is the gateway's page with the order's parameters as its query,
// in the order they are signed, and their signature.
func TestPayURLIsSignedAsDocumented(t *testing.T) {
	created := time.Date(2026, 3, 9, 2, 15, 30, 0, time.UTC) // 09:15:30 in GMT+7
	got, err := gateway(t).PayURL(app.PaymentOrder{PaymentID: "0f1e2d3c4b5a69788796a5b4c3d2e1f0", AmountVND: 100_000,
		DossierCode: "000.00.16.H19-260309-0001", CreatedAt: created,
		ReturnURL: "https://motcua.example.vn/api/v1/payments/vnpay/return", ClientIP: "203.0.113.7", Lang: vocabulary.Vietnamese})
	if err != nil {
		t.Fatal(err)
	}
	if want := payPage + "?" + orderData + "&vnp_SecureHash=" + orderHash; got != want {
		t.Errorf("payment address\n got %s\nwant %s", got, want)
	}
	english, _ := gateway(t).PayURL(app.PaymentOrder{PaymentID: "a", AmountVND: 1, CreatedAt: created, Lang: vocabulary.English})
	if !strings.Contains(english, "vnp_Locale=en&") {
		t.Errorf("in English: %s", english)
	}
	for _, amount := range []int64{0, -5, 10_000_000_000} {
		if _, err := gateway(t).PayURL(app.PaymentOrder{PaymentID: "a", AmountVND: amount, CreatedAt: created}); err == nil {
			t.Errorf("%d VND taken", amount)
		}
	}
}

// The hash data of the payment address VNPay's guide shows is its own query string, as
// the guide writes it (+ for spaces, %3A, %2F): the encoding is the gateway's.
func TestHashDataOfVNPaysExample(t *testing.T) {
	const example = "vnp_Amount=1806000&vnp_Command=pay&vnp_CreateDate=20210801153333&vnp_CurrCode=VND" +
		"&vnp_IpAddr=127.0.0.1&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_OrderType=other" +
		"&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&vnp_TmnCode=DEMOV210&vnp_TxnRef=5&vnp_Version=2.1.0"
	q, err := url.ParseQuery(example)
	if err != nil {
		t.Fatal(err)
	}
	if got := hashData(q); got != example {
		t.Errorf("hash data\n got %s\nwant %s", got, example)
	}
	if got := encode("a b~*'!()é/:-_.Z9"); got != "a+b%7E%2A%27%21%28%29%C3%A9%2F%3A-_.Z9" {
		t.Errorf("encode: %s", got)
	}
}

// A notification signed as documented is read; anything changed in it, another secret,
// another terminal, or a parameter given twice is not the gateway's.
func TestVerifyANotification(t *testing.T) {
	g := gateway(t)
	signed := func(data, hash string) url.Values {
		q, err := url.ParseQuery(data + "&vnp_SecureHashType=HmacSHA512&vnp_SecureHash=" + hash)
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	n, err := g.Verify(signed(ipnData, ipnHash))
	if err != nil {
		t.Fatal(err)
	}
	if n.PaymentID != "0f1e2d3c4b5a69788796a5b4c3d2e1f0" || n.AmountVND != 100_000 || !n.Paid || n.TransactionNo != "14389012" ||
		n.BankCode != "NCB" || n.ResponseCode != "00" || !n.PaidAt.Equal(time.Date(2026, 3, 9, 2, 18, 12, 0, time.UTC)) {
		t.Errorf("read: %+v", n)
	}
	if _, err := g.Verify(signed(ipnData, strings.ToUpper(ipnHash))); err != nil {
		t.Errorf("the signature in upper case: %v", err)
	}
	other, _ := New(payPage, "MOTCUA02", secret)
	wrongSecret, _ := New(payPage, "MOTCUA01", secret+"x")
	for name, tc := range map[string]struct {
		g *Gateway
		q url.Values
	}{
		"the amount changed":     {g, signed(strings.Replace(ipnData, "vnp_Amount=10000000", "vnp_Amount=100", 1), ipnHash)},
		"the outcome changed":    {g, signed(strings.Replace(ipnData, "vnp_ResponseCode=00", "vnp_ResponseCode=24", 1), ipnHash)},
		"a parameter added":      {g, signed(ipnData+"&vnp_Extra=1", ipnHash)},
		"a parameter twice":      {g, signed(ipnData+"&vnp_TxnRef=0f1e2d3c4b5a69788796a5b4c3d2e1f0", ipnHash)},
		"no signature":           {g, mustQuery(t, ipnData)},
		"a signature cut short":  {g, signed(ipnData, ipnHash[:64])},
		"another secret":         {wrongSecret, signed(ipnData, ipnHash)},
		"for another terminal":   {other, signed(ipnData, ipnHash)},
		"a signature not in hex": {g, signed(ipnData, "zz"+ipnHash[2:])},
	} {
		if _, err := tc.g.Verify(tc.q); !errors.Is(err, app.ErrBadSignature) {
			t.Errorf("%s: %v, want a bad signature", name, err)
		}
	}
}

// The gateway's answer codes: only 00 for both the response and the transaction is a
// payment; an amount that is not whole đồng matches no payment.
func TestWhatANotificationSays(t *testing.T) {
	g := gateway(t)
	for _, tc := range []struct {
		response, status, amount string
		paid                     bool
		vnd                      int64
	}{
		{"00", "00", "10000000", true, 100_000},
		{"24", "02", "10000000", false, 100_000},
		{"00", "01", "10000000", false, 100_000},
		{"00", "00", "10000050", true, -1},
		{"00", "00", "x", true, -1},
	} {
		q := url.Values{"vnp_TmnCode": {"MOTCUA01"}, "vnp_TxnRef": {"p1"}, "vnp_Amount": {tc.amount},
			"vnp_ResponseCode": {tc.response}, "vnp_TransactionStatus": {tc.status}}
		q.Set("vnp_SecureHash", sign([]byte(secret), hashData(q)))
		n, err := g.Verify(q)
		if err != nil || n.Paid != tc.paid || n.AmountVND != tc.vnd {
			t.Errorf("%+v: %+v, %v", tc, n, err)
		}
	}
}

func TestNewNeedsItsSettings(t *testing.T) {
	for _, tc := range [][3]string{{"", "T", "s"}, {"ftp://x/y", "T", "s"}, {payPage + "?a=1", "T", "s"}, {payPage, "", "s"}, {payPage, "T", ""}} {
		if _, err := New(tc[0], tc[1], tc[2]); err == nil {
			t.Errorf("New%q taken", tc)
		}
	}
}

func mustQuery(t *testing.T, s string) url.Values {
	t.Helper()
	q, err := url.ParseQuery(s)
	if err != nil {
		t.Fatal(err)
	}
	return q
}
