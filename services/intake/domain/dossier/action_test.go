package dossier

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// validCommand is a complete, valid command for a, that each case bends one way.
func validCommand(a Action) Command {
	due := vn(2026, time.December, 10, 16, 0)
	s := State{DueAt: due.Add(-48 * time.Hour)}
	return lcCommand(a, s)
}

func TestCommandValidate(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	items := func(n int) []Document {
		out := make([]Document, n)
		for i := range out {
			out[i] = Document{Name: fmt.Sprintf("Giấy tờ %d", i+1), Kind: Copy, Copies: 1}
		}
		return out
	}
	type tc struct {
		name   string
		action Action
		edit   func(c *Command)
		field  string // "" when the command must be valid
		code   string
	}
	cases := []tc{
		{"transfer valid", ActTransfer, func(c *Command) {}, "", ""},
		{"transfer to_office missing", ActTransfer, func(c *Command) { c.ToOffice = " \t" }, "to_office", "required"},
		{"transfer to_office too long", ActTransfer, func(c *Command) { c.ToOffice = long(41) }, "to_office", "too_long"},
		{"transfer to_office at limit", ActTransfer, func(c *Command) { c.ToOffice = long(40) }, "", ""},
		{"transfer via fax", ActTransfer, func(c *Command) { c.Via = "fax" }, "via", "invalid_via"},
		{"transfer via upper case", ActTransfer, func(c *Command) { c.Via = " POST " }, "", ""},
		{"transfer via defaults to hand", ActTransfer, func(c *Command) { c.Via = "" }, "", ""},

		{"supplement request valid", ActRequestSupplement, func(c *Command) {}, "", ""},
		{"supplement request without items", ActRequestSupplement, func(c *Command) { c.Items = nil }, "items", "required"},
		{"supplement request with an empty list", ActRequestSupplement, func(c *Command) { c.Items = []Document{} }, "items", "required"},
		{"supplement request too many items", ActRequestSupplement, func(c *Command) { c.Items = items(MaxItems + 1) }, "items", "too_many"},
		{"supplement request items at limit", ActRequestSupplement, func(c *Command) { c.Items = items(MaxItems) }, "", ""},
		{"item name missing", ActRequestSupplement, func(c *Command) { c.Items[0].Name = "  " }, "items[0].name", "required"},
		{"second item name missing", ActRequestSupplement, func(c *Command) { c.Items = append(items(1), Document{}) }, "items[1].name", "required"},
		{"item name too long", ActRequestSupplement, func(c *Command) { c.Items[0].Name = long(MaxDocNameRunes + 1) }, "items[0].name", "too_long"},
		{"item name at limit", ActRequestSupplement, func(c *Command) { c.Items[0].Name = long(MaxDocNameRunes) }, "", ""},
		{"item name at limit in NFD", ActRequestSupplement, func(c *Command) {
			c.Items[0].Name = norm.NFD.String(strings.Repeat("ộ", MaxDocNameRunes))
		}, "", ""},
		{"item kind invalid", ActRequestSupplement, func(c *Command) { c.Items[0].Kind = "scan" }, "items[0].kind", "invalid_kind"},
		{"item kind upper case", ActRequestSupplement, func(c *Command) { c.Items[0].Kind = " ORIGINAL " }, "", ""},
		{"item kind defaults to copy", ActRequestSupplement, func(c *Command) { c.Items[0].Kind = "" }, "", ""},
		{"item copies negative", ActRequestSupplement, func(c *Command) { c.Items[0].Copies = -1 }, "items[0].copies", "out_of_range"},
		{"item copies too many", ActRequestSupplement, func(c *Command) { c.Items[0].Copies = MaxCopies + 1 }, "items[0].copies", "out_of_range"},
		{"item copies at limit", ActRequestSupplement, func(c *Command) { c.Items[0].Copies = MaxCopies }, "", ""},
		{"item copies default to one", ActRequestSupplement, func(c *Command) { c.Items[0].Copies = 0 }, "", ""},
		{"supplement request without reason", ActRequestSupplement, func(c *Command) { c.Reason = "\n" }, "reason", "required"},
		{"items checked before the reason", ActRequestSupplement, func(c *Command) { c.Reason = ""; c.Items[0].Kind = "?" }, "items[0].kind", "invalid_kind"},

		{"extend valid", ActExtend, func(c *Command) {}, "", ""},
		{"extend without date", ActExtend, func(c *Command) { c.NewDueAt = nil }, "new_due_at", "required"},
		{"extend without reason", ActExtend, func(c *Command) { c.Reason = "" }, "reason", "required"},

		{"complete approved", ActComplete, func(c *Command) {}, "", ""},
		{"complete rejected, upper case", ActComplete, func(c *Command) { c.Outcome = " REJECTED " }, "", ""},
		{"complete without outcome", ActComplete, func(c *Command) { c.Outcome = "" }, "outcome", "invalid_outcome"},
		{"complete with unknown outcome", ActComplete, func(c *Command) { c.Outcome = "maybe" }, "outcome", "invalid_outcome"},

		{"request payment valid", ActRequestPayment, func(c *Command) {}, "", ""},
		{"request payment zero", ActRequestPayment, func(c *Command) { c.AmountVND = 0 }, "amount_vnd", "out_of_range"},
		{"request payment negative", ActRequestPayment, func(c *Command) { c.AmountVND = -1000 }, "amount_vnd", "out_of_range"},
		{"request payment at limit", ActRequestPayment, func(c *Command) { c.AmountVND = MaxFeeVND }, "", ""},
		{"request payment above limit", ActRequestPayment, func(c *Command) { c.AmountVND = MaxFeeVND + 1 }, "amount_vnd", "out_of_range"},

		{"record payment valid", ActRecordPayment, func(c *Command) {}, "", ""},
		{"record payment zero", ActRecordPayment, func(c *Command) { c.AmountVND = 0 }, "amount_vnd", "out_of_range"},
		{"record payment above limit", ActRecordPayment, func(c *Command) { c.AmountVND = MaxFeeVND + 1 }, "amount_vnd", "out_of_range"},
		{"record payment without receipt", ActRecordPayment, func(c *Command) { c.ReceiptNumber = " " }, "receipt_number", "required"},
		{"record payment receipt too long", ActRecordPayment, func(c *Command) { c.ReceiptNumber = long(51) }, "receipt_number", "too_long"},
		{"record payment receipt at limit", ActRecordPayment, func(c *Command) { c.ReceiptNumber = long(50) }, "", ""},
		{"amount checked before the receipt", ActRecordPayment, func(c *Command) { c.AmountVND = 0; c.ReceiptNumber = "" }, "amount_vnd", "out_of_range"},

		// Actions that need nothing accept an empty body and ignore the others' fields.
		{"accept empty", ActAccept, func(c *Command) { *c = Command{} }, "", ""},
		{"supplement empty", ActSupplement, func(c *Command) { *c = Command{} }, "", ""},
		{"return empty", ActReturn, func(c *Command) { *c = Command{} }, "", ""},
		{"accept ignores a bad outcome", ActAccept, func(c *Command) { c.Outcome = "maybe"; c.Via = "fax"; c.AmountVND = -1 }, "", ""},
	}
	for _, a := range []Action{ActRefuse, ActStop, ActWithdraw} {
		cases = append(cases,
			tc{string(a) + " valid", a, func(c *Command) {}, "", ""},
			tc{string(a) + " without reason", a, func(c *Command) { c.Reason = "" }, "reason", "required"},
			tc{string(a) + " with a blank reason", a, func(c *Command) { c.Reason = " \t\u00a0 " }, "reason", "required"},
			tc{string(a) + " reason of control characters", a, func(c *Command) { c.Reason = "\x00\x07" }, "reason", "required"},
		)
	}
	for _, a := range Actions {
		cases = append(cases,
			tc{string(a) + " note too long", a, func(c *Command) { c.Note = long(1001) }, "note", "too_long"},
			tc{string(a) + " note at limit", a, func(c *Command) { c.Note = long(1000) }, "", ""},
			tc{string(a) + " reason too long", a, func(c *Command) { c.Reason = long(1001) }, "reason", "too_long"},
			tc{string(a) + " long note and reason", a, func(c *Command) { c.Note, c.Reason = long(2000), long(2000) }, "note", "too_long"},
		)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := validCommand(tc.action)
			tc.edit(&c)
			c.Normalize(tc.action)
			fe := c.Validate(tc.action)
			if tc.field == "" {
				if fe != nil {
					t.Fatalf("Validate = %v, want valid", fe)
				}
				return
			}
			if fe == nil {
				t.Fatalf("Validate = nil, want %s %s", tc.field, tc.code)
			}
			if fe.Field != tc.field || fe.Code != tc.code {
				t.Errorf("Validate = %s %s (%q), want %s %s", fe.Field, fe.Code, message(fe), tc.field, tc.code)
			}
			if strings.TrimSpace(message(fe)) == "" || !strings.HasPrefix(fe.Error(), fe.Field+": ") {
				t.Errorf("message %q, error %q", message(fe), fe.Error())
			}
		})
	}
}

