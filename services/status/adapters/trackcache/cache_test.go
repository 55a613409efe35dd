package trackcache

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/status/adapters/store"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func view(id uuid.UUID, code string, version int) store.Tracked {
	return store.Tracked{ID: id, Code: code, Version: version, Status: fmt.Sprint("v", version)}
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
