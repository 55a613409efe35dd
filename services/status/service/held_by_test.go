package service_test

import (
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
)

// heldBy is the lookup's held_by as lines "kind code name since until" ("-" for no
// code, "now" for no until), to compare at a glance.
func heldBy(t *testing.T, a answer) []string {
	t.Helper()
	if a.status != http.StatusOK {
		t.Fatalf("track: %d %s", a.status, a.body)
	}
	list, ok := a.json(t)["held_by"].([]any)
	if !ok {
		t.Fatalf("no held_by in %s", a.body)
	}
	out := make([]string, len(list))
	for i, item := range list {
		h := item.(map[string]any)
		holder := h["holder"].(map[string]any)
		code, ok := holder["code"].(string)
		if !ok {
			code = "-"
		}
		until, ok := h["until"].(string)
		if !ok {
			until = "now"
		}
		if _, present := h["until"]; !present {
			t.Errorf("held_by[%d] has no until: %v", i, h)
		}
		out[i] = fmt.Sprintf("%s %s %s %s %s", holder["kind"], code, holder["name"], h["since"], until)
	}
	return out
}

// TestLookupTellsWhoHeldTheDossier follows a dossier along every leg of the post (see
// newPostalLife) to its result handed back at the desk: the lookup lists who held it in
// turn, from the citizen's home to the citizen, its offices and post offices named by
// their names or codes and never a member of staff, in both languages, in the API and on
// the page; shuffled and repeated, the same events give the same list.
func TestLookupTellsWhoHeldTheDossier(t *testing.T) {
	t.Parallel()
	e := startEnvAt(t, at(3, 21, 9, 0))
	finished := at(3, 16, 10, 0)
	handedBack := func(d *dossier) *dossierv1.Event {
		return event(d, 9, at(3, 20, 10, 0), state{status: "returned", code: 10, current: deskA, due: due0,
			finished: &finished, timing: "early"}, deskA, returned)
	}
	d := byPost(e.newDossier(due0))
	e.received(d)
	l := newPostalLife(d)
	e.inOrder(l)
	e.emit(handedBack(d))

	// The same life, its events shuffled.
	d2 := byPost(e.newDossier(due0))
	e.received(d2)
	l2 := newPostalLife(d2)
	e.emit(handedBack(d2))
	e.emit(l2.dossier...)
	p := l2.postal
	e.emitPostal(p[3][2], p[2][6], p[2][3], p[1][4], p[0][3], p[0][0], p[2][1], p[3][0], p[1][1], p[2][5], p[0][2],
		p[2][0], p[1][0], p[2][4], p[1][3], p[0][1], p[2][2], p[1][2], p[3][1])
	e.settlePostal()

	// The fixture's legs are all taken in at BC-100000 and delivered by BC-100900,
	// which no dossier event names.
	in, out := "BC-100000 BC-100000", "BC-100900 BC-100900"
	desk, dept := deskA.Code+" "+deskA.Name, deptB.Code+" "+deptB.Name
	want := []string{
		// Registered at the desk by post: the papers wait at home for the post.
		"citizen - Bạn (người nộp hồ sơ) 2026-03-10T09:00:05+07:00 2026-03-10T10:00:00+07:00",
		"post_office " + in + " 2026-03-10T10:00:00+07:00 2026-03-10T15:00:00+07:00",
		// The desk's until the post takes the papers to the department.
		"office " + desk + " 2026-03-10T15:00:00+07:00 2026-03-11T10:00:00+07:00",
		"post_office " + in + " 2026-03-11T10:00:00+07:00 2026-03-11T14:00:00+07:00",
		"post_office " + out + " 2026-03-11T14:00:00+07:00 2026-03-11T15:00:00+07:00",
		// Delivered, arrived, accepted, completed: the department's, until the desk
		// accepts the result it sent back by hand.
		"office " + dept + " 2026-03-11T15:00:00+07:00 2026-03-17T08:00:00+07:00",
		"office " + desk + " 2026-03-17T08:00:00+07:00 2026-03-17T09:00:00+07:00",
		"post_office " + in + " 2026-03-17T09:00:00+07:00 2026-03-17T10:00:00+07:00",
		// Out for delivery twice in vain, sent back.
		"post_office " + out + " 2026-03-17T10:00:00+07:00 2026-03-19T15:00:00+07:00",
		"post_office " + in + " 2026-03-19T15:00:00+07:00 2026-03-20T09:00:00+07:00",
		"office " + desk + " 2026-03-20T09:00:00+07:00 2026-03-20T10:00:00+07:00",
		"citizen - Bạn (người nộp hồ sơ) 2026-03-20T10:00:00+07:00 now",
	}
	if got := heldBy(t, e.track(d)); !reflect.DeepEqual(got, want) {
		t.Errorf("held by:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := heldBy(t, e.track(d2)); !reflect.DeepEqual(got, want) {
		t.Errorf("shuffled, held by:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	en := heldBy(t, e.track(d, "lang", "en"))
	if len(en) != len(want) || !strings.HasPrefix(en[0], "citizen - You (the applicant) ") ||
		!strings.HasPrefix(en[len(en)-1], "citizen - You (the applicant) ") || en[2] != want[2] {
		t.Errorf("in English: %s", strings.Join(en, "\n"))
	}
	// Staff are never named: not the desk's, nor the officers', nor the post's workers.
	for _, name := range []string{"desk1", "officer1", "postal1"} {
		if strings.Contains(string(e.track(d).body), name) {
			t.Errorf("the lookup names %s", name)
		}
	}

	shows(t, "the page", e.page(defaultClient, lookupPage(d.code, d.pin), nil), http.StatusOK,
		[]string{`<h2 id="held-by-title">Hồ sơ của bạn đã qua những tay nào</h2>`, `<ol class="holders" id="held-by">`,
			"Bạn (người nộp hồ sơ)", "Bưu cục", `<span class="step">BC-100900</span>`, "Cơ quan", deptB.Name,
			"Từ <time datetime=\"2026-03-10T09:00:05+07:00\">09:00, 10/03/2026</time>",
			"đến <time datetime=\"2026-03-10T10:00:00+07:00\">10:00, 10/03/2026</time>",
			"đến nay"},
		"officer1", "desk1", "Who has held your dossier")
	shows(t, "the page in English", e.page(defaultClient, lookupPage(d.code, d.pin, "lang", "en"), nil), http.StatusOK,
		[]string{`<h2 id="held-by-title">Who has held your dossier</h2>`, "You (the applicant)", "Post office", "Office",
			"From <time datetime=\"2026-03-10T09:00:05+07:00\">10 Mar 2026, 09:00</time>", "until now"},
		"Hồ sơ của bạn đã qua những tay nào", "Bạn (người nộp hồ sơ)")
}

// TestLookupNamesThePostOfficesThatHeldTheDossier: a dossier a post office took at its
// counter is that post office's until the desk has the papers, and its result collected
// at another post office is that one's until the citizen collects it; the post offices
// are named as the dossier's events named them. A dossier whose own events name no post
// office reads their names from what status heard of them with other dossiers, or
// their codes.
func TestLookupNamesThePostOfficesThatHeldTheDossier(t *testing.T) {
	t.Parallel()
	e := startEnvAt(t, at(3, 21, 9, 0))
	taken, delivered := at(3, 10, 10, 0), at(3, 11, 10, 0)
	d, pickup := e.counterDossier(taken, postXL, postXH)
	e.received(d)
	e.settle()
	if got, want := heldBy(t, e.track(d)), []string{
		"post_office " + postXL.Code + " " + postXL.Name + " 2026-03-10T10:00:00+07:00 now",
	}; !reflect.DeepEqual(got, want) {
		t.Errorf("at the counter: %v, want %v", got, want)
	}

	due := at(3, 18, 10, 0)
	finished := at(3, 16, 10, 0)
	done := state{status: "processed", code: 9, current: deskA, due: due, finished: &finished, timing: "early"}
	delivery := newShipment(d, postalv1.ShipmentKind_SHIPMENT_KIND_DELIVERY, deskA, postXH)
	e.emitPostal(pickup.opened(taken, postXL, postDA), pickup.recorded("accepted", taken),
		pickup.recorded("delivered", delivered))
	e.emit(event(d, 2, delivered.Add(5*time.Minute), state{status: "submitted", code: 1, current: deskA}, deskA,
		papersDelivered(pickup.number)),
		event(d, 3, at(3, 11, 14, 0), state{status: "received", code: 2, current: deskA, due: due}, deskA, admitted(delivered)),
		event(d, 4, finished, done, deskA, func(e *dossierv1.Event) {
			e.Kind = &dossierv1.Event_Completed{Completed: &dossierv1.Completed{Outcome: dossierv1.Outcome_OUTCOME_APPROVED,
				ResultDelivery: dossierv1.DeliveryMethod_DELIVERY_METHOD_POST_OFFICE, ResultPostOffice: postXH}}
		}))
	e.emitPostal(delivery.opened(at(3, 16, 10, 1), postDA, postXH), delivery.recorded("accepted", at(3, 16, 15, 0)),
		delivery.recorded("arrived", at(3, 17, 9, 0)), delivery.recorded("delivered", at(3, 18, 9, 0)))
	collected := done
	collected.status, collected.code = "returned", 10
	e.emit(event(d, 5, at(3, 18, 9, 5), collected, deskA, func(e *dossierv1.Event) {
		e.Kind = &dossierv1.Event_Returned{Returned: &dossierv1.Returned{TrackingNumber: delivery.number}}
	}))

	// Another dossier, transferred by post: its events name no post office, but status
	// heard of Xuân Lộc's post office with the first.
	other := e.receivedDossier(due0)
	transfer := newShipment(other, postalv1.ShipmentKind_SHIPMENT_KIND_TRANSFER, deskA, deptB)
	e.emit(event(other, 2, at(3, 11, 9, 0), state{status: "in_transit", code: 4, current: deskA, pending: deptB, due: due0},
		deskA, func(e *dossierv1.Event) {
			e.Kind = &dossierv1.Event_Transferred{Transferred: &dossierv1.Transferred{FromOffice: deskA, ToOffice: deptB,
				Via: dossierv1.Via_VIA_POST}}
		}))
	e.emitPostal(transfer.opened(at(3, 11, 9, 1), postXL, postDA), transfer.recorded("picked_up", at(3, 11, 10, 0)),
		transfer.recorded("arrived", at(3, 11, 14, 0)))
	e.settlePostal()

	if got, want := heldBy(t, e.track(d)), []string{
		"post_office " + postXL.Code + " " + postXL.Name + " 2026-03-10T10:00:00+07:00 2026-03-11T10:00:00+07:00",
		"office " + deskA.Code + " " + deskA.Name + " 2026-03-11T10:00:00+07:00 2026-03-16T15:00:00+07:00",
		// The desk's post office, which no event names: its code.
		"post_office " + postDA.Code + " " + postDA.Code + " 2026-03-16T15:00:00+07:00 2026-03-17T09:00:00+07:00",
		"post_office " + postXH.Code + " " + postXH.Name + " 2026-03-17T09:00:00+07:00 2026-03-18T09:00:00+07:00",
		// Collected at the counter.
		"citizen - Bạn (người nộp hồ sơ) 2026-03-18T09:00:00+07:00 now",
	}; !reflect.DeepEqual(got, want) {
		t.Errorf("taken and collected at post offices:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got, want := heldBy(t, e.track(other)), []string{
		"office " + deskA.Code + " " + deskA.Name + " 2026-03-10T09:00:05+07:00 2026-03-11T10:00:00+07:00",
		"post_office " + postXL.Code + " " + postXL.Name + " 2026-03-11T10:00:00+07:00 2026-03-11T14:00:00+07:00",
		"post_office " + postDA.Code + " " + postDA.Code + " 2026-03-11T14:00:00+07:00 now",
	}; !reflect.DeepEqual(got, want) {
		t.Errorf("transferred by post:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
