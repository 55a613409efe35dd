package web

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// TestReadAmount: the sum of a payment form is read as the registration's fee is, so
// a decimal point or comma is refused instead of being read as a sum a hundred or a
// thousand times smaller or larger.
func TestReadAmount(t *testing.T) {
	for _, c := range []struct {
		typed string
		want  int64
		ok    bool
	}{
		{"150000", 150000, true},
		{"1.500.000", 1500000, true},
		{"1 500 000 đ", 1500000, true},
		{"1.5", 0, false},
		{"100,5", 0, false},
		{"12.50", 0, false},
		{"abc", 0, false},
	} {
		r := httptest.NewRequest("POST", "/", strings.NewReader(url.Values{"amount_vnd": {c.typed}}.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		cmd, fe := readCommand(r)
		if ok := fe == nil; ok != c.ok || ok && cmd.AmountVND != c.want {
			t.Errorf("%q: %d, error %v; want %d, ok %v", c.typed, cmd.AmountVND, fe, c.want, c.ok)
		}
		if fe != nil && (fe.Field != "amount_vnd" || fe.Code != "not_a_number") {
			t.Errorf("%q: error %+v, want not_a_number on amount_vnd", c.typed, fe)
		}
	}
}
