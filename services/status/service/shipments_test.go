package service_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/platform/waitfor"
)

var numbers struct {
	sync.Mutex
	n int
}

// trackingNumber is a fresh UPU S10 number: EE, eight digits, the check digit, VN.
func trackingNumber() string {
	numbers.Lock()
	numbers.n++
	n := 10000000 + numbers.n
	numbers.Unlock()
	digits := fmt.Sprintf("%08d", n%100000000)
	sum := 0
	for i, w := range []int{8, 6, 4, 2, 3, 5, 9, 7} {
		sum += int(digits[i]-'0') * w
	}
	c := 11 - sum%11
	switch c {
	case 10:
		c = 0
	case 11:
		c = 5
	}
	return fmt.Sprintf("EE%s%dVN", digits, c)
}

// shipment is a postal leg of a test dossier; its events are built as postal would
// publish them, each one version after the last.
type shipment struct {
	id       uuid.UUID
	number   string
	dossier  *dossier
	kind     postalv1.ShipmentKind
	from, to string
	version  int64
}

func newShipment(d *dossier, kind postalv1.ShipmentKind, from, to *dossierv1.Ref) *shipment {
	return &shipment{id: uuid.New(), number: trackingNumber(), dossier: d, kind: kind, from: from.GetCode(), to: to.GetCode()}
}

// created is the shipment's first event, committed at when.
func (s *shipment) created(when time.Time) *postalv1.Event {
	s.version = 1
	return &postalv1.Event{EventId: uuid.NewString(), OccurredAt: ts(when), ShipmentId: s.id.String(), Version: 1,
		Kind: &postalv1.Event_Created{Created: &postalv1.ShipmentCreated{TrackingNumber: s.number,
			DossierCode: s.dossier.code, DossierId: s.dossier.id.String(), Kind: s.kind,
			FromOfficeCode: s.from, ToOfficeCode: s.to, OriginPostOfficeCode: "BC-100000",
			DestinationPostOfficeCode: "BC-100900"}}}
}

// recorded is the shipment's next event: typ happened at when (and postal committed it a
// minute later); reason for a failed delivery.
func (s *shipment) recorded(typ string, when time.Time, reason ...string) *postalv1.Event {
	s.version++
	r := &postalv1.ShipmentEventRecorded{TrackingNumber: s.number, DossierId: s.dossier.id.String(),
		DossierCode: s.dossier.code, Kind: s.kind, Type: typ, FromOfficeCode: s.from, ToOfficeCode: s.to,
		At: ts(when), PostOfficeCode: "BC-100900", PostageVnd: 30000, PaidBy: postalv1.Payer_PAYER_CITIZEN}
	if len(reason) > 0 {
		r.ReasonCode, r.ActionCode, r.FailedAttempts = reason[0], "notice_left", int32(s.version)
	}
	return &postalv1.Event{EventId: uuid.NewString(), OccurredAt: ts(when.Add(time.Minute)), ShipmentId: s.id.String(),
		Version: s.version, Kind: &postalv1.Event_Recorded{Recorded: r}}
}

func postalSubject(ev *postalv1.Event) string {
	kind := "created"
	if ev.GetRecorded() != nil {
		kind = "recorded"
	}
	return "postal.v1." + ev.ShipmentId + "." + kind
}

// emitPostal publishes shipment events as postal's relay does: each on its subject, its
// event id as the Nats-Msg-Id.
func (e *env) emitPostal(evs ...*postalv1.Event) {
	e.t.Helper()
	for _, ev := range evs {
		e.publishNew(postalSubject(ev), ev.EventId, marshal(e.t, ev))
	}
}

// byPost makes d a dossier sent by post whose result goes back by post.
func byPost(d *dossier) *dossier {
	d.ev.GetReceived().Channel = dossierv1.Channel_CHANNEL_POST
	d.ev.GetReceived().ResultDelivery = dossierv1.DeliveryMethod_DELIVERY_METHOD_POST
	return d
}

