package apitest

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

// SignaturePNG draws a small signature: a real PNG, such as a phone's signature pad
// captures, for the proofs of delivery and the hand-over records tests send.
func SignaturePNG() []byte {
	img := image.NewGray(image.Rect(0, 0, 64, 24))
	for x := range 64 {
		for y := range 24 {
			img.SetGray(x, y, color.Gray{Y: 255})
		}
	}
	for x := 4; x < 60; x++ {
		y := 12 + (x%16-8)/2
		img.SetGray(x, y, color.Gray{Y: 0})
		img.SetGray(x, y+1, color.Gray{Y: 0})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err) // encoding an in-memory image cannot fail
	}
	return buf.Bytes()
}
