package projection

import (
	"strings"
	"testing"

	"google.golang.org/protobuf/proto"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/status/adapters/store"
)

// TestDecodeAnElectronicResult reads the events of a result given electronically: the
// Completed event's file (its fingerprint), the state that says the citizen can
// download it, and the Returned event of the first download, a step of its own. A file
// that cannot be one is refused.
func TestDecodeAnElectronicResult(t *testing.T) {
	decode := func(ev *dossierv1.Event) (store.Change, error) {
		data, _ := proto.Marshal(ev)
		d, err := Decode(data)
		if err != nil {
			return store.Change{}, err
		}
		return *d.Change, nil
	}
	file := func() *dossierv1.File {
		return &dossierv1.File{Id: "f", Name: "Giấy phép.pdf", Sha256: strings.Repeat("0a", 32), Size: 2048,
			ContentType: "application/pdf"}
	}
	done := later(6, "processed", 9, dept, nil, dept)
	done.State.ResultDownloadable = true
	done.Kind = &dossierv1.Event_Completed{Completed: &dossierv1.Completed{Outcome: dossierv1.Outcome_OUTCOME_APPROVED,
		ResultDelivery: dossierv1.DeliveryMethod_DELIVERY_METHOD_ELECTRONIC, ResultFile: file()}}
	c, err := decode(done)
	want := store.ResultFile{Name: "Giấy phép.pdf", ContentType: "application/pdf", Size: 2048, SHA256: strings.Repeat("0a", 32)}
	if err != nil || c.ResultFile == nil || *c.ResultFile != want || !c.State.ResultDownloadable || c.Step.Type != "completed" {
		t.Fatalf("completed with the result: %+v, %v", c, err)
	}

	ret := later(7, "returned", 10, dept, nil, dept)
	ret.State.ResultDownloadable = true
	ret.Kind = &dossierv1.Event_Returned{Returned: &dossierv1.Returned{Electronic: true}}
	if c, err := decode(ret); err != nil || c.Step.Type != "result_downloaded" || !c.State.ResultDownloadable || c.ResultFile != nil {
		t.Errorf("the first download: %+v, %v", c, err)
	}

	for name, mutate := range map[string]func(*dossierv1.File){
		"no name":         func(f *dossierv1.File) { f.Name = "" },
		"a NUL":           func(f *dossierv1.File) { f.Name = "a\x00.pdf" },
		"a name too long": func(f *dossierv1.File) { f.Name = strings.Repeat("a", 301) },
		"empty":           func(f *dossierv1.File) { f.Size = 0 },
		"not a SHA-256":   func(f *dossierv1.File) { f.Sha256 = "abc" },
		"upper-case hex":  func(f *dossierv1.File) { f.Sha256 = strings.Repeat("0A", 32) },
	} {
		f := file()
		mutate(f)
		done.GetCompleted().ResultFile = f
		if c, err := decode(done); err == nil {
			t.Errorf("%s: accepted as %+v", name, c.ResultFile)
		}
	}
}
