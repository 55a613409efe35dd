package app

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// FuzzCreateInput feeds arbitrary bodies of POST /api/v1/shipments to the decoder,
// Normalize and check, as Create does before it reads the store: nothing panics,
// Normalize is idempotent, a refusal is a field error naming its field, and a kind let
// through is one of the shipment kinds.
func FuzzCreateInput(f *testing.F) {
	for _, s := range []string{
		`{"dossier_code":"000.00.16.H19-260309-0001","kind":"pickup","address":"Khu 1, Gia Ray"}`,
		`{"dossier_code":"000.00.16.H19-260309-0001","kind":" Transfer ","from":"000.00.16.H19","to":"000.01.16.H19"}`,
		`{"dossier_code":"x","kind":"delivery","postage_vnd":-1,"paid_by":"office"}`,
		`{"dossier_code":"x","kind":"return","postage_vnd":9223372036854775807,"paid_by":"nobody"}`,
		`{"kind":"pickup","address":"a\u0000b\u202e"}`, `{"kind":1}`, `null`, `[]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var in CreateInput
		if httpapi.UnmarshalJSON(body, &in) != nil {
			return
		}
		in.Normalize()
		again := in
		again.Normalize()
		if again != in {
			t.Fatalf("Normalize is not idempotent:\n%+v\n%+v", in, again)
		}
		kind, err := in.check()
		if err != nil {
			var fe *shipment.FieldError
			if !errors.As(err, &fe) || fe.Field == "" || fe.Code == "" || err.Error() == "" {
				t.Fatalf("%q: refused with %#v, want a field error", body, err)
			}
			return
		}
		if _, ok := shipment.ParseKind(string(kind)); !ok {
			t.Fatalf("%q: kind %q let through", body, kind)
		}
		if _, err := json.Marshal(in); err != nil {
			t.Fatal(err)
		}
	})
}