// postalLife is a dossier's life on the road and at its offices: picked up at the
// applicant's home, transferred by post to the department, its result delivered by post
// (twice in vain, then sent back) and brought back to the desk.
type postalLife struct {
	pickup, transfer, delivery, back *shipment
	// dossier holds the dossier's events after Received (versions 2 to 8).
	dossier []*dossierv1.Event
	// postal holds each shipment's events in the order postal published them.
	postal [4][]*postalv1.Event
}

func newPostalLife(d *dossier) *postalLife {
	l := &postalLife{
		pickup:   newShipment(d, postalv1.ShipmentKind_SHIPMENT_KIND_PICKUP, nil, deskA),
		transfer: newShipment(d, postalv1.ShipmentKind_SHIPMENT_KIND_TRANSFER, deskA, deptB),
		delivery: newShipment(d, postalv1.ShipmentKind_SHIPMENT_KIND_DELIVERY, deskA, nil),
		back:     newShipment(d, postalv1.ShipmentKind_SHIPMENT_KIND_RETURN, nil, deskA),
	}
	finished := at(3, 16, 10, 0)
	inTransit := state{status: "in_transit", code: 4, current: deskA, pending: deptB, due: due0}
	open := state{status: "processing", code: 4, current: deptB, due: due0}
	done := open
	done.status, done.code, done.finished, done.timing, done.processing = "processed", 9, &finished, "early", 20*time.Hour
	resultBack := done
	resultBack.status, resultBack.pending = "result_in_transit", deskA
	atDesk := done
	atDesk.current = deskA
	l.dossier = []*dossierv1.Event{
		event(d, 2, at(3, 11, 9, 0), inTransit, deskA, func(e *dossierv1.Event) {
			e.Kind = &dossierv1.Event_Transferred{Transferred: &dossierv1.Transferred{FromOffice: deskA, ToOffice: deptB,
				Via: dossierv1.Via_VIA_POST}}
		}),
		event(d, 3, at(3, 11, 15, 5), inTransit, deptB, func(e *dossierv1.Event) {
			e.Kind = &dossierv1.Event_Arrived{Arrived: &dossierv1.Arrived{TrackingNumber: l.transfer.number}}
		}),
		event(d, 4, at(3, 12, 9, 0), open, deptB, accepted(deskA)),
		event(d, 5, finished, done, deptB, completed),
		event(d, 6, at(3, 16, 14, 0), resultBack, deptB, func(e *dossierv1.Event) {
			e.Kind = &dossierv1.Event_Transferred{Transferred: &dossierv1.Transferred{FromOffice: deptB, ToOffice: deskA,
				Via: dossierv1.Via_VIA_HAND, CarriesResult: true}}
		}),
		event(d, 7, at(3, 17, 8, 0), atDesk, deskA, accepted(deptB)),
		event(d, 8, at(3, 20, 9, 5), atDesk, deskA, func(e *dossierv1.Event) {
			e.Kind = &dossierv1.Event_ResultBack{ResultBack: &dossierv1.ResultBack{TrackingNumber: l.back.number}}
		}),
	}
	p, tr, dl, bk := l.pickup, l.transfer, l.delivery, l.back
	l.postal = [4][]*postalv1.Event{
		{p.created(at(3, 10, 9, 1)), p.recorded("accepted", at(3, 10, 10, 0)), p.recorded("picked_up", at(3, 10, 10, 5)),
			p.recorded("delivered", at(3, 10, 15, 0))},
		{tr.created(at(3, 11, 9, 1)), tr.recorded("picked_up", at(3, 11, 10, 0)), tr.recorded("in_transit", at(3, 11, 11, 0)),
			tr.recorded("arrived", at(3, 11, 14, 0)), tr.recorded("delivered", at(3, 11, 15, 0))},
		{dl.created(at(3, 17, 8, 30)), dl.recorded("accepted", at(3, 17, 9, 0)),
			dl.recorded("out_for_delivery", at(3, 17, 10, 0)), dl.recorded("delivery_failed", at(3, 17, 11, 0), "recipient_absent"),
			dl.recorded("out_for_delivery", at(3, 19, 10, 0)), dl.recorded("delivery_failed", at(3, 19, 11, 0), "not_collected"),
			dl.recorded("returned", at(3, 19, 14, 0))},
		{bk.created(at(3, 19, 14, 0).Add(30 * time.Second)), bk.recorded("in_transit", at(3, 19, 15, 0)),
			bk.recorded("delivered", at(3, 20, 9, 0))},
	}
	l.postal[3][0].GetCreated().ReturnsTrackingNumber = dl.number
	return l
}

