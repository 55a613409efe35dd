package app_test

import (
	"slices"
	"testing"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/catalog"
)

func TestMatchProcedures(t *testing.T) {
	procs := []catalog.Procedure{
		{Code: "2.000720", Name: "Đăng ký thành lập hộ kinh doanh"},
		{Code: "1.001193", Name: "Đăng ký khai sinh"},
		{Code: "1.004227", Name: "Cấp giấy phép xây dựng nhà ở riêng lẻ"},
	}
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"", []string{"2.000720", "1.001193", "1.004227"}},
		{"  ", []string{"2.000720", "1.001193", "1.004227"}},
		{"ho kinh doanh", []string{"2.000720"}},
		{"HỘ KINH", []string{"2.000720"}},
		{"dang ky", []string{"2.000720", "1.001193"}},
		{"doanh dang", []string{"2.000720"}},
		{"1.0011", []string{"1.001193"}},
		{"khai sinh xay", nil},
		{"nhà ở", []string{"1.004227"}},
	} {
		var got []string
		for _, p := range app.MatchProcedures(procs, c.q) {
			got = append(got, p.Code)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q finds %v, want %v", c.q, got, c.want)
		}
	}
}
