package rest

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/textnorm"
	"github.com/motcua/motcua/services/status/app/citizen"
)

// The criteria a citizen may rate beside the overall score, and their bounds.
var scoredCriteria = citizen.ScoredCriteria

const (
	criterionTrips   = citizen.CriterionTrips
	maxTrips         = citizen.MaxTrips
	maxCommentLength = citizen.MaxCommentLength
)

type ratingRequest struct {
	Score    json.RawMessage            `json:"score"`
	Criteria map[string]json.RawMessage `json:"criteria"`
	Comment  *string                    `json:"comment"`
}

type ratingJSON struct {
	Code      string         `json:"code"`
	Score     int            `json:"score"`
	Criteria  map[string]int `json:"criteria"`
	Comment   string         `json:"comment"`
	CreatedAt time.Time      `json:"created_at"`
}

// rate answers POST /track/{code}/rating?pin=: the citizen's rating of the service, once
// the result is returned, once per dossier. The code and PIN are checked, and failures
// limited, as for a lookup.
func (a *API) rate(w http.ResponseWriter, r *http.Request) {
	t, _, ok := a.lookup(w, r)
	if !ok {
		return
	}
	var req ratingRequest
	if err := httpapi.DecodeJSON(w, r, &req, 8<<10); err != nil {
		a.fail(w, r, err)
		return
	}
	rating, err := req.validate()
	if err != nil {
		a.fail(w, r, err)
		return
	}
	stored, err := a.Citizen.Rate(r.Context(), t, rating)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteJSON(w, http.StatusCreated, ratingJSON{Code: t.Code, Score: stored.Score, Criteria: stored.Criteria,
		Comment: stored.Comment, CreatedAt: a.local(stored.CreatedAt)})
}

// validate checks the rating and returns it normalised, or a 422 naming the field.
func (req ratingRequest) validate() (citizen.Rating, error) {
	score, ok := wholeNumber(req.Score)
	if len(req.Score) == 0 || string(req.Score) == "null" {
		return citizen.Rating{}, invalid("score", "required")
	}
	if !ok || score < 1 || score > 5 {
		return citizen.Rating{}, invalid("score", "out_of_range")
	}
	out := citizen.Rating{Score: int(score), Criteria: map[string]int{}}
	keys := make([]string, 0, len(req.Criteria))
	for k := range req.Criteria {
		keys = append(keys, k)
	}
	slices.Sort(keys) // the same message for the same body
	for _, k := range keys {
		field := "criteria." + k
		v, ok := wholeNumber(req.Criteria[k])
		switch {
		case slices.Contains(scoredCriteria, k):
			if !ok || v < 1 || v > 5 {
				return citizen.Rating{}, invalid(field, "out_of_range")
			}
		case k == criterionTrips:
			if !ok || v < 1 || v > maxTrips {
				return citizen.Rating{}, invalid(field, "out_of_range", maxTrips)
			}
		default:
			if !utf8.ValidString(k) || len(k) > 40 {
				field = "criteria"
			}
			return citizen.Rating{}, invalid(field, "unknown_criterion", strings.Join(scoredCriteria, ", "), criterionTrips)
		}
		out.Criteria[k] = int(v)
	}
	if req.Comment != nil {
		out.Comment = textnorm.Clean(*req.Comment)
		if n := utf8.RuneCountInString(out.Comment); n > maxCommentLength {
			return citizen.Rating{}, invalid("comment", "too_long", n, maxCommentLength)
		}
	}
	return out, nil
}

// wholeNumber reads a JSON number without a fraction (5 or 5.0, not 4.5 nor "5").
func wholeNumber(raw json.RawMessage) (int64, bool) {
	var f float64
	if len(raw) == 0 || raw[0] == '"' || json.Unmarshal(raw, &f) != nil {
		return 0, false
	}
	if f != float64(int64(f)) || f < -1e9 || f > 1e9 {
		return 0, false
	}
	return int64(f), true
}
