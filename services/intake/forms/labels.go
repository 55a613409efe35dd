package forms

// documentKind names a kind of copy as forms print it.
func documentKind(kind string) string {
	switch kind {
	case "original":
		return "Bản chính"
	case "certified_copy":
		return "Bản sao chứng thực"
	case "copy":
		return "Bản sao"
	}
	return kind
}

// timing names the result of a step against its deadline.
func timing(t string) string {
	switch t {
	case "early":
		return "Trước hạn"
	case "on_time":
		return "Đúng hạn"
	case "late":
		return "Quá hạn"
	}
	return t
}

// action names a dossier action (as the intake service spells it) in Vietnamese;
// an unknown action is printed as given.
func action(a string) string {
	switch a {
	case "receive", "register":
		return "Tiếp nhận hồ sơ"
	case "transfer":
		return "Chuyển hồ sơ"
	case "accept":
		return "Nhận hồ sơ"
	case "request-supplement":
		return "Yêu cầu bổ sung hồ sơ"
	case "supplement":
		return "Nhận hồ sơ bổ sung"
	case "extend":
		return "Xin lỗi, hẹn lại ngày trả kết quả"
	case "complete":
		return "Hoàn thành giải quyết"
	case "return":
		return "Trả kết quả"
	case "refuse":
		return "Từ chối tiếp nhận, giải quyết"
	case "stop":
		return "Dừng giải quyết"
	case "withdraw":
		return "Công dân rút hồ sơ"
	case "request-payment":
		return "Yêu cầu nộp phí, lệ phí"
	case "record-payment":
		return "Ghi nhận nộp phí, lệ phí"
	}
	return a
}

// officeName is an office as printed: its name, or its code when it has none.
func officeName(o Office) string {
	if o.Name != "" {
		return o.Name
	}
	return o.Code
}

// firstOffice is the first of the offices that has a name or a code.
func firstOffice(offices ...Office) Office {
	for _, o := range offices {
		if officeName(o) != "" {
			return o
		}
	}
	return Office{}
}