// inOrder publishes the life as it happens: each dossier event and each shipment event
// in the order of their times.
func (e *env) inOrder(l *postalLife) {
	e.t.Helper()
	d, p := l.dossier, l.postal
	e.emitPostal(p[0]...)
	e.emit(d[0])
	e.emitPostal(p[1]...)
	e.emit(d[1], d[2], d[3], d[4], d[5])
	e.emitPostal(p[2]...)
	e.emitPostal(p[3]...)
	e.emit(d[6])
}

func TestTrackShowsEveryPostalLeg(t *testing.T) {
	t.Parallel()
	e := startEnvAt(t, at(3, 20, 10, 0))

	d := byPost(e.newDossier(due0))
	e.received(d)
	l := newPostalLife(d)
	e.inOrder(l)
	e.settlePostal()

	// The same life with every shipment's events shuffled and some delivered twice:
	// under the same message id (the stream drops it), and under a new one (the inbox
	// lets it through and the fold absorbs it).
	d2 := byPost(e.newDossier(due0))
	e.received(d2)
	l2 := newPostalLife(d2)
	p := l2.postal
	e.emit(l2.dossier...)
	e.emitPostal(p[3][2], p[2][6], p[2][3], p[1][4], p[0][3], p[0][0], p[2][1], p[3][0], p[1][1], p[2][5])
	if !e.publish(postalSubject(p[2][3]), p[2][3].EventId, marshal(t, p[2][3])) {
		t.Fatal("the same message id was stored twice")
	}
	e.emitPostal(p[0][2], p[2][0], p[1][0], p[2][4], p[1][3], p[0][1], p[2][2], p[1][2], p[3][1])
	e.publishNew(postalSubject(p[2][1]), uuid.NewString(), marshal(t, p[2][1]))
	e.publishNew(postalSubject(p[0][0]), uuid.NewString(), marshal(t, p[0][0]))
	e.settlePostal()

	// The rows: the newest state of each shipment, created when postal created it.
	for _, tc := range []struct {
		s       *shipment
		status  string
		reason  string
		created time.Time
		updated time.Time
		version int
	}{
		{l.pickup, "delivered", "", at(3, 10, 9, 1), at(3, 10, 15, 0), 4},
		{l.transfer, "delivered", "", at(3, 11, 9, 1), at(3, 11, 15, 0), 5},
		{l.delivery, "returned", "", at(3, 17, 8, 30), at(3, 19, 14, 0), 7},
		{l.back, "delivered", "", at(3, 19, 14, 0).Add(30 * time.Second), at(3, 20, 9, 0), 3},
		{l2.pickup, "delivered", "", at(3, 10, 9, 1), at(3, 10, 15, 0), 4},
		{l2.delivery, "returned", "", at(3, 17, 8, 30), at(3, 19, 14, 0), 7},
		{l2.back, "delivered", "", at(3, 19, 14, 0).Add(30 * time.Second), at(3, 20, 9, 0), 3},
	} {
		var status, reason, number string
		var created, updated time.Time
		var version int
		err := e.pool.QueryRow(context.Background(), `SELECT status, reason_code, tracking_number, created_at, updated_at, version
			FROM status.shipments WHERE id = $1`, tc.s.id).Scan(&status, &reason, &number, &created, &updated, &version)
		if err != nil {
			t.Fatalf("shipment %s: %v", tc.s.number, err)
		}
		if status != tc.status || reason != tc.reason || number != tc.s.number || !created.Equal(tc.created) ||
			!updated.Equal(tc.updated) || version != tc.version {
			t.Errorf("shipment %s: %s %q %s created %s updated %s v%d; want %+v", tc.s.number, status, reason, number,
				created, updated, version, tc)
		}
	}
	if n := e.count("SELECT count(*) FROM status.shipment_steps WHERE dossier_id = $1", d2.id); n != 19 {
		t.Errorf("the shuffled dossier has %d postal steps, want 19", n)
	}

	a := e.track(d)
	if a.status != http.StatusOK {
		t.Fatalf("track: %d %s", a.status, a.body)
	}
	got := a.json(t)
	wantShipments := []any{
		map[string]any{"tracking_number": l.pickup.number, "kind": "pickup", "status": "delivered",
			"status_label": "Đã phát thành công", "updated_at": "2026-03-10T15:00:00+07:00"},
		map[string]any{"tracking_number": l.transfer.number, "kind": "transfer", "status": "delivered",
			"status_label": "Đã phát thành công", "updated_at": "2026-03-11T15:00:00+07:00"},
		map[string]any{"tracking_number": l.delivery.number, "kind": "delivery", "status": "returned",
			"status_label": "Đã chuyển hoàn", "updated_at": "2026-03-19T14:00:00+07:00"},
		map[string]any{"tracking_number": l.back.number, "kind": "return", "status": "delivered",
			"status_label": "Đã phát thành công", "updated_at": "2026-03-20T09:00:00+07:00"},
	}
	if !reflect.DeepEqual(got["shipments"], wantShipments) {
		g, _ := json.MarshalIndent(got["shipments"], "", " ")
		t.Errorf("shipments:\n%s", g)
	}
	type step struct{ at, typ, label, number, office string }
	P, T, D, B := l.pickup.number, l.transfer.number, l.delivery.number, l.back.number
	wantSteps := []step{
		{"2026-03-10T09:00:05+07:00", "received", "Tiếp nhận hồ sơ", "", deskA.Code},
		{"2026-03-10T09:01:00+07:00", "shipment_created", "Đã đăng ký gửi hồ sơ qua bưu điện", P, deskA.Code},
		{"2026-03-10T10:00:00+07:00", "shipment_accepted", "Bưu điện đã nhận hồ sơ tại nhà", P, deskA.Code},
		{"2026-03-10T10:05:00+07:00", "shipment_picked_up", "Bưu điện đã lấy hồ sơ, chuyển về bộ phận một cửa", P, deskA.Code},
		{"2026-03-10T15:00:00+07:00", "shipment_delivered", "Bưu điện đã giao hồ sơ cho bộ phận một cửa", P, deskA.Code},
		{"2026-03-11T09:00:00+07:00", "transferred", "Chuyển hồ sơ đến cơ quan giải quyết", "", deptB.Code},
		{"2026-03-11T09:01:00+07:00", "shipment_created", "Đã gửi hồ sơ qua bưu điện để chuyển giữa các cơ quan", T, deptB.Code},
		{"2026-03-11T10:00:00+07:00", "shipment_picked_up", "Bưu điện đã lấy hồ sơ tại cơ quan gửi", T, deptB.Code},
		{"2026-03-11T11:00:00+07:00", "shipment_in_transit", "Hồ sơ đang được bưu điện chuyển giữa các cơ quan", T, deptB.Code},
		{"2026-03-11T14:00:00+07:00", "shipment_arrived", "Hồ sơ đã đến bưu cục phát gần cơ quan nhận", T, deptB.Code},
		{"2026-03-11T15:00:00+07:00", "shipment_delivered", "Bưu điện đã giao hồ sơ cho cơ quan nhận", T, deptB.Code},
		{"2026-03-11T15:05:00+07:00", "arrived", "Bưu điện đã chuyển hồ sơ đến, chờ tiếp nhận", "", deptB.Code},
		{"2026-03-12T09:00:00+07:00", "accepted", "Cơ quan giải quyết đã nhận hồ sơ", "", deptB.Code},
		{"2026-03-16T10:00:00+07:00", "completed", "Đã giải quyết xong, có kết quả", "", deptB.Code},
		{"2026-03-16T14:00:00+07:00", "result_transferred", "Chuyển kết quả về nơi trả", "", deskA.Code},
		{"2026-03-17T08:00:00+07:00", "result_accepted", "Nơi trả đã nhận kết quả", "", deskA.Code},
		{"2026-03-17T08:30:00+07:00", "shipment_created", "Đã đăng ký trả kết quả qua bưu điện", D, deskA.Code},
		{"2026-03-17T09:00:00+07:00", "shipment_accepted", "Bưu điện đã nhận kết quả tại bộ phận một cửa", D, deskA.Code},
		{"2026-03-17T10:00:00+07:00", "shipment_out_for_delivery", "Bưu điện đang phát kết quả đến địa chỉ của công dân", D, deskA.Code},
		{"2026-03-17T11:00:00+07:00", "shipment_delivery_failed", "Bưu điện phát không thành công: không có người nhận", D, deskA.Code},
		{"2026-03-19T10:00:00+07:00", "shipment_out_for_delivery", "Bưu điện đang phát kết quả đến địa chỉ của công dân", D, deskA.Code},
		{"2026-03-19T11:00:00+07:00", "shipment_delivery_failed", "Bưu điện phát không thành công: người nhận không đến nhận sau các lần báo", D, deskA.Code},
		{"2026-03-19T14:00:00+07:00", "shipment_returned", "Không phát được kết quả, bưu điện chuyển hoàn về bộ phận một cửa", D, deskA.Code},
		{"2026-03-19T14:00:30+07:00", "shipment_created", "Bưu điện đã lập bưu gửi chuyển hoàn kết quả về bộ phận một cửa", B, deskA.Code},
		{"2026-03-19T15:00:00+07:00", "shipment_in_transit", "Kết quả đang được chuyển hoàn về bộ phận một cửa", B, deskA.Code},
		{"2026-03-20T09:00:00+07:00", "shipment_delivered", "Bưu điện đã chuyển hoàn kết quả về bộ phận một cửa", B, deskA.Code},
		{"2026-03-20T09:05:00+07:00", "result_back", "Không phát được, kết quả chờ nhận tại bộ phận một cửa", "", deskA.Code},
	}
	steps := got["timeline"].([]any)
	if len(steps) != len(wantSteps) {
		t.Errorf("%d steps in the answer, want %d: %s", len(steps), len(wantSteps), a.body)
	}
	for i, w := range wantSteps[:min(len(steps), len(wantSteps))] {
		s := steps[i].(map[string]any)
		office, _ := s["office"].(map[string]any)
		number, _ := s["tracking_number"].(string)
		if s["at"] != w.at || s["type"] != w.typ || s["label"] != w.label || number != w.number || office["code"] != w.office {
			t.Errorf("step %d = %v, want %+v", i+1, s, w)
		}
		if office["name"] == "" {
			t.Errorf("step %d names no office: %v", i+1, s)
		}
	}

	en := e.track(d, "lang", "en").json(t)
	enShipments := []string{"Delivered", "Delivered", "Sent back", "Delivered"}
	for i, s := range en["shipments"].([]any) {
		if l := s.(map[string]any)["status_label"]; l != enShipments[i] {
			t.Errorf("English shipment %d: %v, want %s", i+1, l, enShipments[i])
		}
	}
	enSteps := map[int]string{ // by index in the timeline
		2:  "The post collected the dossier at the applicant's home",
		6:  "Dossier sent by post between offices",
		19: "The post could not deliver the result: nobody was there to receive it",
		21: "The post could not deliver the result: not collected after the notices",
		25: "Result brought back to the one-stop desk by the post",
	}
	for i, want := range enSteps {
		if l := en["timeline"].([]any)[i].(map[string]any)["label"]; l != want {
			t.Errorf("English step %d: %v, want %s", i+1, l, want)
		}
	}

	// Shuffled and repeated, the same answer but for the code and the numbers.
	norm := func(a answer, l *postalLife, code string) string {
		s := string(a.body)
		for i, sh := range []*shipment{l.pickup, l.transfer, l.delivery, l.back} {
			s = strings.ReplaceAll(s, sh.number, fmt.Sprint("NUMBER", i))
		}
		return strings.ReplaceAll(s, code, "CODE")
	}
	if in, out := norm(a, l, d.code), norm(e.track(d2), l2, d2.code); in != out {
		t.Errorf("out of order, the answer is\n%s\nin order\n%s", out, in)
	}

	// An older event arriving late (again, under a new event id) changes nothing.
	late := l.delivery.recorded("out_for_delivery", at(3, 19, 10, 0))
	late.Version = 5
	e.emitPostal(late)
	e.settlePostal()
	if after := e.track(d); string(after.body) != string(a.body) {
		t.Errorf("a late replay changed the answer:\n%s\nwas\n%s", after.body, a.body)
	}
}

