package service_test

import (
	"net/http"
	"testing"
)

// TestLookupPageShowsFeesAndThePaymentForm: the lookup page gives the fee due and paid
// and the receipts (number, amount in đồng, time, electronic for a fee paid online);
// while something is owed it draws the form that asks intake to pay it online (the
// code and PIN hidden, with the form's token) and says the desk takes it too; paid in
// full, or with no fee, no form. Back from the gateway it says how the payment went:
// paid (being confirmed, without offering the form again), failed (the form again);
// without the PIN, which the gateway does not know, it asks for it; and intake's
// answers that fees are not taken online or that nothing is left to pay.
func TestLookupPageShowsFeesAndThePaymentForm(t *testing.T) {
	t.Parallel()
	e := startEnvAt(t, at(3, 18, 9, 0))
	d := e.newDossier(due0)
	d.ev.GetReceived().FeeDueVnd, d.ev.GetReceived().FeePaidVnd = 100_000, 0
	e.received(d)
	free := e.newDossier(due0)
	free.ev.GetReceived().FeeDueVnd, free.ev.GetReceived().FeePaidVnd = 0, 0
	e.received(free)
	e.settle()

	form := `<form method="post" action="/nop-truc-tuyen/thanh-toan" id="payment-form">`
	owed := e.page(defaultClient, lookupPage(d.code, d.pin), nil)
	shows(t, "owed", owed, http.StatusOK, []string{"Phí, lệ phí phải nộp", `id="fee-due">100.000 ₫`, `id="fee-paid">0 ₫`,
		"Còn phải nộp", `<strong>100.000 ₫</strong>`, form, `name="code" value="` + d.code + `"`,
		`name="pin" value="` + d.pin + `"`, "Nộp 100.000 ₫ qua cổng thanh toán", ">Nộp phí trực tuyến</button>",
		"Hoặc nộp tại Bộ phận Một cửa khi nhận kết quả."}, `id="receipts"`)
	if !csrfField.Match(owed.body) {
		t.Error("the payment form has no CSRF token")
	}
	shows(t, "owed, in English", e.page(defaultClient, lookupPage(d.code, d.pin, "lang", "en"), nil), http.StatusOK,
		[]string{"Fee due", `action="/nop-truc-tuyen/thanh-toan?lang=en"`, ">Pay the fee online</button>",
			"Or pay at the desk when you collect the result."})
	shows(t, "no fee", e.page(defaultClient, lookupPage(free.code, free.pin), nil), http.StatusOK,
		[]string{free.code}, `id="fees"`, `id="payment-form"`)

	shows(t, "back paid, no PIN", e.page(defaultClient, lookupPage(d.code, "", "payment", "paid"), nil), http.StatusOK,
		[]string{`id="notice"`, "Khoản nộp đang được xác nhận; biên lai hiện ra ở đây khi cổng thanh toán xác nhận.",
			"Nhập mã tra cứu (PIN)", `value="` + d.code + `"`}, `id="error"`, `aria-invalid`)
	shows(t, "back paid, with the PIN", e.page(defaultClient, lookupPage(d.code, d.pin, "payment", "paid"), nil), http.StatusOK,
		[]string{"Khoản nộp đang được xác nhận", `id="fee-owed"`}, `id="payment-form"`)
	shows(t, "back failed", e.page(defaultClient, lookupPage(d.code, d.pin, "payment", "failed", "lang", "en"), nil), http.StatusOK,
		[]string{`id="error"`, "The fee was not paid", `id="payment-form"`})
	shows(t, "not taken online", e.page(defaultClient, lookupPage(d.code, d.pin, "payment", "off"), nil), http.StatusOK,
		[]string{"Hiện chưa nhận nộp phí, lệ phí trực tuyến. Bạn có thể nộp tại Bộ phận Một cửa khi nhận kết quả."}, `id="payment-form"`)
	shows(t, "nothing left", e.page(defaultClient, lookupPage(d.code, d.pin, "payment", "none"), nil), http.StatusOK,
		[]string{"Hồ sơ này không còn phí, lệ phí phải nộp."}, `id="payment-form"`)
	shows(t, "an unknown word", e.page(defaultClient, lookupPage(d.code, d.pin, "payment", "<b>"), nil), http.StatusOK,
		[]string{form}, `id="notice"`, "<b>")

	open := state{status: "processing", code: 4, current: deskA, due: due0}
	e.emit(fees(event(d, 2, at(3, 11, 10, 0), open, deskA, paymentRecorded(60_000, "E2026-0000001", true)), 100_000, 60_000),
		fees(event(d, 3, at(3, 12, 9, 30), open, deskA, paymentRecorded(40_000, "BL-0042", false)), 100_000, 100_000))
	e.settle()
	shows(t, "paid", e.page(defaultClient, lookupPage(d.code, d.pin), nil), http.StatusOK,
		[]string{`id="fee-due">100.000 ₫`, `id="fee-paid">100.000 ₫`, "Biên lai", "E2026-0000001", "60.000 ₫",
			"10:00, 11/03/2026", `<span class="tag">điện tử</span>`, "BL-0042", "40.000 ₫", "09:30, 12/03/2026"},
		`id="fee-owed"`, `id="payment-form"`)
	shows(t, "paid, in English", e.page(defaultClient, lookupPage(d.code, d.pin, "lang", "en"), nil), http.StatusOK,
		[]string{"Receipts", "Receipt number", "Paid at", "11 Mar 2026, 10:00", `<span class="tag">electronic</span>`})
}
