// Package spreadsheet writes the CSV files the services offer for download (status's
// statistics and indicators, intake's audit of personal-data reads): one writer, so
// that every file is defused against formulas and never stored alike.
package spreadsheet

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strings"
)

// bom starts a file meant for Excel: without it Excel reads UTF-8 as the machine's
// legacy code page and garbles Vietnamese.
const bom = "\ufeff"

// File is a CSV file to download.
type File struct {
	// Name is the file name offered; only letters, digits, dots and dashes are kept.
	Name   string
	Header []string
	// Rows are the cells below the header; each is defused.
	Rows [][]string
	// ByteOrderMark starts the file with one, for Excel.
	ByteOrderMark bool
}

// Write answers with f as an attachment, never stored.
func Write(w http.ResponseWriter, f File) {
	var buf bytes.Buffer
	if f.ByteOrderMark {
		buf.WriteString(bom)
	}
	cw := csv.NewWriter(&buf)
	_ = cw.Write(f.Header)
	for _, cells := range f.Rows {
		for i, c := range cells {
			cells[i] = Defuse(c)
		}
		_ = cw.Write(cells)
	}
	cw.Flush()
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+safeFileName(f.Name)+`"`)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
}

// safeFileName keeps letters, digits, dots and dashes of name: codes and dates hold
// nothing else, and nothing else may break the header.
func safeFileName(name string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' {
			return r
		}
		return '_'
	}, name)
}

// Defuse keeps a spreadsheet from reading a cell as a formula (CSV injection): a cell
// that starts with = + - @ (or a tab or carriage return, which some spreadsheets skip)
// is prefixed with a single quote.
func Defuse(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
