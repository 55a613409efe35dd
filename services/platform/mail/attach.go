package mail

import (
	"bytes"
	"mime"
	"mime/multipart"
	"net/textproto"
)

// Attachment is a file sent with a message: its name as the recipient sees it (any
// UTF-8), its media type (application/octet-stream when empty or not one) and its bytes.
type Attachment struct {
	Name        string
	ContentType string
	Data        []byte
}

// mixed is the body of multipart/mixed message m and its boundary: the text part as a
// message without attachments carries it, then each attachment in base64.
func mixed(m Message) (body []byte, boundary string) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	part := func(h textproto.MIMEHeader, data []byte) {
		h.Set("Content-Transfer-Encoding", "base64")
		p, _ := w.CreatePart(h) // writes to a buffer, which does not fail
		writeBase64(p, data)
	}
	if m.HTML == "" {
		part(textproto.MIMEHeader{"Content-Type": {textType}}, textBytes(m.Text))
	} else {
		contentType, body := content(m)
		p, _ := w.CreatePart(textproto.MIMEHeader{"Content-Type": {contentType}})
		_, _ = p.Write(body)
	}
	for _, a := range m.Attachments {
		part(textproto.MIMEHeader{"Content-Type": {attachmentType(a)},
			"Content-Disposition": {mime.FormatMediaType("attachment", map[string]string{"filename": a.Name})}}, a.Data)
	}
	_ = w.Close()
	return buf.Bytes(), w.Boundary()
}

// content is the type and the encoded body of m's words: its text alone in base64, or
// its text and its page as the two forms of a multipart/alternative part.
func content(m Message) (contentType string, body []byte) {
	if m.HTML == "" {
		var b bytes.Buffer
		writeBase64(&b, textBytes(m.Text))
		return textType, b.Bytes()
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, f := range []struct {
		contentType string
		data        []byte
	}{{textType, textBytes(m.Text)}, {"text/html; charset=utf-8", textBytes(m.HTML)}} {
		p, _ := w.CreatePart(textproto.MIMEHeader{"Content-Type": {f.contentType}, "Content-Transfer-Encoding": {"base64"}})
		writeBase64(p, f.data)
	}
	_ = w.Close()
	return mime.FormatMediaType("multipart/alternative", map[string]string{"boundary": w.Boundary()}), buf.Bytes()
}

// attachmentType is a's media type with its parameters and its name; a type that does
// not parse is application/octet-stream.
func attachmentType(a Attachment) string {
	mediaType, params, err := mime.ParseMediaType(a.ContentType)
	if err != nil {
		mediaType, params = "application/octet-stream", map[string]string{}
	}
	params["name"] = a.Name
	if t := mime.FormatMediaType(mediaType, params); t != "" {
		return t
	}
	return mime.FormatMediaType("application/octet-stream", map[string]string{"name": a.Name})
}
