package app_test

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/intake/demo/demodb"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/dossier"
)

// TestProcedureDocuments: a procedure keeps the documents it lists, in their order,
// cleaned; a change replaces the list, and an empty one empties it; a document without
// a name, of an unknown kind, of no sensible number of sets or listed twice is refused
// beside its own row; and the demo's procedures list theirs.
func TestProcedureDocuments(t *testing.T) {
	st, _ := demodb.Open(t)
	ctx := context.Background()
	procs := &app.Procedures{Store: st}
	good := catalog.Procedure{Code: "1.999101", Name: "Đăng ký giám hộ", DecidedByKind: catalog.CommuneCentre, TimeLimitHours: 24,
		Online: true, Documents: []catalog.Document{
			{Name: "Tờ khai  đăng ký giám hộ", Kind: " Original ", Required: true},
			{Name: "Văn bản cử người giám hộ", Kind: dossier.CertifiedCopy, Copies: 2, Required: true},
			{Name: "Giấy ủy quyền", Kind: dossier.Copy, Copies: 1},
		}}
	if err := procs.Save(ctx, good, true); err != nil {
		t.Fatal(err)
	}
	want := []catalog.Document{
		{Name: "Tờ khai đăng ký giám hộ", Kind: dossier.Original, Copies: 1, Required: true},
		{Name: "Văn bản cử người giám hộ", Kind: dossier.CertifiedCopy, Copies: 2, Required: true},
		{Name: "Giấy ủy quyền", Kind: dossier.Copy, Copies: 1},
	}
	if got := listed(t, procs, good.Code); !slices.Equal(got.Documents, want) || !got.Online {
		t.Errorf("saved %+v,\nwant the documents %+v, online", got, want)
	}

	// A change replaces the list (the order too); an empty list empties it.
	good.Documents = []catalog.Document{want[2], want[0]}
	good.Online = false
	if err := procs.Save(ctx, good, false); err != nil {
		t.Fatal(err)
	}
	if got := listed(t, procs, good.Code); !slices.Equal(got.Documents, []catalog.Document{want[2], want[0]}) || got.Online {
		t.Errorf("changed: %+v", got)
	}
	good.Documents = nil
	if err := procs.Save(ctx, good, false); err != nil {
		t.Fatal(err)
	}
	if got := listed(t, procs, good.Code); len(got.Documents) != 0 {
		t.Errorf("emptied: %+v", got.Documents)
	}

	for _, c := range []struct {
		docs []catalog.Document
		want map[string]string
	}{
		{[]catalog.Document{{Name: " ", Kind: dossier.Copy}}, map[string]string{"documents[0].name": "document.no_name"}},
		{[]catalog.Document{want[0], {Name: "Bản sao", Kind: "photo"}}, map[string]string{"documents[1].kind": "document.kind"}},
		{[]catalog.Document{{Name: "Bản sao", Kind: dossier.Copy, Copies: 101}}, map[string]string{"documents[0].copies": "document.copies"}},
		{[]catalog.Document{want[0], {Name: "TỜ KHAI ĐĂNG KÝ GIÁM HỘ", Kind: dossier.Copy}}, map[string]string{"documents[1].name": "document.twice"}},
		{make([]catalog.Document, app.MaxProcedureDocuments+1), map[string]string{"documents": "documents.many"}},
	} {
		p := good
		p.Documents = c.docs
		if got := invalid(procs.Save(ctx, p, false)); !maps.Equal(got, c.want) {
			t.Errorf("%v: %v, want %v", c.docs, got, c.want)
		}
	}

	for _, d := range demo.Procedures() {
		got := listed(t, procs, d.Code)
		if len(got.Documents) == 0 || !slices.Equal(got.Documents, d.Documents) || got.Online != d.Online {
			t.Errorf("demo procedure %s: %+v", d.Code, got)
		}
	}
}

// TestDemoListsDocumentsOfOlderProcedures: a demo procedure kept from before procedures
// listed documents gets the demo's list when the demo is loaded again; one that lists
// its own keeps them, and what an administrator changed stays.
func TestDemoListsDocumentsOfOlderProcedures(t *testing.T) {
	st, _ := demodb.Open(t)
	ctx := context.Background()
	procs := &app.Procedures{Store: st}
	older := listed(t, procs, "2.000720")
	older.Documents, older.FeeVND = nil, 150000
	if err := st.SaveProcedure(ctx, older); err != nil {
		t.Fatal(err)
	}
	own := listed(t, procs, "1.001193")
	own.Documents = own.Documents[:1]
	if err := st.SaveProcedure(ctx, own); err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	if got := listed(t, procs, "2.000720"); len(got.Documents) != 4 || got.FeeVND != 150000 {
		t.Errorf("the older procedure after the demo's load: %+v", got)
	}
	if got := listed(t, procs, "1.001193"); len(got.Documents) != 1 {
		t.Errorf("a procedure listing its own documents got %d", len(got.Documents))
	}
}

// listed is the procedure with code as the store lists it.
func listed(t *testing.T, procs *app.Procedures, code string) catalog.Procedure {
	t.Helper()
	list, err := procs.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		if p.Code == code {
			return p
		}
	}
	t.Fatalf("no procedure %s", code)
	return catalog.Procedure{}
}
