package apiclient

import (
	"encoding/json"
	"fmt"
)

// Registration returns a valid registration body at office for the i-th applicant.
func Registration(office, procedure string, i int) []byte {
	b, _ := json.Marshal(map[string]any{
		"procedure_code":   procedure,
		"receiving_office": office,
		"channel":          "desk",
		"applicant": map[string]string{
			"full_name": "Nguyễn Văn An",
			"id_number": fmt.Sprintf("%012d", 100000000000+i),
			"phone":     fmt.Sprintf("09%08d", i%100000000),
			"address":   "Khu 1, thị trấn Gia Ray, Xuân Lộc, Đồng Nai",
		},
		"documents":    []map[string]any{{"name": "Giấy đề nghị đăng ký hộ kinh doanh", "kind": "original", "copies": 1}},
		"fee_paid_vnd": 100000,
	})
	return b
}
