package scaledata

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/worktime"
)

// TestLoadedDossiersAreServed loads dossiers in two steps into a database the services
// run on, and asks the services, through their APIs, for what was loaded: each
// dossier is found by a citizen's lookup with its PIN, in the status loaded; by a desk's
// search on its applicant's name and on the identity number; in its office's work list;
// its shipments by the post; and the year's statistics count what was loaded.
func TestLoadedDossiersAreServed(t *testing.T) {
	e := start(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	first, err := e.loader.Load(ctx, 300, 1)
	if err != nil {
		t.Fatal(err)
	}
	second, err := e.loader.Load(ctx, 400, 1)
	if err != nil {
		t.Fatal(err)
	}
	loaded := append(first.Samples, second.Samples...)
	if len(loaded) != 400 || first.Rows["intake.dossiers"] != 300 || second.Rows["status.dossiers"] != 100 {
		t.Fatalf("loaded %d samples, %v then %v", len(loaded), first.Rows, second.Rows)
	}
	checkSpread(t, loaded)

	t.Run("lookup", func(t *testing.T) {
		codes := map[string]bool{}
		for _, d := range loaded {
			if codes[d.Code] {
				t.Fatalf("code %s loaded twice", d.Code)
			}
			codes[d.Code] = true
			var got struct {
				Code   string `json:"code"`
				Status string `json:"status"`
			}
			path := "/api/v1/track/" + url.PathEscape(d.Code) + "?pin=" + url.QueryEscape(d.PIN)
			if status := e.get(e.cl.Status.Addr, path, "", &got); status != 200 || got.Code != d.Code || got.Status != d.Status {
				t.Fatalf("lookup of %s (%s) answered %d with %+v", d.Code, d.Status, status, got)
			}
		}
	})

	t.Run("search and read at the desk", func(t *testing.T) {
		for _, d := range loaded[:40] {
			for _, q := range []string{"name=" + url.QueryEscape(d.ApplicantName), "id_number=" + d.IDNumber} {
				var hits struct {
					Items []struct {
						Code string `json:"code"`
					} `json:"items"`
				}
				if status := e.get(e.cl.Intake.Addr, "/api/v1/dossiers/search?"+q, e.desk, &hits); status != 200 ||
					!slices.ContainsFunc(hits.Items, func(h struct {
						Code string `json:"code"`
					}) bool {
						return h.Code == d.Code
					}) {
					t.Fatalf("search %s answered %d without %s: %+v", q, status, d.Code, hits.Items)
				}
			}
			var whole struct {
				Status string `json:"status"`
			}
			if status := e.get(e.cl.Intake.Addr, "/api/v1/dossiers/"+url.PathEscape(d.Code), e.desk, &whole); status != 200 ||
				whole.Status != d.Status {
				t.Fatalf("intake's dossier %s (%s) answered %d with %+v", d.Code, d.Status, status, whole)
			}
		}
	})

	t.Run("work list", func(t *testing.T) {
		for _, d := range loaded[:40] {
			if !e.inWorkList(d) {
				t.Fatalf("%s (%s) is not in %s's list of that status", d.Code, d.Status, d.ReceivingOffice)
			}
		}
	})

	t.Run("shipments", func(t *testing.T) {
		checked := 0
		for _, d := range loaded {
			if d.Shipments == 0 {
				continue
			}
			var list struct {
				Items []apiclient.Shipment `json:"items"`
			}
			if status := e.get(e.cl.Postal.Addr, "/api/v1/shipments?dossier="+url.QueryEscape(d.Code), e.desk, &list); status != 200 ||
				len(list.Items) != d.Shipments {
				t.Fatalf("postal's shipments of %s answered %d with %d, want %d", d.Code, status, len(list.Items), d.Shipments)
			}
			checked++
		}
		if checked == 0 {
			t.Fatal("no dossier travelled by post")
		}
	})

	t.Run("statistics", func(t *testing.T) {
		loc := worktime.VietnamLocation()
		to := worktime.DateOf(e.loader.Now().In(loc))
		from := to.AddDays(-365)
		want := expectedFigures(loaded, from, to, loc)
		var got apiclient.Stats
		if status := e.get(e.cl.Status.Addr, fmt.Sprintf("/api/v1/stats?from=%s&to=%s", from, to), e.supervisor, &got); status != 200 {
			t.Fatalf("stats answered %d", status)
		}
		have := got.Figures
		have.OnTimeRate, have.AvgProcessingHours, have.OnlineShare, have.SatisfactionRate = nil, nil, nil, nil
		have.Ratings.Average, have.Ratings.Dislikes = nil, 0
		// Open dossiers are judged at the moment of the request: only their sum is fixed.
		have.Open.WithinDeadline, have.Open.Overdue = have.Open.WithinDeadline+have.Open.Overdue, 0
		if have != want {
			t.Fatalf("the year's statistics are\n%s\nwhat was loaded counts\n%s", have, want)
		}
	})

	t.Run("folded as status folds", func(t *testing.T) { e.checkFolds(t) })
}

// expectedFigures counts the dossiers received in [from, to] as the statistics count
// them; the open ones all as within their deadline.
func expectedFigures(ds []Dossier, from, to worktime.Date, loc *time.Location) apiclient.Figures {
	var f apiclient.Figures
	for _, d := range ds {
		if d.ReceivedAt.IsZero() {
			continue
		}
		day := worktime.DateOf(d.ReceivedAt.In(loc))
		if day.Before(from) || day.After(to) {
			continue
		}
		f.Received++
		switch d.Channel {
		case "desk":
			f.Channels.Desk++
		case "post":
			f.Channels.Post++
		case "online":
			f.Channels.Online++
		}
		switch {
		case d.Status == "withdrawn":
			f.Withdrawn++
		case d.Finished && d.Timing == "early":
			f.Finished.Early++
		case d.Finished && d.Timing == "on_time":
			f.Finished.OnTime++
		case d.Finished && d.Timing == "late":
			f.Finished.Late++
		case d.Finished:
			panic("a finished dossier without its timing: " + d.Code)
		default:
			f.Open.WithinDeadline++
		}
		if d.Rated {
			f.Ratings.Count++
		}
	}
	return f
}

// inWorkList pages through status's list of d's status at its receiving office until
// it finds d.
func (e *env) inWorkList(d Dossier) bool {
	q := url.Values{"office": {d.ReceivingOffice}, "status": {d.Status}, "limit": {"200"}}
	for {
		var page struct {
			Items []struct {
				Code string `json:"code"`
			} `json:"items"`
			NextCursor *string `json:"next_cursor"`
		}
		if status := e.get(e.cl.Status.Addr, "/api/v1/dossiers?"+q.Encode(), e.desk, &page); status != 200 {
			return false
		}
		for _, it := range page.Items {
			if it.Code == d.Code {
				return true
			}
		}
		if page.NextCursor == nil {
			return false
		}
		q.Set("cursor", *page.NextCursor)
	}
}

// checkSpread fails unless the loaded dossiers are spread as a working system's: most
// returned, some of every other end, some open; every channel.
func checkSpread(t *testing.T, ds []Dossier) {
	t.Helper()
	statuses, channels := map[string]int{}, map[string]int{}
	open := 0
	for _, d := range ds {
		statuses[d.Status]++
		channels[d.Channel]++
		if d.Open() {
			open++
		}
	}
	if statuses["returned"] < len(ds)*7/10 || open == 0 || open > len(ds)/5 || statuses["refused"] == 0 ||
		channels["desk"] == 0 || channels["post"] == 0 || channels["online"] == 0 {
		t.Fatalf("%d dossiers by status %v, by channel %v, %d open", len(ds), statuses, channels, open)
	}
	t.Logf("%d dossiers by status %v, by channel %v, %d open", len(ds), statuses, channels, open)
}
