package app

import (
	"fmt"
	"html"
	"strings"
	"text/template"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/domain/notice"
)

// noticeView is what a notice's texts may say (see vocabulary.NoticeTexts).
type noticeView struct {
	Code, Procedure, Appointment, Reason, Amount, Receipt, Tracking, PIN, Link string
	Items                                                                      []string
	Online                                                                     bool
	// Unsubscribe is the link that stops the dossier's notices (not in the texts: the
	// mail adds it below them).
	Unsubscribe string
}

// templateData is the view as the fields of a Zalo template message.
func (v noticeView) templateData() map[string]string {
	data := map[string]string{"code": v.Code, "link": v.Link}
	for k, s := range map[string]string{"procedure": v.Procedure, "appointment": v.Appointment, "reason": v.Reason,
		"amount": v.Amount, "receipt": v.Receipt, "tracking": v.Tracking, "pin": v.PIN, "items": strings.Join(v.Items, "; ")} {
		if s != "" {
			data[k] = s
		}
	}
	return data
}

// noticeText is one notice rendered: the mail's subject, text and page, the phone's
// short text.
type noticeText struct {
	Subject, Mail, HTML, Short string
}

// noticeTemplates are the texts of vocabulary.NoticeTexts parsed once, by kind and
// language; a text that does not parse stops the program at its start.
var noticeTemplates = func() map[notice.Kind]map[vocabulary.Lang][3]*template.Template {
	out := map[notice.Kind]map[vocabulary.Lang][3]*template.Template{}
	for _, k := range notice.Kinds {
		t, ok := vocabulary.NoticeTexts[string(k)]
		if !ok {
			panic("no texts for the notice " + string(k))
		}
		out[k] = map[vocabulary.Lang][3]*template.Template{}
		for _, lang := range []vocabulary.Lang{vocabulary.Vietnamese, vocabulary.English} {
			var ts [3]*template.Template
			for i, w := range []vocabulary.Words{t.Subject, t.Text, t.Short} {
				ts[i] = template.Must(template.New(string(k)).Option("missingkey=error").Parse(w.In(lang)))
			}
			out[k][lang] = ts
		}
	}
	return out
}()

// renderNotice is the notice of kind k in lang, saying v.
func renderNotice(k notice.Kind, lang vocabulary.Lang, v noticeView) (noticeText, error) {
	ts, ok := noticeTemplates[k]
	if !ok {
		return noticeText{}, fmt.Errorf("no notice of kind %q", k)
	}
	if lang != vocabulary.English {
		lang = vocabulary.Vietnamese
	}
	var out [3]string
	for i, t := range ts[lang] {
		var b strings.Builder
		if err := t.Execute(&b, v); err != nil {
			return noticeText{}, fmt.Errorf("notice %s: %w", k, err)
		}
		out[i] = b.String()
	}
	text := noticeText{Subject: out[0], Short: out[2]}
	footer := vocabulary.Message("notice.signature").In(lang)
	if v.Unsubscribe != "" {
		footer += "\n" + vocabulary.Message("notice.unsubscribe", v.Unsubscribe).In(lang)
	}
	text.Mail = out[1] + "\n\n--\n" + footer
	text.HTML = noticePage(lang, out[0], out[1], footer)
	return text, nil
}

// noticePage is a notice's mail as a small page: its text in paragraphs, links made
// links, everything else escaped.
func noticePage(lang vocabulary.Lang, subject, text, footer string) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="` + string(lang) + `"><head><meta charset="utf-8"><title>` +
		html.EscapeString(subject) + `</title></head><body style="font-family:sans-serif;line-height:1.5;max-width:40em">`)
	for _, para := range strings.Split(text, "\n\n") {
		b.WriteString("<p>" + linkify(para) + "</p>")
	}
	b.WriteString(`<hr><p style="color:#555;font-size:90%">` + linkify(footer) + "</p></body></html>")
	return b.String()
}

// linkify escapes s, turns its http(s) addresses into links and its line ends into
// breaks.
func linkify(s string) string {
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteString("<br>")
		}
		for j, word := range strings.Split(line, " ") {
			if j > 0 {
				b.WriteByte(' ')
			}
			if strings.HasPrefix(word, "http://") || strings.HasPrefix(word, "https://") {
				e := html.EscapeString(word)
				b.WriteString(`<a href="` + e + `">` + e + `</a>`)
				continue
			}
			b.WriteString(html.EscapeString(word))
		}
	}
	return b.String()
}
