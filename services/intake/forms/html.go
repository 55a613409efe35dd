package forms

import (
	"fmt"
	"io"
	"time"

	"github.com/motcua/motcua/services/platform/printsheet"
)

// HTML writes form k of dossier d as a printable A5 HTML page (UTF-8, NFC), with
// times in loc. It returns ErrNotAvailable when the dossier has no such form yet,
// and writes nothing on error.
func HTML(w io.Writer, k Kind, d Dossier, loc *time.Location) error {
	s, err := build(k, d, loc)
	if err != nil {
		return err
	}
	if err := printsheet.HTML(w, &s.Sheet); err != nil {
		return fmt.Errorf("forms: render %s HTML: %w", k, err)
	}
	return nil
}
