package dossier

import (
	"encoding/json"
	"testing"
)

// FuzzValidate feeds arbitrary JSON to Normalize and Validate: they never panic, and a
// normalized registration normalizes to itself, so its verdict cannot change.
func FuzzValidate(f *testing.F) {
	seed, _ := json.Marshal(validRegistration())
	f.Add(seed)
	f.Add([]byte(`{"channel":"post","applicant":{"full_name":"An","phone":"+84 912 345 678"},"result_delivery":{"method":"post"}}`))
	f.Add([]byte(`{"applicant":{"full_name":"Nguye\u0302\u0303n   Văn\tA"},"documents":[{"name":" x ","kind":"COPY","copies":0}]}`))
	f.Add([]byte(`{"fee_paid_vnd":-1,"documents":[{},{"copies":101}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Registration
		if json.Unmarshal(data, &r) != nil {
			return
		}
		r.Normalize()
		first := r.Validate()
		again := r
		again.Documents = append([]Document(nil), r.Documents...)
		again.Normalize()
		if !equalRegistration(r, again) {
			t.Fatalf("Normalize is not idempotent:\n%+v\n%+v", r, again)
		}
		second := again.Validate()
		if (first == nil) != (second == nil) || first != nil && (first.Field != second.Field || first.Code != second.Code) {
			t.Fatalf("verdict changed on a second Normalize: %v then %v", first, second)
		}
	})
}
