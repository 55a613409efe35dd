package forms

// formContent lists, for each form of fullDossier, text that both the HTML and the
// PDF must print. Each entry is short enough to stay on one line of the PDF.
var formContent = map[Kind][]string{
	KindReceipt: {
		"Mẫu số 01", nationName, nationMotto,
		"GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
		"Mã hồ sơ: 000.00.16.H19-261201-0001",
		"Nguyễn Thị Hồng Nhung", "0905 123 456", "nhung@example.vn",
		"Tờ khai đăng ký khai sinh", "Giấy chứng sinh", "Giấy chứng nhận kết hôn của cha, mẹ",
		"Bản chính", "Bản sao chứng thực", "Bản sao",
		"3 ngày làm việc", "100.000 đồng", "BL-0001234", "Sổ 2026, số 0001",
		"NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Trần Văn Đức", "Mã tra cứu: ", "482915",
	},
	KindSupplementRequest: {
		"Mẫu số 02", nationName,
		"PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Mã hồ sơ: 000.00.16.H19-261201-0001",
		"Ngày 02 tháng 12 năm 2026", "Giấy xác nhận cư trú", "Bản chính",
		"NGƯỜI HƯỚNG DẪN", "Lê Thị Thu",
	},
	KindRefusal: {
		"Mẫu số 03", nationName, "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ",
		"Mã hồ sơ: 000.00.16.H19-261201-0001", "Ngày 02 tháng 12 năm 2026", "NGƯỜI LẬP PHIẾU", "Lê Thị Thu",
	},
	KindApology: {
		"Mẫu số 04", nationName, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
		"Mã hồ sơ: 000.00.16.H19-261201-0001", "Ngày 04 tháng 12 năm 2026",
		"Ông/Bà Nguyễn Thị Hồng Nhung", "ĐẠI DIỆN CƠ QUAN", "Phạm Minh Quân",
	},
	KindDispatchSlip: {
		"Phiếu gửi", nationName, "PHIẾU GỬI HỒ SƠ QUA DỊCH VỤ BƯU CHÍNH CÔNG ÍCH",
		"Mã hồ sơ: 000.00.16.H19-261201-0001", "EC000000014VN", "BƯU CỤC HẢI CHÂU",
		"Nguyễn Thị Hồng Nhung", "0905 123 456", "NP-2026-004512", "cước 26.000 đồng", "126.000 đồng",
		"Giấy chứng sinh", "NGƯỜI GỬI", "NHÂN VIÊN BƯU ĐIỆN", "Võ Thị Mai", "Mã tra cứu: ", "482915",
	},
	KindControlSlip: {
		"Mẫu số 05", nationName, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
		"Mã hồ sơ: 000.00.16.H19-261201-0001", "Nguyễn Thị Hồng Nhung",
		"Trước hạn", "Đúng hạn", "Quá hạn", "Lê Thị Thu", "Trần Văn Đức", "Chuyển hồ sơ", "Đã ký duyệt",
	},
}

// htmlContent lists, for each form of fullDossier, longer text that the HTML must
// print (the PDF may wrap it across lines).
var htmlContent = map[Kind][]string{
	KindReceipt: {
		"BỘ PHẬN MỘT CỬA UBND QUẬN HẢI CHÂU",
		"Tiếp nhận hồ sơ của:", "12 Lê Duẩn, phường Thạch Thang, quận Hải Châu, Đà Nẵng",
		"Đăng ký khai sinh (mã 1.001193)",
		"Thời gian giải quyết hồ sơ theo quy định:", "Thời gian nhận hồ sơ:",
		"09 giờ 05 phút, ngày 01 tháng 12 năm 2026", // received
		"09 giờ 05 phút, ngày 04 tháng 12 năm 2026", // appointment
		"Qua dịch vụ bưu chính công ích",
		"100.000 đồng, biên lai số BL-0001234",
		"Vào sổ theo dõi hồ sơ:",
		`alt="Mã QR tra cứu hồ sơ 000.00.16.H19-261201-0001: https://motcua.example.vn/tra-cuu?ma=000.00.16.H19-261201-0001"`,
		`src="data:image/png;base64,`,
		"@page { size: A5; margin: 12mm }",
	},
	KindSupplementRequest: {
		"PHÒNG TƯ PHÁP QUẬN HẢI CHÂU",
		"Ngày 01 tháng 12 năm 2026, Bộ phận Một cửa UBND quận Hải Châu đã tiếp nhận hồ sơ",
		"Thiếu giấy tờ chứng minh nơi cư trú của người mẹ.",
		"liên hệ với Lê Thị Thu – Phòng Tư pháp quận Hải Châu",
		"@page { size: A5; margin: 12mm }",
	},
	KindRefusal: {
		"Hồ sơ không thuộc thẩm quyền giải quyết của quận Hải Châu.",
		"thông báo không tiếp nhận, giải quyết hồ sơ này",
		"liên hệ với Lê Thị Thu – Phòng Tư pháp quận Hải Châu",
		"09 giờ 05 phút, ngày 01 tháng 12 năm 2026",
	},
	KindApology: {
		"Ngày 01 tháng 12 năm 2026, Bộ phận Một cửa UBND quận Hải Châu đã tiếp nhận hồ sơ",
		"Thời hẹn trả kết quả giải quyết hồ sơ:</span> <span class=\"value\">09 giờ 05 phút, ngày 04 tháng 12 năm 2026",
		"Cần xác minh thêm thông tin với cơ quan đăng ký hộ tịch nơi cư trú trước đây.",
		"Phòng Tư pháp quận Hải Châu thành thật xin lỗi Ông/Bà",
		"sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào 14 giờ 30 phút, ngày 08 tháng 12 năm 2026.",
	},
	KindControlSlip: {
		"@page { size: A5 landscape; margin: 12mm }",
		"10 giờ 30 phút, ngày 01 tháng 12 năm 2026",
		"16 giờ 45 phút, ngày 03 tháng 12 năm 2026",
		"08 giờ 00 phút, ngày 08 tháng 12 năm 2026",
		"Bộ phận Một cửa UBND quận Hải Châu\nTrần Văn Đức",
		"Phòng Tư pháp quận Hải Châu\nLê Thị Thu",
		"Cơ quan giải quyết hồ sơ:",
	},
}
