package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/s10"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// shipment answers GET /buu-chinh/buu-gui/{tracking}[?done=type]: the shipment, its
// steps and the forms of the steps that may come next.
func (p *Pages) shipment(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "shipment")
	if !p.load(w, r, pg) {
		return
	}
	if done := shipment.Status(r.URL.Query().Get("done")); done.Recordable() {
		pg.Notice = pg.T("done", pg.Status(string(done)))
	}
	p.render(w, http.StatusOK, pg)
}

// load reads the shipment of the path into pg with its forms; when it cannot, it
// renders the reason and reports false.
func (p *Pages) load(w http.ResponseWriter, r *http.Request, pg *page) bool {
	tn, err := s10.Parse(chi.URLParam(r, "tracking"))
	if err != nil {
		p.fail(w, r, pg, err)
		return false
	}
	v, err := p.Shipments.Get(r.Context(), pg.Who, tn.String())
	if err != nil {
		p.fail(w, r, pg, err)
		return false
	}
	pg.Shipment = &v
	pg.Forms = nil
	for _, t := range shipment.Next(shipment.Kind(v.Kind), shipment.Status(v.Status)) {
		pg.Forms = append(pg.Forms, confirmForm{Type: string(t), EventID: uuid.NewString()})
	}
	return true
}
