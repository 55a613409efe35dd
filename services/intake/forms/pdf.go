package forms

import (
	"fmt"
	"io"
	"time"

	"github.com/motcua/motcua/services/platform/printsheet"
)

// pdfOptions tunes the PDF writer; tests turn compression off to read the text.
type pdfOptions struct{ uncompressed bool }

// PDF writes form k of dossier d as an A5 PDF (the control slip in landscape),
// with the same content as [HTML] and times in loc. It returns ErrNotAvailable
// when the dossier has no such form yet, and writes nothing on error.
func PDF(w io.Writer, k Kind, d Dossier, loc *time.Location) error {
	return writePDF(w, k, d, loc, pdfOptions{})
}

func writePDF(w io.Writer, k Kind, d Dossier, loc *time.Location, opt pdfOptions) error {
	s, err := build(k, d, loc)
	if err != nil {
		return err
	}
	if err := printsheet.PDF(w, &s.Sheet, printsheet.PDFOptions{Uncompressed: opt.uncompressed}); err != nil {
		return fmt.Errorf("forms: render %s PDF: %w", k, err)
	}
	return nil
}
