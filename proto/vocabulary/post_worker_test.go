package vocabulary

import "testing"

func TestPostWords(t *testing.T) {
	for _, tc := range []struct {
		name   string
		got    Words
		vi, en string
	}{
		{"a status as the workers read it", PostStatus("picked_up"), "Bưu điện đã đến lấy", "Collected by the post"},
		{"a status as the citizen reads it", PostStatus("out_for_delivery"), "Đang phát", "Out for delivery"},
		{"an action after a failed delivery", FailureAction("leave_notice"), "Đã để lại giấy báo", "A notice was left"},
		{"a recipient's relation", RecipientRelation("office_clerk"), "Văn thư cơ quan", "The office's clerk"},
		{"a reason on its own", FailureReason("refused").Capitalized(), "Người nhận từ chối nhận", "The recipient refused it"},
		{"no words stay none", FailureAction("lost").Capitalized(), "", ""},
		{"a capital with a diacritic", Words{"đã nhận", "x"}.Capitalized(), "Đã nhận", "X"},
	} {
		if tc.got.VI != tc.vi || tc.got.EN != tc.en {
			t.Errorf("%s: %q / %q, want %q / %q", tc.name, tc.got.VI, tc.got.EN, tc.vi, tc.en)
		}
	}
	checkS10 := Problem("", "invalid_tracking_number", Problem("s10", "check_digit", 5, 4))
	if checkS10.VI != "Số hiệu bưu gửi không đúng: chữ số kiểm tra phải là 5, không phải 4; nếu chữ số cuối đúng thì một trong tám chữ số trước nó đã gõ nhầm." ||
		checkS10.EN != "This is not a valid tracking number: the check digit should be 5, not 4; if the last digit is right, one of the eight before it was mistyped." {
		t.Errorf("a wrong check digit: %+v", checkS10)
	}
}
