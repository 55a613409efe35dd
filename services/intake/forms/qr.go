package forms

import qrcode "github.com/skip2/go-qrcode"

// qrSize is the side of the QR image in pixels: enough for print at 25 mm.
const qrSize = 256

// qrPNG draws text as a QR code (medium error correction) in a PNG image.
func qrPNG(text string) ([]byte, error) {
	return qrcode.Encode(text, qrcode.Medium, qrSize)
}
