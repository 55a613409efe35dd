package vocabulary

// The words of the problems every service shares: the request itself, the token, the
// role, the database.
var requestProblems = table{
	"body_too_large":           {"Nội dung gửi lên lớn hơn %d KiB; hãy gửi ít hơn.", "The request body is larger than %d KiB; send less."},
	"unreadable_body":          {"Không đọc được nội dung gửi lên; hãy gửi lại.", "The request body could not be read; send it again."},
	"empty_body":               {"Yêu cầu cần có nội dung JSON.", "The request needs a JSON body."},
	"invalid_utf8":             {"Nội dung gửi lên phải là văn bản UTF-8.", "The request body must be UTF-8 text."},
	" wrong_type":              {"Nội dung gửi lên phải là một đối tượng JSON.", "The request body must be a JSON object."},
	"wrong_type":               {"Trường %q phải là %s.", "The field %q must be a %s."},
	"malformed_json":           {"Nội dung gửi lên không phải JSON hợp lệ: %s", "The request body is not valid JSON: %s"},
	"temporarily_unavailable":  {"Hệ thống tạm thời không kết nối được cơ sở dữ liệu; hãy gửi lại yêu cầu sau vài giây.", "The service cannot reach its database right now; send the same request again in a few seconds."},
	"not_found":                {"Không có gì ở địa chỉ này.", "There is nothing at this address."},
	"method_not_allowed":       {"Địa chỉ này không nhận yêu cầu %s.", "This address does not accept %s."},
	"internal":                 {"Hệ thống gặp lỗi; vui lòng thử lại sau ít phút.", "Something went wrong on our side; please try again in a moment."},
	"no_token":                 {"Hãy đăng nhập: yêu cầu này cần mã truy cập (Authorization: Bearer).", "Sign in: this needs an Authorization: Bearer token."},
	"bad_token":                {"Mã truy cập không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại.", "Your token is invalid or has expired; sign in again."},
	"not_signed_in":            {"Hãy đăng nhập trước.", "Sign in first."},
	"role_refused":             {"Vai trò của bạn (%s) không được làm việc này; cần vai trò: %s.", "Your role (%s) may not do this; it needs: %s."},
	"account_changed":          {"Tài khoản của bạn đã bị khóa hoặc thay đổi (vai trò, cơ quan) từ khi đăng nhập; hãy đăng nhập lại.", "Your account has been disabled or changed since you signed in; sign in again."},
	"outcome_unknown":          {"Cơ sở dữ liệu vừa gián đoạn nên chưa rõ yêu cầu đã được ghi nhận hay chưa. Hãy gửi lại đúng yêu cầu này với cùng Idempotency-Key: nếu đã ghi nhận, bạn nhận lại đúng kết quả lần trước.", "The database was interrupted, so whether the request was recorded is not known. Send the same request again with the same Idempotency-Key: if it was recorded, you get its first answer."},
	"signed_out":               {"Bạn đã đăng xuất khỏi phiên này; hãy đăng nhập lại.", "You signed out of this session; sign in again."},
	"bad_credentials":          {"Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password."},
	"too_many_sign_ins":        {"Đăng nhập sai quá nhiều lần; hãy chờ một lát rồi thử lại.", "Too many failed sign-ins; wait a little and try again."},
	"username required":        {"Hãy nhập tên đăng nhập.", "Enter your username."},
	"password required":        {"Hãy nhập mật khẩu.", "Enter your password."},
	"required":                 {"Mục này bắt buộc.", "This is required."},
	"too_long":                 {"Nội dung quá dài; hãy rút gọn.", "This is too long; shorten it."},
	"Idempotency-Key too_long": {"Idempotency-Key tối đa 200 ký tự.", "An Idempotency-Key may have at most 200 characters."},
	"invalid_idempotency_key":  {"Idempotency-Key phải là văn bản UTF-8 không có ký tự điều khiển, ví dụ một UUID.", "An Idempotency-Key must be UTF-8 text without control characters, such as a UUID."},
	"idempotency_key_reused":   {"Idempotency-Key này đã dùng cho một yêu cầu khác; hãy dùng khóa mới cho yêu cầu mới.", "This Idempotency-Key was used for a different request; use a new key for a new request."},
}