func TestCommandNormalize(t *testing.T) {
	c := Command{
		ToOffice:      " 000.00.17.H19\t",
		Via:           " Post ",
		Note:          norm.NFD.String("  Gửi   kèm\tbản gốc  "),
		Reason:        norm.NFD.String("\tThiếu  giấy chứng nhận quyền sử dụng đất\n"),
		Items:         []Document{{Name: norm.NFD.String(" Bản sao  sổ hộ khẩu "), Kind: " CERTIFIED_COPY "}, {Name: "Tờ khai"}},
		Outcome:       " Approved ",
		ReceiptNumber: "  BL 0001\u0000234 ",
	}
	c.Normalize(ActTransfer)
	want := Command{
		ToOffice:      "000.00.17.H19",
		Via:           ByPost,
		Note:          "Gửi kèm bản gốc",
		Reason:        "Thiếu giấy chứng nhận quyền sử dụng đất",
		Items:         []Document{{Name: "Bản sao sổ hộ khẩu", Kind: CertifiedCopy, Copies: 1}, {Name: "Tờ khai", Kind: Copy, Copies: 1}},
		Outcome:       Approved,
		ReceiptNumber: "BL 0001234",
	}
	if !reflect.DeepEqual(c, want) {
		t.Fatalf("Normalize =\n%+v\nwant\n%+v", c, want)
	}
	for _, s := range []string{c.Note, c.Reason, c.Items[0].Name} {
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("%q is not NFC", s)
		}
	}
	// Normalizing twice changes nothing.
	again := c
	again.Items = slices.Clone(c.Items)
	again.Normalize(ActTransfer)
	if !reflect.DeepEqual(again, c) {
		t.Errorf("Normalize is not idempotent: %+v", again)
	}
	// Only a transfer gets a default way.
	for _, a := range Actions {
		var d Command
		d.Normalize(a)
		if (a == ActTransfer) != (d.Via == ByHand) {
			t.Errorf("%s: via defaults to %q", a, d.Via)
		}
	}
}

