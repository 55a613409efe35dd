// Package forms prints the post's hand-over record (biên bản giao nhận bưu gửi) as an
// A4 HTML page and as a PDF, in Vietnamese: the two sides, the items with their seals,
// the times, and both sides' signature blocks, the receiving officer's signature drawn
// in once the record is confirmed.
//
// It is pure: the caller gathers a [Handover]; [HTML] and [PDF] write it. Both lay out
// the same content (content.go), so they print the same words and values.
package forms

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strconv"
	"time"
)

// Handover is a record as it is printed.
type Handover struct {
	Number int64
	// From is the post office that gives the items, To the office that receives them.
	From, To Party
	// GivenBy is the postal worker who drew the record up, CreatedAt when.
	GivenBy   string
	CreatedAt time.Time
	// ConfirmedBy and ConfirmedAt are the receiving officer and when they confirmed
	// it; empty and zero while it is open.
	ConfirmedBy string
	ConfirmedAt time.Time
	Items       []Item
	// Signature is the receiving officer's signature (a PNG), once confirmed.
	Signature []byte
}

// Party is one side of a record: an office.
type Party struct {
	Code, Name, Address string
}

// Item is an item of a record: its tracking number, the dossier it carries, the leg of
// the post it covers (in words) and its seal.
type Item struct {
	TrackingNumber string
	DossierCode    string
	Kind           string
	SealNumber     string
}

// Confirmed reports whether the receiving side confirmed the record.
func (h Handover) Confirmed() bool { return !h.ConfirmedAt.IsZero() }

// maxSignatureSide bounds the signature image decoded for printing, as the post bounds
// the signatures it accepts.
const maxSignatureSide = 4000

// flatSignature is the signature as an opaque PNG on white, decoded and written again,
// so that what is printed is an image the printers read whatever the drawing pad gave
// (a transparent background); nil when it cannot be read.
func flatSignature(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil || cfg.Width < 1 || cfg.Height < 1 || cfg.Width > maxSignatureSide || cfg.Height > maxSignatureSide {
		return nil
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	flat := image.NewRGBA(img.Bounds())
	draw.Draw(flat, flat.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.Draw(flat, flat.Bounds(), img, img.Bounds().Min, draw.Over)
	var out bytes.Buffer
	if err := png.Encode(&out, flat); err != nil {
		return nil
	}
	return out.Bytes()
}

// Printed is a record printed: its bytes, their type, and for a PDF the file's name.
type Printed struct {
	Body        []byte
	ContentType string
	FileName    string
}

// Render prints record h as a PDF (pdf true) or an HTML page, with times in loc.
func Render(h Handover, pdf bool, loc *time.Location) (Printed, error) {
	var buf bytes.Buffer
	if !pdf {
		err := HTML(&buf, h, loc)
		return Printed{Body: buf.Bytes(), ContentType: "text/html; charset=utf-8"}, err
	}
	err := PDF(&buf, h, loc)
	return Printed{Body: buf.Bytes(), ContentType: "application/pdf",
		FileName: "bien-ban-giao-nhan-" + strconv.FormatInt(h.Number, 10) + ".pdf"}, err
}