func TestAShipmentEventWaitsForItsDossier(t *testing.T) {
	t.Parallel()
	e := startEnv(t)
	d := byPost(e.newDossier(due0))
	l := newPostalLife(d)
	e.emitPostal(l.postal[0][0], l.postal[0][1])
	e.waitRetried(shipmentEvents, "the shipment events to be tried")
	if n := e.count("SELECT count(*) FROM status.shipments"); n != 0 {
		t.Fatalf("a shipment was folded before its dossier")
	}
	if dls := e.deadLetters(shipmentEvents); len(dls) != 0 {
		t.Fatalf("the early shipment event was dead-lettered: %s", dls[0].Header.Get("Motcua-Error"))
	}
	e.received(d)
	e.settlePostal()
	a := e.track(d).json(t)
	shipments := a["shipments"].([]any)
	if len(shipments) != 1 || shipments[0].(map[string]any)["status"] != "accepted" ||
		shipments[0].(map[string]any)["status_label"] != "Bưu điện đã nhận" {
		t.Errorf("shipments after the dossier arrived: %v", shipments)
	}
	var types []string
	for _, s := range a["timeline"].([]any) {
		types = append(types, s.(map[string]any)["type"].(string))
	}
	if !reflect.DeepEqual(types, []string{"received", "shipment_created", "shipment_accepted"}) {
		t.Errorf("timeline: %v", types)
	}
}

