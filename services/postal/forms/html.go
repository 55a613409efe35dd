package forms

import (
	"bytes"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"time"
)

//go:embed templates
var templateFiles embed.FS

// pageTemplate lays a record out as one self-contained HTML page (styles inline, the
// signature as a data URL), which the print policy of the pages allows.
var pageTemplate = template.Must(template.New("handover.html").Funcs(template.FuncMap{
	"percent": func(share float64) string { return strconv.FormatFloat(share*100, 'f', 2, 64) + "%" },
	// The URL is built here from PNG bytes, never from caller text.
	"dataURI": func(png []byte) template.URL {
		return template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(png))
	},
}).ParseFS(templateFiles, "templates/*.html", "templates/*.css"))

// HTML writes record h as a printable A4 HTML page (UTF-8, NFC), with times in loc. It
// writes nothing on error.
func HTML(w io.Writer, h Handover, loc *time.Location) error {
	s, err := build(h, loc)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, s); err != nil {
		return fmt.Errorf("forms: render the hand-over record's HTML: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}
