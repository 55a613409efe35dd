package htmlpage

// StaffWords are the words the staff's pages say alike, Vietnamese first: who is signed
// in ("signed.in.as", given the user name and the role), a form that cannot be taken
// (its CSRF token expired, or it cannot be read), a service too busy to answer, the
// title of a page that cannot be shown, the way home of a visitor whose role the pages
// refuse, and the mark of a field that may stay empty. Each staff page package's
// dictionary is StaffWords.With its own words: its "site" and "site.short", and any of
// these its pages word otherwise.
var StaffWords = Dictionary{
	"signed.in.as":  {"Đăng nhập: %s (%s)", "Signed in: %s (%s)"},
	"csrf":          {"Phiên biểu mẫu đã hết hạn hoặc không hợp lệ. Hãy tải lại trang rồi gửi lại.", "The form has expired or is not valid. Reload the page and send it again."},
	"bad.form":      {"Biểu mẫu gửi lên không đọc được. Hãy tải lại trang và gửi lại.", "The form could not be read. Reload the page and send it again."},
	"unavailable":   {"Hệ thống đang bận. Vui lòng thử lại sau ít phút.", "The service is busy. Please try again in a few minutes."},
	"message.title": {"Không mở được trang này", "This page cannot be shown"},
	"go.home":       {"Về trang làm việc của bạn", "Go to your own pages"},
	"optional":      {"(không bắt buộc)", "(optional)"},
}
