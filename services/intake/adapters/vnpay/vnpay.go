// Package vnpay is the payment gateway adapter that speaks VNPay's published payment
// protocol ("Cổng thanh toán VNPAY", API version 2.1.0): the citizen's browser is sent to
// the gateway with a signed order (vnp_Command=pay), and the gateway tells the outcome
// by a signed notification to the merchant's IPN address and by the browser it sends
// back to vnp_ReturnUrl. Every message is signed with HMAC-SHA512 under the merchant's
// secret (signature.go).
package vnpay

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"time"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/payment"
)

// What the adapter sends in every order.
const (
	version   = "2.1.0"
	command   = "pay"
	currency  = "VND"
	orderType = "other"
	// paid is the code of vnp_ResponseCode and vnp_TransactionStatus for a payment that
	// went through.
	paid = "00"
	// maxAmount is the largest vnp_Amount (twelve digits: VND × 100).
	maxAmount = 999_999_999_999
)

// vnTime is the gateway's clock: times are yyyyMMddHHmmss in GMT+7.
var vnTime = time.FixedZone("GMT+7", 7*60*60)

const timeLayout = "20060102150405"

// Gateway is VNPay as the app's payment gateway.
type Gateway struct {
	payURL  *url.URL
	tmnCode string
	secret  []byte
	// expiry is how long the gateway takes an order after it was made (vnp_ExpireDate).
	expiry time.Duration
}

var _ app.PaymentGateway = (*Gateway)(nil)

// New is the gateway at payURL (VNPay's payment address, such as
// https://sandbox.vnpayment.vn/paymentv2/vpcpay.html) for the merchant terminal tmnCode
// and its secret.
func New(payURL, tmnCode, secret string) (*Gateway, error) {
	u, err := url.Parse(payURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" {
		return nil, errors.New("MOTCUA_VNPAY_URL: not an http:// or https:// address without a query")
	}
	if tmnCode == "" || secret == "" {
		return nil, errors.New("MOTCUA_VNPAY_URL needs MOTCUA_VNPAY_TMN_CODE and MOTCUA_VNPAY_SECRET")
	}
	return &Gateway{payURL: u, tmnCode: tmnCode, secret: []byte(secret), expiry: 15 * time.Minute}, nil
}

// Name names VNPay in the payments' records.
func (g *Gateway) Name() string { return "vnpay" }

// PayURL is the signed address of the gateway's payment page for o.
func (g *Gateway) PayURL(o app.PaymentOrder) (string, error) {
	if o.AmountVND <= 0 || o.AmountVND > maxAmount/100 {
		return "", fmt.Errorf("vnpay: %d VND is beyond what the gateway takes", o.AmountVND)
	}
	locale := "vn"
	if o.Lang == vocabulary.English {
		locale = "en"
	}
	params := url.Values{
		"vnp_Version":    {version},
		"vnp_Command":    {command},
		"vnp_TmnCode":    {g.tmnCode},
		"vnp_Amount":     {strconv.FormatInt(o.AmountVND*100, 10)},
		"vnp_CurrCode":   {currency},
		"vnp_TxnRef":     {o.PaymentID},
		"vnp_OrderInfo":  {"Nop phi ho so " + o.DossierCode},
		"vnp_OrderType":  {orderType},
		"vnp_Locale":     {locale},
		"vnp_ReturnUrl":  {o.ReturnURL},
		"vnp_IpAddr":     {o.ClientIP},
		"vnp_CreateDate": {o.CreatedAt.In(vnTime).Format(timeLayout)},
		"vnp_ExpireDate": {o.CreatedAt.Add(g.expiry).In(vnTime).Format(timeLayout)},
	}
	signed := hashData(params)
	u := *g.payURL
	u.RawQuery = signed + "&vnp_SecureHash=" + sign(g.secret, signed)
	return u.String(), nil
}

// Verify checks the signature of what the gateway sent (the IPN's query, or the return
// address's) and reads it. A message not signed with the secret as it stands, or for
// another terminal, fails with app.ErrBadSignature.
func (g *Gateway) Verify(query url.Values) (payment.Notice, error) {
	if !verified(g.secret, query) || query.Get("vnp_TmnCode") != g.tmnCode {
		return payment.Notice{}, app.ErrBadSignature
	}
	n := payment.Notice{
		PaymentID:     query.Get("vnp_TxnRef"),
		AmountVND:     -1, // an amount that is not whole đồng matches no payment
		Paid:          query.Get("vnp_ResponseCode") == paid && query.Get("vnp_TransactionStatus") == paid,
		TransactionNo: query.Get("vnp_TransactionNo"),
		BankCode:      query.Get("vnp_BankCode"),
		ResponseCode:  query.Get("vnp_ResponseCode"),
	}
	if amount, err := strconv.ParseInt(query.Get("vnp_Amount"), 10, 64); err == nil && amount > 0 && amount%100 == 0 {
		n.AmountVND = amount / 100
	}
	if at, err := time.ParseInLocation(timeLayout, query.Get("vnp_PayDate"), vnTime); err == nil {
		n.PaidAt = at
	}
	return n, nil
}
