package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/go-chi/chi/v5"
	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// file answers GET /mot-cua/ho-so/{code}/tep/{file_id}: a file handed in with the
// dossier, opened in the browser (inline), for the staff of the dossier's offices. It is
// read through the Reader, so the read is audited like any read of personal data, and
// served as the API serves it: as stored, never sniffed into something else, never
// cached, in a sandbox.
func (p *Pages) file(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "message")
	id, err := uuid.Parse(chi.URLParam(r, "file_id"))
	if err != nil {
		p.noFile(w, pg)
		return
	}
	f, err := p.Reader.ReadFile(r.Context(), pg.Who, chi.URLParam(r, "code"), id)
	switch {
	case errors.Is(err, app.ErrNotFound):
		p.noFile(w, pg)
		return
	case err != nil:
		p.fail(w, r, pg, err)
		return
	}
	defer f.Body.Close()
	httpapi.ServeInline(r.Context(), w, p.Log, httpapi.InlineFile{ContentType: f.ContentType, Name: f.Name, Size: f.Size, SHA256: f.SHA256}, f.Body)
}

// noFile tells that the dossier has no such file, or not for this member of staff:
// which of the two is not said, so that codes cannot be probed.
func (p *Pages) noFile(w http.ResponseWriter, pg *page) {
	pg.Error = pg.T("file.not.found")
	p.render(w, http.StatusNotFound, pg)
}

// FileURL is the address that opens the dossier's file f in the browser.
func (pg *page) FileURL(f app.FileView) string {
	return DossierPath + url.PathEscape(pg.Dossier.Code) + "/tep/" + f.ID
}

// FilePurpose says why a file was handed in, when not with the submission: a
// supplement, a result.
func (pg *page) FilePurpose(f app.FileView) string {
	if f.Purpose == "" || f.Purpose == string(app.FileSubmission) {
		return ""
	}
	return pg.T("purpose." + f.Purpose)
}

// FileType names a file's content type as people know it: PDF, JPEG, PNG.
func (pg *page) FileType(contentType string) string {
	switch contentType {
	case "application/pdf":
		return "PDF"
	case "image/jpeg":
		return "JPEG"
	case "image/png":
		return "PNG"
	}
	return contentType
}

// FileSize shows a size in bytes, KB or MB (of 1024), with one decimal in the page's
// language: "195,3 KB".
func (pg *page) FileSize(n int64) string {
	switch {
	case n < 1<<10:
		return pg.T("n.bytes", strconv.FormatInt(n, 10))
	case n < 1<<20:
		return pg.T("n.kb", htmlpage.Decimal(pg.Lang, float64(n)/(1<<10), 1))
	}
	return pg.T("n.mb", htmlpage.Decimal(pg.Lang, float64(n)/(1<<20), 1))
}

// ShortSum is the start of a file's SHA-256, enough to compare it by eye with the one
// the citizen was given.
func (pg *page) ShortSum(sum string) string {
	if len(sum) > 12 {
		return sum[:12] + "…"
	}
	return sum
}
