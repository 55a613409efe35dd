package forms

import "testing"

func TestParseKind(t *testing.T) {
	tests := []struct {
		in   string
		want Kind
		ok   bool
	}{
		{"receipt", KindReceipt, true},
		{"supplement-request", KindSupplementRequest, true},
		{"refusal", KindRefusal, true},
		{"apology", KindApology, true},
		{"control-slip", KindControlSlip, true},
		{"dispatch-slip", KindDispatchSlip, true},
		{"", "", false},
		{"Receipt", "", false},
		{" receipt", "", false},
		{"supplement_request", "", false},
		{"register", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseKind(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseKind(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestKindsAreNumberedInOrder(t *testing.T) {
	want := []string{"Mẫu số 01", "Mẫu số 02", "Mẫu số 03", "Mẫu số 04", "Mẫu số 05", "Phiếu gửi"}
	kinds := Kinds()
	if len(kinds) != len(want) {
		t.Fatalf("Kinds() has %d forms, want %d", len(kinds), len(want))
	}
	for i, k := range kinds {
		if got := number(k); got != want[i] {
			t.Errorf("number(%s) = %q, want %q", k, got, want[i])
		}
		if back, ok := ParseKind(string(k)); !ok || back != k {
			t.Errorf("ParseKind(%q) = %q, %v", k, back, ok)
		}
	}
}
