package trackcache

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/status/app/citizen"
	"github.com/motcua/motcua/services/status/domain/tracking"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func view(id uuid.UUID, code string, version int) citizen.Tracked {
	return citizen.Tracked{Version: version,
		Summary: tracking.Summary{ID: id, Code: code, Standing: tracking.Standing{Status: fmt.Sprint("v", version)}}}
}

func TestGetPutAndExpiry(t *testing.T) {
	clk := &clock{t: time.Unix(0, 0)}
	c := New(10, time.Minute, clk.now)
	id := uuid.New()
	if _, ok := c.Get("A"); ok {
		t.Fatal("empty cache answered")
	}
	c.Put(view(id, "A", 1))
	if v, ok := c.Get("A"); !ok || v.Version != 1 {
		t.Fatalf("Get = %+v, %v", v, ok)
	}
	clk.t = clk.t.Add(61 * time.Second)
	if _, ok := c.Get("A"); ok {
		t.Fatal("expired view served")
	}
}

func TestInvalidateForgetsAndBlocksOlderViews(t *testing.T) {
	clk := &clock{t: time.Unix(0, 0)}
	c := New(10, time.Hour, clk.now)
	id := uuid.New()
	c.Put(view(id, "A", 1))
	c.Invalidate(id, 2)
	if _, ok := c.Get("A"); ok {
		t.Fatal("invalidated view served")
	}
	c.Put(view(id, "A", 1)) // read before the fold of version 2 committed
	if _, ok := c.Get("A"); ok {
		t.Fatal("a view older than the event heard was cached")
	}
	c.Put(view(id, "A", 2))
	if v, ok := c.Get("A"); !ok || v.Version != 2 {
		t.Fatalf("the folded view was not cached: %+v %v", v, ok)
	}
	c.Invalidate(id, 3)
	clk.t = clk.t.Add(2 * pendingFor)
	c.Put(view(id, "A", 2)) // the event was long ago: its memory has lapsed
	if _, ok := c.Get("A"); !ok {
		t.Fatal("pending version never lapses")
	}
}

func TestBoundedAndLeastRecentlyUsed(t *testing.T) {
	c := New(3, time.Hour, time.Now)
	ids := []uuid.UUID{uuid.New(), uuid.New(), uuid.New(), uuid.New()}
	for i, id := range ids[:3] {
		c.Put(view(id, fmt.Sprint(i), 1))
	}
	c.Get("0") // 1 is now the least recently used
	c.Put(view(ids[3], "3", 1))
	if c.Len() != 3 {
		t.Fatalf("Len = %d", c.Len())
	}
	if _, ok := c.Get("1"); ok {
		t.Fatal("the least recently used view was kept")
	}
	for _, code := range []string{"0", "2", "3"} {
		if _, ok := c.Get(code); !ok {
			t.Fatalf("view %s was dropped", code)
		}
	}
	c.Clear()
	if c.Len() != 0 {
		t.Fatal("Clear left views")
	}
	for i := 0; i < 10000; i++ {
		c.Invalidate(uuid.New(), 1)
	}
	if len(c.pending) > 4*3+1024+1 {
		t.Fatalf("pending versions grew to %d", len(c.pending))
	}
}

// withPostal is a view of version v holding the steps of the shipment events ids.
func withPostal(id uuid.UUID, code string, version int, ids ...uuid.UUID) citizen.Tracked {
	v := view(id, code, version)
	for _, e := range ids {
		v.Postal = append(v.Postal, citizen.PostalStep{EventID: e})
	}
	return v
}

func TestShipmentEventsForgetAndBlockViewsWithoutTheirStep(t *testing.T) {
	clk := &clock{t: time.Unix(0, 0)}
	c := New(10, time.Hour, clk.now)
	id, other := uuid.New(), uuid.New()
	e1, e2 := uuid.New(), uuid.New()
	c.Put(view(id, "A", 3))
	c.Put(view(other, "B", 3))
	c.InvalidatePostal(id, e1)
	if _, ok := c.Get("A"); ok {
		t.Fatal("a view was served after a shipment event of its dossier")
	}
	if _, ok := c.Get("B"); !ok {
		t.Fatal("a shipment event of one dossier evicted another")
	}
	// The dossier's version does not move with shipment events: the view read before the
	// fold has the same version as the one after, and only the step tells them apart.
	c.Put(view(id, "A", 3))
	if _, ok := c.Get("A"); ok {
		t.Fatal("a view without the shipment event's step was cached")
	}
	c.InvalidatePostal(id, e2)
	c.Put(withPostal(id, "A", 3, e2)) // e2 folded before e1
	if _, ok := c.Get("A"); ok {
		t.Fatal("a view lacking one of two heard events was cached")
	}
	c.InvalidatePostal(id, e2) // heard twice: still one event to wait for
	c.Put(withPostal(id, "A", 3, e1, e2))
	if v, ok := c.Get("A"); !ok || len(v.Postal) != 2 {
		t.Fatalf("the folded view was not cached: %+v %v", v, ok)
	}
	// Once a view held them, they no longer stand in the way.
	c.InvalidatePostal(id, e1) // a redelivery heard again
	c.Put(withPostal(id, "A", 3, e1, e2))
	if _, ok := c.Get("A"); !ok {
		t.Fatal("a view holding every heard event was refused")
	}
	// Both kinds of events are checked.
	c.Invalidate(id, 4)
	c.Put(withPostal(id, "A", 3, e1, e2))
	if _, ok := c.Get("A"); ok {
		t.Fatal("a view older than a dossier event was cached")
	}
	e3 := uuid.New()
	c.InvalidatePostal(id, e3)
	c.Put(withPostal(id, "A", 4, e1, e2))
	if _, ok := c.Get("A"); ok {
		t.Fatal("a view of the new version without the new shipment step was cached")
	}
	// The memory of an event lapses, as a version's does.
	clk.t = clk.t.Add(2 * pendingFor)
	c.Put(withPostal(id, "A", 4, e1, e2))
	if _, ok := c.Get("A"); !ok {
		t.Fatal("a shipment event's memory never lapses")
	}
	if len(c.postal) != 0 || c.postalEvents != 0 {
		t.Fatalf("memory of shipment events kept: %d dossiers, %d events", len(c.postal), c.postalEvents)
	}
}

func TestShipmentEventMemoryIsBounded(t *testing.T) {
	c := New(3, time.Hour, time.Now)
	id := uuid.New()
	c.Put(view(id, "A", 1))
	for i := 0; i < 10000; i++ {
		c.InvalidatePostal(uuid.New(), uuid.New())
	}
	if c.postalEvents > 4*3+1024+1 {
		t.Fatalf("shipment events remembered grew to %d", c.postalEvents)
	}
	n := 0
	for _, p := range c.postal {
		n += len(p.ids)
	}
	if n != c.postalEvents {
		t.Fatalf("postalEvents = %d, the memory holds %d", c.postalEvents, n)
	}
	if c.Len() != 0 {
		t.Fatal("views were kept while the memory of events overflowed")
	}
	c.Clear()
	if len(c.postal) != 0 || c.postalEvents != 0 {
		t.Fatal("Clear kept shipment events")
	}
}
