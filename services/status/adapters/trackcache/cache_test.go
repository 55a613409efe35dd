package trackcache

import (
	"fmt"
	"strings"
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
	c := New(10, 1<<20, time.Minute, clk.now)
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
	c := New(10, 1<<20, time.Hour, clk.now)
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
	c := New(3, 1<<20, time.Hour, time.Now)
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
	c := New(10, 1<<20, time.Hour, clk.now)
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
	c := New(3, 1<<20, time.Hour, time.Now)
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

// The views held never weigh more than the bound, however long their timelines; a view
// heavier than the whole bound is not kept at all.
func TestBoundedByBytes(t *testing.T) {
	long := func(id uuid.UUID, code string, steps int) citizen.Tracked {
		v := view(id, code, 1)
		for i := range steps {
			v.Timeline = append(v.Timeline, citizen.DossierStep{Version: int64(i), Type: "transfer",
				OfficeName: strings.Repeat("Văn phòng ", 10)})
		}
		return v
	}
	one := entryOverhead + footprint(long(uuid.New(), "x", 20))
	t.Logf("a view of 12 steps weighs %d bytes", entryOverhead+footprint(long(uuid.New(), "x", 12)))
	if small := entryOverhead + footprint(long(uuid.New(), "x", 1)); small >= one {
		t.Fatalf("a view of 20 steps weighs %d bytes, one of 1 step %d", one, small)
	}
	bound := 5*one + 16 // the codes below are a byte longer than "x"
	c := New(1000, bound, time.Hour, time.Now)
	for i := range 50 {
		c.Put(long(uuid.New(), fmt.Sprint(i), 20))
		if c.Bytes() > bound {
			t.Fatalf("%d bytes held, bound %d", c.Bytes(), bound)
		}
	}
	if c.Len() != 5 {
		t.Fatalf("Len = %d, want the 5 views the bytes allow", c.Len())
	}
	if _, ok := c.Get("49"); !ok {
		t.Fatal("the newest view was dropped")
	}
	c.Put(long(uuid.New(), "huge", 200))
	if _, ok := c.Get("huge"); ok {
		t.Fatal("a view heavier than the bound was kept")
	}
	for i := 45; i < 50; i++ {
		c.Invalidate(c.byCode[fmt.Sprint(i)].Value.(*entry).view.ID, 2)
	}
	if c.Bytes() != 0 || c.Len() != 0 {
		t.Fatalf("%d bytes and %d views left after every view was forgotten", c.Bytes(), c.Len())
	}
}