// TestTrackSeesEveryShipmentEventThroughTheCache looks a dossier up (so its view is
// cached) before each shipment event and checks the next lookups show it at once: the
// dossier's version does not move, so only the event's step tells the views apart.
func TestTrackSeesEveryShipmentEventThroughTheCache(t *testing.T) {
	t.Parallel()
	e := startEnv(t)
	d := byPost(e.newDossier(due0))
	e.received(d)
	e.waitVisible(d)
	l := newPostalLife(d)
	for i, ev := range append(l.postal[0], l.postal[2]...) {
		if a := e.track(d); a.status != http.StatusOK {
			t.Fatalf("before event %d: %d %s", i+1, a.status, a.body)
		}
		e.emitPostal(ev)
		status := "created"
		if r := ev.GetRecorded(); r != nil {
			status = r.Type
		}
		// Well within the cache's 30 seconds.
		waitfor.Within(t, 5*time.Second, fmt.Sprintf("the lookup to show event %d", i+1), func() bool {
			a := e.track(d).json(t)
			sh := a["shipments"].([]any)
			return len(a["timeline"].([]any)) == i+2 && sh[len(sh)-1].(map[string]any)["status"] == status
		})
	}
}

func TestMalformedShipmentEventsAreDeadLettered(t *testing.T) {
	t.Parallel()
	e := startEnv(t)
	d := byPost(e.newDossier(due0))
	e.received(d)
	l := newPostalLife(d)
	e.emitPostal(l.postal[0][0])
	// Another shipment under the same tracking number, and events no retry can mend.
	twin := l.transfer.created(at(3, 11, 9, 1))
	twin.GetCreated().TrackingNumber = l.pickup.number
	e.emitPostal(twin)
	noDossier := l.delivery.created(at(3, 17, 8, 30))
	noDossier.GetCreated().DossierId = ""
	e.emitPostal(noDossier)
	e.publishNew("postal.v1."+uuid.NewString()+".created", uuid.NewString(), []byte("not protobuf"))
	waitfor.Until(t, "three dead letters", func() bool { return len(e.deadLetters(shipmentEvents)) == 3 })
	e.emitPostal(l.postal[0][1])
	waitfor.Until(t, "the good events to be folded", func() bool {
		return e.count("SELECT count(*) FROM status.shipment_steps WHERE dossier_id = $1", d.id) == 2
	})
	if n := e.count("SELECT count(*) FROM status.shipments"); n != 1 {
		t.Errorf("%d shipments, want 1", n)
	}
}
