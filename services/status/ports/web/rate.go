package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/motcua/motcua/services/platform/textnorm"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/status/app/citizen"
)

// maxRatingForm bounds the rating form's body: a comment of 1000 characters of up to
// four bytes each, percent-encoded, and the rest.
const maxRatingForm = 16 << 10

// rate answers POST /tra-cuu/danh-gia: the rating form of a returned dossier. The code
// and PIN (hidden fields) are checked, and failures limited, as for a lookup; the form
// must carry the CSRF token of its cookie.
func (p *Pages) rate(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxRatingForm)
	if err := r.ParseForm(); err != nil {
		pg := newPage(language(r), LookupPath, nil)
		pg.Error = pg.Problem("", "unreadable_form")
		status := http.StatusBadRequest
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			status = http.StatusRequestEntityTooLarge
		}
		p.render(w, status, pg)
		return
	}
	code, pin := cleanCode(r.PostFormValue("code")), cleanPIN(r.PostFormValue("pin"))
	pg := newPage(language(r), LookupPath, url.Values{"code": {shown(code)}, "pin": {shown(pin)}})
	pg.Code = shown(code)
	if !csrf.Valid(r) {
		// Refused before the dossier is looked at: a forged request learns nothing.
		pg.Error = pg.Problem("", "rating_form_expired")
		csrf.Token(w, r) // a fresh token for the reloaded page
		p.render(w, http.StatusForbidden, pg)
		return
	}
	t, ok := p.find(w, r, pg, code, pin)
	if !ok {
		return
	}
	form, rt, problem := readRating(r)
	pg.Rating.Form = form
	if problem != "" {
		pg.Rating.Error = pg.ratingProblem(problem, form)
		p.show(w, r, http.StatusUnprocessableEntity, pg)
		return
	}
	if _, err := p.Citizen.Rate(r.Context(), t, rt); err != nil {
		p.fail(w, r, pg, err)
		return
	}
	pg.Rating.Done, pg.Rating.Message = true, pg.T("rate.thanks")
	p.show(w, r, http.StatusOK, pg)
}

// readRating reads the rating form: the overall score (required), each criterion and
// the number of trips (optional) and a comment. problem names the words of what is
// wrong, "" when nothing is.
func readRating(r *http.Request) (form ratingForm, rt citizen.Rating, problem string) {
	form = ratingForm{Criteria: map[string]int{}, Trips: truncate(strings.TrimSpace(r.PostFormValue("trips")), 8),
		Comment: textnorm.Clean(strings.ToValidUTF8(r.PostFormValue("comment"), ""))}
	rt = citizen.Rating{Criteria: map[string]int{}, Comment: form.Comment}
	score, ok := oneToFive(r.PostFormValue("score"))
	switch {
	case r.PostFormValue("score") == "":
		problem = "rate.need.score"
	case !ok:
		problem = "rate.bad"
	}
	form.Score, rt.Score = score, score
	for _, k := range citizen.ScoredCriteria {
		v := r.PostFormValue(k)
		if v == "" {
			continue
		}
		n, ok := oneToFive(v)
		if !ok {
			problem = "rate.bad"
			continue
		}
		form.Criteria[k], rt.Criteria[k] = n, n
	}
	if form.Trips != "" {
		n, err := strconv.Atoi(form.Trips)
		if err != nil || n < 1 || n > citizen.MaxTrips {
			problem = "rate.bad.trips"
		} else {
			rt.Criteria[citizen.CriterionTrips] = n
		}
	}
	if utf8.RuneCountInString(form.Comment) > citizen.MaxCommentLength {
		problem = "rate.long"
	}
	return form, rt, problem
}

// ratingProblem says what readRating found wrong with form in the catalogue's words,
// those the API answers the same rating with.
func (p *page) ratingProblem(problem string, form ratingForm) string {
	switch problem {
	case "rate.need.score":
		return p.Problem("score", "required")
	case "rate.bad.trips":
		return p.Problem("criteria."+citizen.CriterionTrips, "out_of_range", citizen.MaxTrips)
	case "rate.long":
		return p.Problem("comment", "too_long", utf8.RuneCountInString(form.Comment), citizen.MaxCommentLength)
	default:
		return p.Problem("", "invalid_rating")
	}
}

// oneToFive reads a score from 1 to 5.
func oneToFive(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 5 {
		return 0, false
	}
	return n, true
}
