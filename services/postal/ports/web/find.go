package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/motcua/motcua/services/platform/s10"
	"github.com/motcua/motcua/services/platform/textnorm"
	"github.com/motcua/motcua/services/postal/app"
)

// maxQuery bounds what the find form reads: a receipt's lookup link is the longest.
const maxQuery = 500

// find answers GET /buu-chinh/tim?q=: a tracking number leads to its shipment; a
// dossier's code, or the receipt's lookup link its QR code holds, to the dossier's
// shipments the worker handles (straight to it when there is one).
func (p *Pages) find(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "found")
	raw := r.URL.Query().Get("q")
	if len(raw) > maxQuery {
		raw = raw[:maxQuery]
	}
	pg.Query = textnorm.Clean(raw)
	kind, value := parseQuery(pg.Query)
	switch kind {
	case queryNone:
		pg.Errors["q"] = pg.T("find.bad")
		if pg.Query == "" {
			pg.Errors["q"] = pg.T("find.empty")
		}
		p.render(w, http.StatusUnprocessableEntity, pg)
		return
	case queryBadTracking:
		var se *s10.Error
		if _, err := s10.Parse(pg.Query); errors.As(err, &se) {
			pg.Errors["q"] = trackingProblem(se).message(pg)
		}
		p.render(w, http.StatusUnprocessableEntity, pg)
		return
	case queryTracking:
		http.Redirect(w, r, ShipmentPath+value, http.StatusSeeOther)
		return
	}
	if kind == queryLink {
		pg.Query = value // the link's PIN is not the post's business: never shown back
	}
	list, err := p.Shipments.OfDossier(r.Context(), pg.Who, value)
	switch {
	case errors.Is(err, app.ErrNotFound) || err == nil && len(list) == 0:
		pg.Errors["q"] = pg.T("find.none", value)
		p.render(w, http.StatusNotFound, pg)
		return
	case err != nil:
		p.fail(w, r, pg, err)
		return
	case len(list) == 1:
		http.Redirect(w, r, ShipmentPath+list[0].TrackingNumber, http.StatusSeeOther)
		return
	}
	pg.Found = list
	p.render(w, http.StatusOK, pg)
}

// What a search holds.
const (
	queryNone        = iota // nothing usable
	queryTracking           // a tracking number (canonical)
	queryDossier            // a dossier's code
	queryLink               // the dossier's code, read from a receipt's lookup link
	queryBadTracking        // a tracking number mistyped: its check digit is wrong
)

// parseQuery reads what the worker typed or scanned: a tracking number in any form
// s10.Parse reads (or one with a wrong check digit), a lookup link (…/tra-cuu?code=…&pin=…) whose code it takes, or a
// dossier's code.
func parseQuery(q string) (int, string) {
	if q == "" {
		return queryNone, ""
	}
	n, err := s10.Parse(q)
	switch {
	case err == nil:
		return queryTracking, n.String()
	case errors.Is(err, s10.ErrCheckDigit):
		return queryBadTracking, ""
	}
	if strings.Contains(q, "code=") {
		u, err := url.Parse(q)
		if err != nil {
			return queryNone, ""
		}
		code := strings.ToUpper(textnorm.Clean(u.Query().Get("code")))
		if code == "" || len(code) > 40 {
			return queryNone, ""
		}
		return queryLink, code
	}
	if len(q) > 40 || strings.ContainsAny(q, " /?") {
		return queryNone, ""
	}
	return queryDossier, strings.ToUpper(q)
}
