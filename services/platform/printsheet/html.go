package printsheet

import (
	"bytes"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strconv"
)

//go:embed templates
var templateFiles embed.FS

// pageTemplate lays a sheet out as one self-contained HTML page (styles inline, the
// images as data URLs), which the print policy of the pages allows.
var pageTemplate = template.Must(template.New("page.html").Funcs(template.FuncMap{
	"percent": func(share float64) string { return strconv.FormatFloat(share*100, 'f', 2, 64) + "%" },
	// The URL is built here from PNG bytes, never from caller text.
	"dataURI": func(png []byte) template.URL {
		return template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(png))
	},
}).ParseFS(templateFiles, "templates/*.html", "templates/*.css"))

// HTML writes sheet s as a printable HTML page of its paper (UTF-8). It writes nothing
// on error.
func HTML(w io.Writer, s *Sheet) error {
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, s); err != nil {
		return fmt.Errorf("printsheet: HTML: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
