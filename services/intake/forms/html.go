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

// pageTemplate lays a sheet out as one self-contained HTML page (styles inline,
// the QR code as a data URL).
var pageTemplate = template.Must(template.New("page.html").Funcs(template.FuncMap{
	"percent": func(share float64) string {
		return strconv.FormatFloat(share*100, 'f', 2, 64) + "%"
	},
}).ParseFS(templateFiles, "templates/*.html", "templates/*.css"))

// HTML writes form k of dossier d as a printable A5 HTML page (UTF-8, NFC), with
// times in loc. It returns ErrNotAvailable when the dossier has no such form yet,
// and writes nothing on error.
func HTML(w io.Writer, k Kind, d Dossier, loc *time.Location) error {
	s, err := build(k, d, loc)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, s); err != nil {
		return fmt.Errorf("forms: render %s HTML: %w", k, err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// DataURI is the QR code as an inline image.
func (l *lookup) DataURI() template.URL {
	// The URL is built here from PNG bytes, never from caller text.
	return template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(l.PNG))
}
