package app_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"sync"
	"testing"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/intake/demo/demodb"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/events"
)

func TestOffices(t *testing.T) {
	st, pool := demodb.Open(t)
	ctx := context.Background()
	offices := &app.Offices{Store: st, Now: fixedNow}
	published := func(code string) int {
		return count(t, pool, "SELECT count(*) FROM outbox WHERE subject = $1", events.OfficeSubject(code))
	}
	good := catalog.Office{Code: "000.16.16.H19", Name: "UBND xã  Xuân  Mới", Kind: catalog.CommuneCentre,
		ParentCode: demo.DistrictDesk, Address: "Ấp 1, xã Xuân Mới", PostOffice: demo.DistrictPostOffice}
	for _, c := range []struct {
		change func(*catalog.Office)
		want   map[string]string
	}{
		{func(o *catalog.Office) { o.Code = "16.H19" }, map[string]string{"code": "code.agency_format"}},
		{func(o *catalog.Office) { o.Code = demo.LandOffice }, map[string]string{"code": "code.taken"}},
		{func(o *catalog.Office) { o.Name = " " }, map[string]string{"name": "name.required"}},
		{func(o *catalog.Office) { o.Kind = "castle" }, map[string]string{"kind": "kind.unknown"}},
		{func(o *catalog.Office) { o.ParentCode = "000.99.16.H19" }, map[string]string{"parent": "parent.unknown"}},
		{func(o *catalog.Office) { o.PostOffice = "000.99.16.H19" }, map[string]string{"post_office": "post.unknown"}},
		{func(o *catalog.Office) { o.PostOffice = demo.LandOffice }, map[string]string{"post_office": "post.not_post"}},
	} {
		o := good
		c.change(&o)
		if got := invalid(offices.Save(ctx, o, true)); !maps.Equal(got, c.want) {
			t.Errorf("%+v: %v, want %v", o, got, c.want)
		}
	}
	if err := offices.Save(ctx, good, true); err != nil {
		t.Fatal(err)
	}
	if n := published(good.Code); n != 1 {
		t.Errorf("a new office is published %d times", n)
	}
	list, _ := offices.List(ctx)
	var saved catalog.Office
	for _, o := range list {
		if o.Code == good.Code {
			saved = o
		}
	}
	if saved.Name != "UBND xã Xuân Mới" || saved.PostOffice != demo.DistrictPostOffice {
		t.Errorf("saved %+v", saved)
	}
	// Saved again unchanged, nothing is published; changed, it is.
	if err := offices.Save(ctx, good, false); err != nil || published(good.Code) != 1 {
		t.Errorf("an unchanged save: %v, published %d", err, published(good.Code))
	}
	good.PostOffice = demo.PostOfficeOf("000.08.16.H19")
	if err := offices.Save(ctx, good, false); err != nil || published(good.Code) != 2 {
		t.Errorf("a change: %v, published %d", err, published(good.Code))
	}
	// A parent chain may not loop; a post office serving offices stays one.
	desk := demoOffice(t, demo.DistrictDesk)
	desk.ParentCode = good.Code
	if got := invalid(offices.Save(ctx, desk, false)); got["parent"] != "parent.cycle" {
		t.Errorf("a loop: %v", got)
	}
	post := demoOffice(t, demo.DistrictPostOffice)
	post.Kind = catalog.Department
	if got := invalid(offices.Save(ctx, post, false)); got["kind"] != "kind.serves" {
		t.Errorf("a serving post office changes kind: %v", got)
	}
	if err := offices.Save(ctx, catalog.Office{Code: "000.98.16.H19", Name: "x", Kind: catalog.Department}, false); !errors.Is(err, app.ErrNoSuchEntry) {
		t.Errorf("changing a missing office: %v", err)
	}
}

