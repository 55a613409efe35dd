package rest

import (
	"testing"

	"github.com/motcua/motcua/proto/vocabulary"
)

// TestEveryCriterionIsWorded checks that the catalogue words the problem of each
// criterion a citizen may rate: its words are keyed by the criterion's field, so a new
// criterion needs its own.
func TestEveryCriterionIsWorded(t *testing.T) {
	for _, k := range append([]string{criterionTrips}, scoredCriteria...) {
		if !vocabulary.ProblemKnown("criteria."+k, "out_of_range") {
			t.Errorf("criteria.%s out_of_range has no words", k)
		}
	}
}
