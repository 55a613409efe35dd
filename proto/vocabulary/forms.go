package vocabulary

// forms name the printable forms of the annex of Circular 01/2018/TT-VPCP, by the
// names the API gives them, and the dispatch slip a post office and the applicant sign.
var forms = table{
	"receipt":            {"Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Form 01: Receipt and appointment"},
	"supplement-request": {"Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "Form 02: Request to complete the dossier"},
	"refusal":            {"Mẫu 03: Phiếu từ chối tiếp nhận, giải quyết hồ sơ", "Form 03: Refusal"},
	"apology":            {"Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả", "Form 04: Apology and new appointment"},
	"control-slip":       {"Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ", "Form 05: Processing control slip"},
	"dispatch-slip":      {"Phiếu gửi hồ sơ qua bưu chính công ích", "Dispatch slip of the post"},
}

// Form names a printable form.
func Form(form string) Words { return forms.lookup(form) }