func TestProcedures(t *testing.T) {
	st, _ := demodb.Open(t)
	ctx := context.Background()
	procs := &app.Procedures{Store: st}
	good := catalog.Procedure{Code: "1.999001", Name: "Cấp bản sao trích lục hộ tịch", DecidedByKind: catalog.CommuneCentre,
		TimeLimitHours: 8, FeeVND: 8000}
	for _, c := range []struct {
		change func(*catalog.Procedure)
		want   map[string]string
	}{
		{func(p *catalog.Procedure) { p.Code = "1 999" }, map[string]string{"code": "code.procedure_format"}},
		{func(p *catalog.Procedure) { p.Code = "2.000720" }, map[string]string{"code": "code.taken"}},
		{func(p *catalog.Procedure) { p.FeeVND = -1 }, map[string]string{"fee_vnd": "fee.negative"}},
		{func(p *catalog.Procedure) { p.TimeLimitHours = app.MaxTimeLimitHours + 1 }, map[string]string{"time_limit": "limit.range"}},
		{func(p *catalog.Procedure) { p.DecidedByKind = catalog.PostOffice }, map[string]string{"decided_by_kind": "kind.post_decides"}},
	} {
		p := good
		c.change(&p)
		if got := invalid(procs.Save(ctx, p, true)); !maps.Equal(got, c.want) {
			t.Errorf("%+v: %v, want %v", p, got, c.want)
		}
	}
	if err := procs.Save(ctx, good, true); err != nil {
		t.Fatal(err)
	}
	good.FeeVND = 10000
	if err := procs.Save(ctx, good, false); err != nil {
		t.Fatal(err)
	}
	list, _ := procs.List(ctx)
	found := false
	for _, p := range list {
		found = found || (p.Code == good.Code && p.FeeVND == 10000)
	}
	if !found {
		t.Error("the changed procedure is not listed")
	}
	if err := procs.Save(ctx, catalog.Procedure{Code: "9.9", Name: "x", DecidedByKind: catalog.Department}, false); !errors.Is(err, app.ErrNoSuchEntry) {
		t.Errorf("changing a missing procedure: %v", err)
	}
}

func demoOffice(t *testing.T, code string) catalog.Office {
	t.Helper()
	for _, o := range demo.Offices() {
		if o.Code == code {
			return o
		}
	}
	t.Fatalf("no demo office %s", code)
	return catalog.Office{}
}

// TestOfficeCreatedOnceUnderRace: administrators adding the same code at the same
// moment get one office, published once; the others are told the code is taken, and
// nobody's office overwrites another's.
func TestOfficeCreatedOnceUnderRace(t *testing.T) {
	st, pool := demodb.Open(t)
	offices := &app.Offices{Store: st, Now: fixedNow}
	const n = 8
	errs := race(n, func(i int) error {
		return offices.Save(context.Background(), catalog.Office{Code: "000.17.16.H19", Name: fmt.Sprintf("UBND xã %d", i),
			Kind: catalog.CommuneCentre}, true)
	})
	won := onlyWinner(t, errs)
	if got := officeName(t, offices, "000.17.16.H19"); got != fmt.Sprintf("UBND xã %d", won) {
		t.Errorf("the office is %q, but creation %d succeeded", got, won)
	}
	if n := count(t, pool, "SELECT count(*) FROM outbox WHERE subject = $1", events.OfficeSubject("000.17.16.H19")); n != 1 {
		t.Errorf("the new office is published %d times", n)
	}
}

// TestProcedureCreatedOnceUnderRace: the same for procedures.
func TestProcedureCreatedOnceUnderRace(t *testing.T) {
	st, _ := demodb.Open(t)
	procs := &app.Procedures{Store: st}
	errs := race(8, func(i int) error {
		return procs.Save(context.Background(), catalog.Procedure{Code: "1.999002", Name: fmt.Sprintf("Thủ tục %d", i),
			DecidedByKind: catalog.CommuneCentre, FeeVND: int64(i)}, true)
	})
	won := onlyWinner(t, errs)
	list, err := procs.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		if p.Code == "1.999002" && p.FeeVND != int64(won) {
			t.Errorf("the procedure is %+v, but creation %d succeeded", p, won)
		}
	}
}

// onlyWinner is the creation of a race that succeeded; it checks there was exactly one
// and that every other was told the code is taken.
func onlyWinner(t *testing.T, errs []error) int {
	t.Helper()
	won := -1
	for i, err := range errs {
		switch {
		case err == nil && won < 0:
			won = i
		case err == nil:
			t.Errorf("two creations of one code both succeeded (%d and %d)", won, i)
		case invalid(err)["code"] != "code.taken":
			t.Errorf("creation %d: %v", i, err)
		}
	}
	if won < 0 {
		t.Fatal("no creation succeeded")
	}
	return won
}

// race runs do(0) … do(n-1) at once and returns their errors.
func race(n int, do func(i int) error) []error {
	errs := make([]error, n)
	var start, done sync.WaitGroup
	start.Add(1)
	for i := range n {
		done.Go(func() {
			start.Wait()
			errs[i] = do(i)
		})
	}
	start.Done()
	done.Wait()
	return errs
}

// officeName is the name of the office with code.
func officeName(t *testing.T, offices *app.Offices, code string) string {
	t.Helper()
	list, err := offices.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range list {
		if o.Code == code {
			return o.Name
		}
	}
	return ""
}
