package service_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
)

func ratingPath(d *dossier, pin string) string {
	return "/api/v1/track/" + url.PathEscape(d.code) + "/rating?pin=" + url.QueryEscape(pin)
}

// returnedDossier publishes a dossier's whole life up to its return.
func (e *env) returnedDossier() *dossier {
	d := e.receivedDossier(due0)
	e.emit(wholeLife(d)...)
	return d
}

func TestRating(t *testing.T) {
	t.Parallel()
	e := startEnv(t)
	open := e.receivedDossier(due0)
	done := e.returnedDossier()
	race := e.returnedDossier()
	e.settle()

	good := `{"score":4,"criteria":{"on_time":5,"attitude":4,"trips":2},"comment":"  Cán bộ hướng dẫn tận tình\t "}`

	if a := e.post(defaultClient, ratingPath(open, open.pin), good); a.status != http.StatusConflict {
		t.Fatalf("before the result is returned: %d %s, want 409", a.status, a.body)
	} else if code, _ := errorOf(t, a); code != "not_returned_yet" {
		t.Errorf("before the result is returned: %s", code)
	}
	wrong := done.wrongPIN()
	if a := e.post(defaultClient, ratingPath(done, wrong), good); a.status != http.StatusNotFound {
		t.Fatalf("wrong PIN: %d %s, want 404", a.status, a.body)
	}
	for _, tc := range []struct{ name, body, field string }{
		{"no score", `{"criteria":{"on_time":5}}`, "score"},
		{"score 0", `{"score":0}`, "score"},
		{"score 6", `{"score":6}`, "score"},
		{"score 4.5", `{"score":4.5}`, "score"},
		{"score as text", `{"score":"5"}`, "score"},
		{"criterion out of range", `{"score":5,"criteria":{"attitude":9}}`, "criteria.attitude"},
		{"no trips", `{"score":5,"criteria":{"trips":0}}`, "criteria.trips"},
		{"unknown criterion", `{"score":5,"criteria":{"speed":5}}`, "criteria.speed"},
		{"criteria not an object", `{"score":5,"criteria":[1]}`, "criteria"},
		{"comment too long", `{"score":5,"comment":"` + strings.Repeat("ă", 1001) + `"}`, "comment"},
		{"comment not text", `{"score":5,"comment":5}`, "comment"},
	} {
		a := e.post(defaultClient, ratingPath(done, done.pin), tc.body)
		if a.status != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d %s, want 422", tc.name, a.status, a.body)
			continue
		}
		if _, field := errorOf(t, a); field != tc.field {
			t.Errorf("%s: field %q, want %q", tc.name, field, tc.field)
		}
	}
	for name, body := range map[string]string{"not JSON": `{"score":`, "empty": ``} {
		if a := e.post(defaultClient, ratingPath(done, done.pin), body); a.status != http.StatusBadRequest {
			t.Errorf("%s: %d %s, want 400", name, a.status, a.body)
		}
	}

	a := e.post(defaultClient, ratingPath(done, strings.ToLower(done.pin)), good)
	if a.status != http.StatusCreated {
		t.Fatalf("rating: %d %s, want 201", a.status, a.body)
	}
	got := a.json(t)
	if got["code"] != done.code || got["score"] != float64(4) || got["comment"] != "Cán bộ hướng dẫn tận tình" ||
		fmt.Sprint(got["criteria"]) != "map[attitude:4 on_time:5 trips:2]" {
		t.Errorf("stored rating: %s", a.body)
	}
	if ts, _ := got["created_at"].(string); !strings.HasSuffix(ts, "+07:00") {
		t.Errorf("created_at %q, want the offices' offset", got["created_at"])
	}
	if a := e.post(defaultClient, ratingPath(done, done.pin), `{"score":1}`); a.status != http.StatusConflict {
		t.Fatalf("second rating: %d %s, want 409", a.status, a.body)
	} else if code, _ := errorOf(t, a); code != "already_rated" {
		t.Errorf("second rating: %s", code)
	}

	// Ten submissions at once: exactly one is stored.
	var wg sync.WaitGroup
	statuses := make([]int, 10)
	for i := range statuses {
		wg.Go(func() {
			statuses[i] = e.post(defaultClient, ratingPath(race, race.pin), fmt.Sprintf(`{"score":%d}`, i%5+1)).status
		})
	}
	wg.Wait()
	created := 0
	for _, s := range statuses {
		switch s {
		case http.StatusCreated:
			created++
		case http.StatusConflict:
		default:
			t.Errorf("concurrent rating answered %d", s)
		}
	}
	if created != 1 || e.count("SELECT count(*) FROM status.ratings WHERE dossier_id = $1", race.id) != 1 {
		t.Errorf("%d ratings created at once (%v), want 1", created, statuses)
	}
}

func TestRatingCommentIsNFC(t *testing.T) {
	t.Parallel()
	e := startEnv(t)
	d := e.returnedDossier()
	e.settle()
	// "Thái độ" typed with combining marks.
	a := e.post(defaultClient, ratingPath(d, d.pin), `{"score":5,"comment":"Tha\u0301i \u0111o\u0323\u0302"}`)
	if a.status != http.StatusCreated {
		t.Fatalf("%d %s", a.status, a.body)
	}
	var stored string
	if err := e.pool.QueryRow(t.Context(), "SELECT comment FROM status.ratings WHERE dossier_id = $1", d.id).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if stored != "Thái độ" {
		t.Errorf("stored %q (% x), want the composed form", stored, stored)
	}
}

func TestRatingFailuresAreLimitedLikeLookups(t *testing.T) {
	t.Parallel()
	e := startEnv(t)
	d := e.returnedDossier()
	e.settle()
	c := client("127.0.0.9")
	for i := 0; i < 10; i++ {
		if a := e.post(c, ratingPath(d, fmt.Sprintf("ZZ%08d", i)), `{"score":5}`); a.status != http.StatusNotFound {
			t.Fatalf("guess %d: %d %s", i+1, a.status, a.body)
		}
	}
	assertTooMany(t, "the 11th guess", e.post(c, ratingPath(d, d.pin), `{"score":5}`), 6)
}
