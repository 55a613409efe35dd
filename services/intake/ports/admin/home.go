package admin

import "net/http"

// home answers GET /quan-tri: the four sections.
func (p *Pages) home(w http.ResponseWriter, r *http.Request) {
	p.render(w, http.StatusOK, p.newPage(w, r, "home"))
}
