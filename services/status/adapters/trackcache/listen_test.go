package trackcache

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/nats-io/nats.go"
	"google.golang.org/protobuf/proto"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	noticev1 "github.com/motcua/motcua/proto/motcua/notice/v1"
	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/platform/natstest"
	"github.com/motcua/motcua/services/platform/waitfor"
	"github.com/motcua/motcua/services/status/app/citizen"
)

// connectNATS connects to a NATS server of the test's own; both end with the test.
func connectNATS(t *testing.T) *nats.Conn {
	t.Helper()
	nc, err := nats.Connect(natstest.Start(t).ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return nc
}

// publish sends data on subject, stopping the test when it cannot.
func publish(t *testing.T, nc *nats.Conn, subject string, data []byte) {
	t.Helper()
	if err := nc.Publish(subject, data); err != nil {
		t.Fatal(err)
	}
}

// waitEvicted waits until c no longer serves the view of code; what names the wait in a
// failure.
func waitEvicted(t *testing.T, c *Cache, code, what string) {
	t.Helper()
	waitfor.Within(t, 10*time.Second, what, func() bool {
		_, ok := c.Get(code)
		return !ok
	})
}

func TestListenInvalidatesOnEvents(t *testing.T) {
	nc := connectNATS(t)
	c := New(100, 1<<20, time.Hour, time.Now)
	if _, err := Listen(nc, c); err != nil {
		t.Fatal(err)
	}
	id, other := uuid.New(), uuid.New()
	c.Put(view(id, "A", 1))
	c.Put(view(other, "B", 1))
	publish(t, nc, "dossier.v1."+id.String()+".received", []byte("not protobuf"))
	payload, _ := proto.Marshal(&dossierv1.Event{EventId: uuid.NewString(), DossierId: id.String(), Version: 2})
	publish(t, nc, "dossier.v1."+id.String()+".transferred", payload)
	waitEvicted(t, c, "A", "the event to evict the cached view")
	if _, ok := c.Get("B"); !ok {
		t.Fatal("an event of one dossier evicted another")
	}
	c.Put(view(id, "A", 1))
	if _, ok := c.Get("A"); ok {
		t.Fatal("a view older than the event was cached again")
	}

	// Every kind of dossier event evicts the dossier's view.
	for i, kind := range []string{"received", "transferred", "accepted", "supplement_requested", "supplemented",
		"extended", "completed", "returned", "refused", "stopped", "withdrawn", "payment_requested", "payment_recorded"} {
		d := uuid.New()
		version := int64(i + 1)
		c.Put(view(d, kind, int(version)-1))
		if _, ok := c.Get(kind); !ok {
			t.Fatalf("%s: view not cached", kind)
		}
		payload, _ := proto.Marshal(&dossierv1.Event{EventId: uuid.NewString(), DossierId: d.String(), Version: version})
		publish(t, nc, "dossier.v1."+d.String()+"."+kind, payload)
		waitEvicted(t, c, kind, "a "+kind+" event to evict the view")
	}
}

func TestListenInvalidatesOnShipmentEvents(t *testing.T) {
	nc := connectNATS(t)
	c := New(100, 1<<20, time.Hour, time.Now)
	subs, err := Listen(nc, c)
	if err != nil || len(subs) != 3 {
		t.Fatalf("Listen = %v, %v", subs, err)
	}
	shipment := uuid.New()
	for name, ev := range map[string]*postalv1.Event{
		"created": {EventId: uuid.NewString(), ShipmentId: shipment.String(), Version: 1,
			Kind: &postalv1.Event_Created{Created: &postalv1.ShipmentCreated{TrackingNumber: "EE123456785VN"}}},
		"recorded": {EventId: uuid.NewString(), ShipmentId: shipment.String(), Version: 2,
			Kind: &postalv1.Event_Recorded{Recorded: &postalv1.ShipmentEventRecorded{Type: "picked_up"}}},
	} {
		// The subject names the shipment; the dossier is in the event.
		d, other := uuid.New(), uuid.New()
		switch k := ev.Kind.(type) {
		case *postalv1.Event_Created:
			k.Created.DossierId = d.String()
		case *postalv1.Event_Recorded:
			k.Recorded.DossierId = d.String()
		}
		c.Put(view(d, "A"+name, 5))
		c.Put(view(other, "B"+name, 5))
		publish(t, nc, "postal.v1."+shipment.String()+"."+name, []byte("not protobuf"))
		payload, _ := proto.Marshal(ev)
		publish(t, nc, "postal.v1."+shipment.String()+"."+name, payload)
		waitEvicted(t, c, "A"+name, "a "+name+" shipment event to evict the dossier's view")
		if _, ok := c.Get("B" + name); !ok {
			t.Fatalf("%s: a shipment event of one dossier evicted another", name)
		}
		c.Put(view(d, "A"+name, 5))
		if _, ok := c.Get("A" + name); ok {
			t.Fatalf("%s: a view without the event's step was cached again", name)
		}
		v := view(d, "A"+name, 5)
		v.Postal = []citizen.PostalStep{{EventID: uuid.MustParse(ev.EventId)}}
		c.Put(v)
		if _, ok := c.Get("A" + name); !ok {
			t.Fatalf("%s: the view with the event's step was not cached", name)
		}
	}
}

// TestListenInvalidatesOnNotices: a notice sent about a dossier evicts its view, which
// is not cached again until it shows that notice.
func TestListenInvalidatesOnNotices(t *testing.T) {
	nc := connectNATS(t)
	c := New(100, 1<<20, time.Hour, time.Now)
	if _, err := Listen(nc, c); err != nil {
		t.Fatal(err)
	}
	d, other := uuid.New(), uuid.New()
	c.Put(view(d, "A", 5))
	c.Put(view(other, "B", 5))
	ev := &noticev1.Sent{EventId: uuid.NewString(), DossierId: d.String(), NoticeId: uuid.NewString(), Kind: "received", Channel: "mail"}
	payload, _ := proto.Marshal(ev)
	publish(t, nc, "notice.v1."+d.String()+".sent", payload)
	waitEvicted(t, c, "A", "a notice to evict the dossier's view")
	if _, ok := c.Get("B"); !ok {
		t.Fatal("a notice about one dossier evicted another")
	}
	c.Put(view(d, "A", 5))
	if _, ok := c.Get("A"); ok {
		t.Fatal("a view without the notice was cached again")
	}
	v := view(d, "A", 5)
	v.Notices = []citizen.NoticeSent{{EventID: uuid.MustParse(ev.EventId), Kind: "received", Channel: "mail"}}
	c.Put(v)
	if _, ok := c.Get("A"); !ok {
		t.Fatal("the view with the notice was not cached")
	}
}