// TestDecomposedVietnameseReason: a reason typed in NFD (as some input methods send it)
// is stored composed and measured in composed characters.
func TestDecomposedVietnameseReason(t *testing.T) {
	reason := "Hồ sơ thiếu bản sao Giấy chứng nhận quyền sử dụng đất, đề nghị bổ sung"
	nfd := norm.NFD.String(reason)
	if nfd == reason {
		t.Fatal("the test reason has no marks to decompose")
	}
	for _, a := range []Action{ActRefuse, ActStop, ActWithdraw, ActExtend, ActRequestSupplement} {
		c := validCommand(a)
		c.Reason = nfd
		c.Normalize(a)
		if c.Reason != reason || !norm.NFC.IsNormalString(c.Reason) {
			t.Errorf("%s: reason %q, want %q", a, c.Reason, reason)
		}
		if fe := c.Validate(a); fe != nil {
			t.Errorf("%s: %v", a, fe)
		}
	}
	// 1000 letters carrying two marks each: 3000 runes in NFD, 1000 once composed.
	c := Command{Reason: norm.NFD.String(strings.Repeat("ệ", MaxNoteRunes))}
	c.Normalize(ActRefuse)
	if fe := c.Validate(ActRefuse); fe != nil {
		t.Errorf("a 1000-letter NFD reason: %v", fe)
	}
	c = Command{Reason: norm.NFD.String(strings.Repeat("ệ", MaxNoteRunes+1))}
	c.Normalize(ActRefuse)
	if fe := c.Validate(ActRefuse); fe == nil || fe.Field != "reason" || fe.Code != "too_long" {
		t.Errorf("a 1001-letter NFD reason: %v", fe)
	}
}

