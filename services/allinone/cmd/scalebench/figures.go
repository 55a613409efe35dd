package main

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"

	"github.com/motcua/motcua/services/allinone/scaledata"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/web/session"
	"github.com/motcua/motcua/services/worktime"
)

// The names a desk searches by: one of the most common (Nguyễn is 38 % of the
// population, Văn the most common middle name of men, Hùng among the first given names)
// and a rare one, whose few matches no early stop can find.
const (
	commonName = "Nguyễn Văn Hùng"
	rareName   = "Quách Thị Oanh"
)

// listFilter is the work lists' filter: the district desk's dossiers returned, the
// biggest status of its biggest list.
var listFilter = url.Values{"office": {demo.DistrictDesk}, "status": {"returned"}}

// listPage is the page of the work lists measured deep in them.
const listPage = 40

// measureAll measures every figure at the size loaded.
func (b *bench) measureAll(ctx context.Context, r *sizeResult) error {
	intake, status := "http://"+b.c.Intake.Addr, "http://"+b.c.Status.Addr
	bearer := func(token string) http.Header { return http.Header{"Authorization": {"Bearer " + token}} }
	cookie := func(token string) http.Header { return http.Header{"Cookie": {session.CookieName + "=" + token}} }
	loc := worktime.VietnamLocation()
	today := worktime.DateOf(b.loader.Now().In(loc))
	year := url.Values{"from": {today.AddDays(-364).String()}, "to": {today.String()}}
	desk, supervisor := bearer(b.desk), bearer(b.supervisor)
	var err error

	if len(b.samples) < b.s.requests+b.s.warmup {
		return fmt.Errorf("%d dossiers left to look up, %d needed", len(b.samples), b.s.requests+b.s.warmup)
	}
	warm, cold := b.samples[:b.s.warmup], b.samples[b.s.warmup:b.s.warmup+b.s.requests]
	b.samples = b.samples[b.s.warmup+b.s.requests:]
	if r.Lookup, err = b.measure(ctx, "a citizen's lookup of a dossier never looked up", b.lookup(warm), b.lookup(cold)); err != nil {
		return err
	}

	first := status + "/api/v1/dossiers?" + listFilter.Encode()
	deep, pages, err := b.statusPage(ctx, first, b.desk)
	if err != nil {
		return err
	}
	r.WorklistPages = pages
	if r.WorklistFirst, err = b.measure(ctx, "status's work list, first page", b.same(first, desk), b.same(first, desk)); err != nil {
		return err
	}
	if r.WorklistDeep, err = b.measure(ctx, fmt.Sprintf("status's work list, page %d", pages), b.same(deep, desk), b.same(deep, desk)); err != nil {
		return err
	}

	home := cookie(b.desk)
	first = intake + session.DeskHome + "?" + listFilter.Encode()
	deep, pages, err = b.intakePage(ctx, first, home)
	if err != nil {
		return err
	}
	r.IntakeWorklistPages = pages
	if r.IntakeWorklistFirst, err = b.measure(ctx, "intake's work list page, first page", b.same(first, home), b.same(first, home)); err != nil {
		return err
	}
	if r.IntakeWorklistDeep, err = b.measure(ctx, fmt.Sprintf("intake's work list page, page %d", pages), b.same(deep, home), b.same(deep, home)); err != nil {
		return err
	}

	for _, s := range []struct {
		name string
		dst  *figure
	}{{commonName, &r.SearchCommon}, {rareName, &r.SearchRare}} {
		u := intake + "/api/v1/dossiers/search?" + url.Values{"name": {s.name}}.Encode()
		if *s.dst, err = b.measure(ctx, "a desk's search by name: "+s.name, b.same(u, desk), b.same(u, desk)); err != nil {
			return err
		}
	}

	board := cookie(b.supervisor)
	one := url.Values{"from": year["from"], "to": year["to"], "office": {demo.DistrictDesk}}
	for _, f := range []struct {
		what, url string
		header    http.Header
		dst       *figure
	}{
		{"the year's dashboard, one office", status + "/giam-sat?" + one.Encode(), board, &r.DashboardOffice},
		{"the year's dashboard, all the supervisor's offices", status + "/giam-sat?" + year.Encode(), board, &r.DashboardAll},
		{"the year's statistics as CSV", status + "/giam-sat/chi-so.csv?" + year.Encode(), board, &r.StatsCSV},
		{"the year's statistics from the API", status + "/api/v1/stats?" + year.Encode(), supervisor, &r.StatsAPI},
	} {
		if *f.dst, err = b.measure(ctx, f.what, b.same(f.url, f.header), b.same(f.url, f.header)); err != nil {
			return err
		}
	}
	return nil
}

// lookup looks up the i-th of ds, checking the answer is the dossier's.
func (b *bench) lookup(ds []scaledata.Dossier) request {
	return func(ctx context.Context, i int) error {
		d := ds[i%len(ds)]
		status, body, err := b.client.Track(ctx, b.c.Status.Addr, d.Code, d.PIN)
		if err != nil {
			return err
		}
		if status != http.StatusOK || body["code"] != d.Code {
			return fmt.Errorf("lookup of %s answered %d", d.Code, status)
		}
		return nil
	}
}

// statusPage follows the cursors of status's list from its first page to page listPage
// (or its last, when it has fewer) and returns that page's address and number.
func (b *bench) statusPage(ctx context.Context, first, token string) (string, int, error) {
	u := first
	for page := 1; ; page++ {
		var body struct {
			NextCursor *string `json:"next_cursor"`
		}
		a, err := b.client.Do(ctx, http.MethodGet, u, token, "", nil, &body)
		if err != nil {
			return "", 0, err
		}
		if a.Status != http.StatusOK {
			return "", 0, fmt.Errorf("GET %s answered %d", u, a.Status)
		}
		if page == listPage || body.NextCursor == nil {
			return u, page, nil
		}
		next, _ := url.Parse(first)
		q := next.Query()
		q.Set("cursor", *body.NextCursor)
		next.RawQuery = q.Encode()
		u = next.String()
	}
}

// nextPageLink is the link of intake's list page to the page after it.
var nextPageLink = regexp.MustCompile(`<a href="([^"]+)" id="next-page"`)

// intakePage follows the "more" links of intake's list page from first to page listPage
// (or its last) and returns that page's address and number.
func (b *bench) intakePage(ctx context.Context, first string, header http.Header) (string, int, error) {
	u := first
	base, err := url.Parse(first)
	if err != nil {
		return "", 0, err
	}
	for page := 1; ; page++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return "", 0, err
		}
		req.Header = header.Clone()
		resp, err := b.client.HTTP.Do(req)
		if err != nil {
			return "", 0, err
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return "", 0, err
		}
		if resp.StatusCode != http.StatusOK {
			return "", 0, fmt.Errorf("GET %s answered %d", u, resp.StatusCode)
		}
		m := nextPageLink.FindSubmatch(body)
		if page == listPage || m == nil {
			return u, page, nil
		}
		next, err := base.Parse(html.UnescapeString(string(m[1])))
		if err != nil {
			return "", 0, errors.Join(fmt.Errorf("intake's next page link %q", m[1]), err)
		}
		u = next.String()
	}
}
