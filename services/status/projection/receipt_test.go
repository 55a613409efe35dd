package projection

import (
	"strings"
	"testing"

	"google.golang.org/protobuf/proto"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/status/adapters/store"
)

// TestDecodeAReceipt reads the receipt a payment_recorded event carries onto its step:
// the electronic receipt of a fee paid online, the desk's, none in an event from before
// receipts were carried; a receipt that cannot be one is refused.
func TestDecodeAReceipt(t *testing.T) {
	decode := func(p *dossierv1.PaymentRecorded) (store.Change, error) {
		ev := later(10, "processing", 4, dept, nil, dept)
		ev.State.FeeDueVnd, ev.State.FeePaidVnd = 100_000, p.GetAmountVnd()
		ev.Kind = &dossierv1.Event_PaymentRecorded{PaymentRecorded: p}
		data, _ := proto.Marshal(ev)
		d, err := Decode(data)
		if err != nil {
			return store.Change{}, err
		}
		return *d.Change, nil
	}
	for name, tc := range map[string]struct {
		p    *dossierv1.PaymentRecorded
		want *store.Receipt
	}{
		"paid online": {&dossierv1.PaymentRecorded{AmountVnd: 100_000, ReceiptNumber: "E2026-0000001", Online: true},
			&store.Receipt{Number: "E2026-0000001", AmountVND: 100_000, Online: true}},
		"at the desk": {&dossierv1.PaymentRecorded{AmountVnd: 75_000, ReceiptNumber: "BL-0001234"}, &store.Receipt{Number: "BL-0001234", AmountVND: 75_000}},
		"from before": {&dossierv1.PaymentRecorded{AmountVnd: 75_000}, nil},
	} {
		c, err := decode(tc.p)
		if err != nil || c.Step.Type != "payment_recorded" || c.State.FeePaidVND != tc.p.GetAmountVnd() {
			t.Errorf("%s: %+v, %v", name, c, err)
			continue
		}
		if (c.Step.Receipt == nil) != (tc.want == nil) || tc.want != nil && *c.Step.Receipt != *tc.want {
			t.Errorf("%s: receipt %+v, want %+v", name, c.Step.Receipt, tc.want)
		}
	}
	for name, p := range map[string]*dossierv1.PaymentRecorded{
		"a NUL":             {AmountVnd: 1, ReceiptNumber: "E\x00"},
		"not UTF-8":         {AmountVnd: 1, ReceiptNumber: "E\xff"},
		"a number too long": {AmountVnd: 1, ReceiptNumber: strings.Repeat("9", 101)},
		"no amount":         {ReceiptNumber: "E2026-0000001"},
	} {
		if c, err := decode(p); err == nil {
			t.Errorf("%s: accepted as %+v", name, c.Step.Receipt)
		}
	}
}
