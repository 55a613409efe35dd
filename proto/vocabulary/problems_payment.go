package vocabulary

// paymentProblems say why a fee cannot be paid online now, and what is wrong with what a
// payment gateway sent back.
var paymentProblems = table{
	"online_payment_off": {"Hiện chưa nhận nộp phí, lệ phí trực tuyến. Bạn có thể nộp tại Bộ phận Một cửa khi nhận kết quả.",
		"Fees cannot be paid online for now. You can pay at the one-stop desk when you collect the result."},
	"no_fee_due": {"Hồ sơ này không còn phí, lệ phí phải nộp.", "Nothing is left to pay on this dossier."},
	"bad_payment_signature": {"Kết quả thanh toán không mang chữ ký hợp lệ của cổng thanh toán.",
		"The payment result does not carry the payment gateway's valid signature."},
	"payment_not_found": {"Không có giao dịch thanh toán này.", "There is no such payment."},
}
