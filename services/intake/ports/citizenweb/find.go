package citizenweb

import (
	"net/http"
	"strings"

	"github.com/motcua/motcua/services/intake/app"
)

// maxQuery bounds the words typed to find a procedure.
const maxQuery = 200

// find answers GET /nop-truc-tuyen?q=: the procedures whose name or code holds every
// word typed, accents and case aside (all of them when nothing is typed), those offered
// online first.
func (p *Pages) find(w http.ResponseWriter, r *http.Request) {
	pg := newPage(w, r, "find")
	pg.Query = strings.TrimSpace(r.URL.Query().Get("q"))
	if len([]rune(pg.Query)) > maxQuery {
		pg.Query = string([]rune(pg.Query)[:maxQuery])
	}
	procs, err := p.Catalog.Procedures(r.Context())
	if err != nil {
		p.fail(w, r, pg, err)
		return
	}
	found := app.MatchProcedures(procs, pg.Query)
	for _, online := range []bool{true, false} {
		for _, pr := range found {
			if pr.Online == online {
				pg.Found = append(pg.Found, pr)
			}
		}
	}
	p.render(w, http.StatusOK, pg)
}
