package servicetest

import (
	"context"
	"testing"
	"time"

	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/demo"
)

// TestOfficeChangesArePublished: every service keeps a copy of the offices from the
// REFERENCE stream, so a change is published once, and loading the demo again
// publishes nothing and keeps the change.
func TestOfficeChangesArePublished(t *testing.T) {
	e := start(t)
	ctx := context.Background()
	published := func() int {
		return e.count(t, "SELECT count(*) FROM outbox WHERE subject LIKE 'reference.v1.office.%'")
	}
	if n := published(); n != len(demo.Offices()) {
		t.Fatalf("%d office events after the demo load, want %d", n, len(demo.Offices()))
	}
	st := store.New(e.DB)
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	if n := published(); n != len(demo.Offices()) {
		t.Fatalf("%d office events after loading the same data again, want %d", n, len(demo.Offices()))
	}
	o := demo.Offices()[len(demo.Offices())-1]
	o.Address = "Địa chỉ mới, " + o.Address
	if err := st.SaveOffice(ctx, o, time.Now()); err != nil {
		t.Fatal(err)
	}
	if n := published(); n != len(demo.Offices())+1 {
		t.Fatalf("%d office events after a change, want %d", n, len(demo.Offices())+1)
	}
	if n := e.count(t, "SELECT revision FROM offices WHERE code = $1", o.Code); n != 2 {
		t.Fatalf("revision %d after one change, want 2", n)
	}
	// Loading the demo again keeps the change an administrator made.
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	if n := e.count(t, "SELECT count(*) FROM offices WHERE code = $1 AND address = $2 AND revision = 2", o.Code, o.Address); n != 1 {
		t.Fatal("loading the demo again undid an office's change")
	}
	if n := published(); n != len(demo.Offices())+1 {
		t.Fatalf("%d office events after loading the demo over a change, want %d", n, len(demo.Offices())+1)
	}
}
