package forms

import (
	"fmt"
	"io"
	"time"

	"github.com/motcua/motcua/services/platform/printsheet"
)

// pdfOptions tunes the PDF writer; tests turn compression off to read the text.
type pdfOptions struct{ uncompressed bool }

// PDF writes record h as an A4 PDF with the same content as [HTML], times in loc. It
// writes nothing on error.
func PDF(w io.Writer, h Handover, loc *time.Location) error {
	return writePDF(w, h, loc, pdfOptions{})
}

func writePDF(w io.Writer, h Handover, loc *time.Location, opt pdfOptions) error {
	s, err := build(h, loc)
	if err != nil {
		return err
	}
	if err := printsheet.PDF(w, s, printsheet.PDFOptions{Uncompressed: opt.uncompressed}); err != nil {
		return fmt.Errorf("forms: render the hand-over record's PDF: %w", err)
	}
	return nil
}
