package pickup

import (
	"strings"
	"testing"

	"github.com/motcua/motcua/services/worktime"
)

func TestValidate(t *testing.T) {
	today := worktime.Date{Year: 2026, Month: 12, Day: 7}
	valid := func() Ask {
		return Ask{ProcedureCode: " 2.000720 ", ReceivingOffice: "000.00.16.H19", Address: "  Ấp 1,  xã Bảo Hòa ",
			Date: "2026-12-08", Slot: " Morning"}
	}
	cases := []struct {
		name        string
		edit        func(a *Ask)
		field, code string
	}{
		{"valid", func(a *Ask) {}, "", ""},
		{"today", func(a *Ask) { a.Date = "2026-12-07" }, "", ""},
		{"the last day", func(a *Ask) { a.Date = "2027-01-06" }, "", ""},
		{"past", func(a *Ask) { a.Date = "2026-12-06" }, "date", "out_of_range"},
		{"too far", func(a *Ask) { a.Date = "2027-01-07" }, "date", "out_of_range"},
		{"no date", func(a *Ask) { a.Date = "" }, "date", "required"},
		{"not a date", func(a *Ask) { a.Date = "08/12/2026" }, "date", "invalid_date"},
		{"no slot", func(a *Ask) { a.Slot = "" }, "slot", "invalid_slot"},
		{"evening", func(a *Ask) { a.Slot = "evening" }, "slot", "invalid_slot"},
		{"no address", func(a *Ask) { a.Address = " " }, "address", "required"},
		{"long address", func(a *Ask) { a.Address = strings.Repeat("ấ", 501) }, "address", "too_long"},
		{"no procedure", func(a *Ask) { a.ProcedureCode = "" }, "procedure_code", "required"},
		{"no desk", func(a *Ask) { a.ReceivingOffice = "" }, "receiving_office", "required"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := valid()
			c.edit(&a)
			a.Normalize()
			day, fe := a.Validate(today)
			if c.field == "" {
				if fe != nil || day.String() != a.Date {
					t.Fatalf("refused: %v (%s)", fe, day)
				}
				return
			}
			if fe == nil || fe.Field != c.field || fe.Code != c.code {
				t.Fatalf("got %+v, want %s %s", fe, c.field, c.code)
			}
		})
	}
	a := valid()
	a.Normalize()
	if a.Address != "Ấp 1, xã Bảo Hòa" || a.Slot != Morning || a.ProcedureCode != "2.000720" {
		t.Errorf("normalized: %+v", a)
	}
}
