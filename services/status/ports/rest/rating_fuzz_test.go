package rest

import (
	"errors"
	"net/http"
	"testing"
	"unicode/utf8"

	"github.com/motcua/motcua/services/platform/httpapi"
)

// FuzzRatingRequest feeds arbitrary bodies of POST /track/{code}/rating to the decoder
// and validate, as rate does: nothing panics, every refusal is a 400 or a 422 naming a
// field, and a rating let through holds a score of 1 to 5, known criteria in range and
// a comment within its length.
func FuzzRatingRequest(f *testing.F) {
	for _, s := range []string{
		`{"score":5}`, `{"score":4.0,"criteria":{"staff":5,"trips":2},"comment":" Rất tốt "}`,
		`{"score":"5"}`, `{"score":4.5}`, `{"score":1e999}`, `{"score":null}`, `{"criteria":{"\u0000":1}}`,
		`{"score":3,"criteria":{"trips":-1}}`, `{"score":2,"comment":null}`, `[]`, `{`, `"x"`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var req ratingRequest
		if err := httpapi.UnmarshalJSON(body, &req); err != nil {
			var he *httpapi.Error
			if !errors.As(err, &he) || he.Status != http.StatusBadRequest && he.Status != http.StatusUnprocessableEntity {
				t.Fatalf("%q: decoding gave %v, want a 400 or 422", body, err)
			}
			return
		}
		r, err := req.validate()
		if err != nil {
			var he *httpapi.Error
			if !errors.As(err, &he) || he.Status != http.StatusUnprocessableEntity || he.Field == "" || err.Error() == "" {
				t.Fatalf("%q: refused with %#v, want a 422 naming a field", body, err)
			}
			return
		}
		if r.Score < 1 || r.Score > 5 || utf8.RuneCountInString(r.Comment) > maxCommentLength {
			t.Fatalf("%q: let through %+v", body, r)
		}
		for k, v := range r.Criteria {
			if k != criterionTrips && (v < 1 || v > 5) || k == criterionTrips && (v < 1 || v > maxTrips) {
				t.Fatalf("%q: criterion %q = %d let through", body, k, v)
			}
		}
	})
}
