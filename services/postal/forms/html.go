package forms

import (
	"fmt"
	"io"
	"time"

	"github.com/motcua/motcua/services/platform/printsheet"
)

// HTML writes record h as a printable A4 HTML page (UTF-8, NFC), with times in loc. It
// writes nothing on error.
func HTML(w io.Writer, h Handover, loc *time.Location) error {
	s, err := build(h, loc)
	if err != nil {
		return err
	}
	if err := printsheet.HTML(w, s); err != nil {
		return fmt.Errorf("forms: render the hand-over record's HTML: %w", err)
	}
	return nil
}
