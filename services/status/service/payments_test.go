package service_test

import (
	"testing"

	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
)

// paymentRecorded is the PaymentRecorded event of amount, with its receipt, paid online
// or at the desk.
func paymentRecorded(amount int64, receipt string, online bool) func(*dossierv1.Event) {
	return func(e *dossierv1.Event) {
		e.Kind = &dossierv1.Event_PaymentRecorded{PaymentRecorded: &dossierv1.PaymentRecorded{AmountVnd: amount,
			ReceiptNumber: receipt, Online: online}}
	}
}

// fees sets the fees ev's state leaves the dossier with.
func fees(ev *dossierv1.Event, due, paid int64) *dossierv1.Event {
	ev.State.FeeDueVnd, ev.State.FeePaidVnd = due, paid
	return ev
}

// TestLookupShowsFeesAndReceipts: the lookup gives the dossier's fee and what was paid,
// and the receipt of each payment (number, amount, time; electronic for a fee paid
// online), in the order intake recorded them whatever the order events arrive in, each
// once however often its event comes; a payment of an event from before receipts were
// carried raises the fee paid but lists no receipt.
func TestLookupShowsFeesAndReceipts(t *testing.T) {
	t.Parallel()
	e := startEnvAt(t, at(3, 18, 9, 0))
	d := e.newDossier(due0)
	d.ev.GetReceived().FeeDueVnd, d.ev.GetReceived().FeePaidVnd = 100_000, 0
	e.received(d)
	e.settle()
	got := e.track(d).json(t)
	if got["fee_due_vnd"] != float64(100_000) || got["fee_paid_vnd"] != float64(0) {
		t.Errorf("fees before paying: %v, %v", got["fee_due_vnd"], got["fee_paid_vnd"])
	}
	if r, ok := got["receipts"].([]any); !ok || len(r) != 0 {
		t.Errorf("receipts before paying: %#v, want []", got["receipts"])
	}

	open := state{status: "processing", code: 4, current: deskA, due: due0}
	online := fees(event(d, 2, at(3, 11, 10, 0), open, deskA, paymentRecorded(60_000, "E2026-0000001", true)), 100_000, 60_000)
	atDesk := fees(event(d, 3, at(3, 12, 9, 30), open, deskA, paymentRecorded(30_000, "BL-0042", false)), 100_000, 90_000)
	before := fees(event(d, 4, at(3, 13, 8, 0), open, deskA, paymentRecorded(10_000, "", false)), 100_000, 100_000)
	e.emit(before, atDesk, online)
	e.settle()
	again := proto.Clone(online).(*dossierv1.Event)
	again.EventId = uuid.NewString() // the same change told again under another id: one step per version
	e.emit(again)
	e.settle()
	got = e.track(d).json(t)
	if got["fee_due_vnd"] != float64(100_000) || got["fee_paid_vnd"] != float64(100_000) {
		t.Errorf("fees after paying: %v, %v", got["fee_due_vnd"], got["fee_paid_vnd"])
	}
	receipts, _ := got["receipts"].([]any)
	if len(receipts) != 2 {
		t.Fatalf("receipts: %#v", got["receipts"])
	}
	assertSame(t, "the electronic receipt", receipts[0], map[string]any{"number": "E2026-0000001", "amount_vnd": float64(60_000),
		"paid_at": "2026-03-11T10:00:00+07:00", "electronic": true})
	assertSame(t, "the desk's receipt", receipts[1], map[string]any{"number": "BL-0042", "amount_vnd": float64(30_000),
		"paid_at": "2026-03-12T09:30:00+07:00", "electronic": false})
	var paidSteps int
	for _, s := range got["timeline"].([]any) {
		if s.(map[string]any)["type"] == "payment_recorded" {
			paidSteps++
		}
	}
	if paidSteps != 3 {
		t.Errorf("%d payment steps on the timeline, want 3", paidSteps)
	}
}