func TestCommandJSON(t *testing.T) {
	var c Command
	body := `{"to_office":"000.00.17.H19","via":"post","new_due_at":"2026-12-10T16:00:00+07:00",
		"items":[{"name":"Tờ khai","kind":"original","copies":2}],"amount_vnd":50000,"receipt_number":"BL1","outcome":"rejected"}`
	if err := json.Unmarshal([]byte(body), &c); err != nil {
		t.Fatal(err)
	}
	if c.NewDueAt == nil || !c.NewDueAt.Equal(vn(2026, time.December, 10, 16, 0)) || c.ToOffice != lcDept ||
		c.Via != ByPost || len(c.Items) != 1 || c.Items[0].Copies != 2 || c.AmountVND != 50000 || c.Outcome != Rejected {
		t.Errorf("decoded %+v", c)
	}
}

// fuzzState is a dossier and a moment to act on it.
type fuzzState struct {
	state State
	at    time.Time
}

// fuzzStates holds, for each action, a dossier from whose status the action is
// permitted, built once.
func fuzzStates(tb testing.TB) map[Action]fuzzState {
	out := map[Action]fuzzState{}
	for _, st := range Statuses {
		s, last := lcStateIn(tb, st)
		for _, a := range Allowed(st) {
			if _, ok := out[a]; !ok {
				out[a] = fuzzState{state: s, at: last.Add(time.Hour)}
			}
		}
	}
	return out
}

// FuzzCommandValidate feeds an arbitrary JSON body, for an arbitrary action, to Normalize
// and Validate: they never panic, a problem names a field, a code and a message, and a
// second Normalize does not change the verdict. A command found valid is applied to a
// dossier that permits the action: Apply does not panic, and fails only with a
// *FieldError (same office, an appointment not later or in the past).
func FuzzCommandValidate(f *testing.F) {
	for i, a := range Actions {
		seed, _ := json.Marshal(validCommand(a))
		f.Add(uint8(i), seed)
	}
	f.Add(uint8(0), []byte(`{"to_office":"  ","via":"FAX"}`))
	f.Add(uint8(0), []byte(`{"to_office":"000.00.16.H19"}`))
	f.Add(uint8(2), []byte(`{"items":[{},{"name":"x","kind":"SCAN","copies":-3}],"reason":"\u0000"}`))
	f.Add(uint8(2), []byte(`{"items":[{"name":"Tờ khai","copies":0}],"reason":"Thie\u0302\u0301u"}`))
	f.Add(uint8(4), []byte(`{"new_due_at":"2026-03-01T08:00:00Z","reason":"r"}`))
	f.Add(uint8(4), []byte(`{"new_due_at":"9999-12-31T23:59:59+14:00","reason":"r"}`))
	f.Add(uint8(4), []byte(`{"new_due_at":"0001-01-01T00:00:00Z","reason":"r"}`))
	f.Add(uint8(5), []byte(`{"outcome":" APPROVED "}`))
	f.Add(uint8(10), []byte(`{"amount_vnd":1000000000001}`))
	f.Add(uint8(11), []byte(`{"amount_vnd":-9223372036854775808,"receipt_number":"x"}`))
	states := fuzzStates(f)
	clock := lcClock(f)
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		var c Command
		if json.Unmarshal(data, &c) != nil {
			return
		}
		a := Actions[int(which)%len(Actions)]
		c.Normalize(a)
		fe := c.Validate(a)
		if fe != nil && (fe.Field == "" || fe.Code == "" || message(fe) == "") {
			t.Fatalf("%s: incomplete error %#v", a, fe)
		}
		again := c
		again.Items = slices.Clone(c.Items)
		again.Normalize(a)
		if !reflect.DeepEqual(again, c) {
			t.Fatalf("%s: Normalize is not idempotent:\n%+v\n%+v", a, c, again)
		}
		if fe2 := again.Validate(a); !reflect.DeepEqual(fe, fe2) {
			t.Fatalf("%s: verdict changed on a second Normalize: %v then %v", a, fe, fe2)
		}
		if fe != nil {
			return
		}
		st := states[a]
		next, step, err := Apply(st.state, a, c, lcEveryone, st.at, clock)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("%s with a valid command: %v", a, err)
			}
			return
		}
		if next.Version != st.state.Version+1 || step.Action != a {
			t.Fatalf("%s: version %d, step %s", a, next.Version, step.Action)
		}
	})
}
