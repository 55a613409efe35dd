package app

import (
	"context"
	"fmt"
	"strings"
	"text/template"
	"time"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/domain/warning"
	"github.com/motcua/motcua/services/platform/web/session"
	"github.com/motcua/motcua/services/worktime"
)

// staffLang is the language staff are written to in: Vietnamese, the offices' own (see
// vocabulary.StaffMailTexts).
const staffLang = vocabulary.Vietnamese

// staffMailView is what a staff mail's texts may say (see vocabulary.StaffMailText).
type staffMailView struct {
	Username, Day, Link string
	Hours, Count        int
	Offices             []officeWarned
}

// officeWarned is one office's dossiers in a staff mail, with its list's address.
type officeWarned struct {
	Name, Code, Link string
	Dossiers         []dossierWarned
}

// dossierWarned is one dossier in a staff mail.
type dossierWarned struct {
	Code, Procedure, Due, Status string
}

// staffMailTemplates are the texts of vocabulary.StaffMailTexts parsed once, by kind
// and language (subject, text); a text that does not parse stops the program at its
// start.
var staffMailTemplates = func() map[warning.Kind]map[vocabulary.Lang][2]*template.Template {
	out := map[warning.Kind]map[vocabulary.Lang][2]*template.Template{}
	for _, k := range []warning.Kind{warning.Digest, warning.Late} {
		t, ok := vocabulary.StaffMailTexts[string(k)]
		if !ok {
			panic("no texts for the staff mail " + string(k))
		}
		out[k] = map[vocabulary.Lang][2]*template.Template{}
		for _, lang := range []vocabulary.Lang{vocabulary.Vietnamese, vocabulary.English} {
			var ts [2]*template.Template
			for i, w := range []vocabulary.Words{t.Subject, t.Text} {
				ts[i] = template.Must(template.New(string(k)).Option("missingkey=error").Parse(w.In(lang)))
			}
			out[k][lang] = ts
		}
	}
	return out
}()

// renderStaffMail is the staff mail of kind k in lang saying v: its subject, its text
// with the signature below it, and the same as a page.
func renderStaffMail(k warning.Kind, lang vocabulary.Lang, v staffMailView) (subject, text, page string, err error) {
	ts, ok := staffMailTemplates[k]
	if !ok {
		return "", "", "", fmt.Errorf("no staff mail of kind %q", k)
	}
	if lang != vocabulary.English {
		lang = vocabulary.Vietnamese
	}
	var out [2]string
	for i, t := range ts[lang] {
		var b strings.Builder
		if err := t.Execute(&b, v); err != nil {
			return "", "", "", fmt.Errorf("staff mail %s: %w", k, err)
		}
		out[i] = b.String()
	}
	footer := vocabulary.StaffMailSignature.In(lang)
	return out[0], out[1] + "\n\n--\n" + footer, noticePage(lang, out[0], out[1], footer), nil
}

// render is the mail of kind k to to about dossiers (soonest first), on day.
func (w *Warnings) render(ctx context.Context, k warning.Kind, to Addressee, dossiers []WarnedDossier, day worktime.Date) (StaffMail, error) {
	subject, text, page, err := renderStaffMail(k, staffLang, w.view(ctx, k, to, dossiers, day))
	if err != nil {
		return StaffMail{}, err
	}
	return StaffMail{Kind: k, To: to.Email, Subject: subject, Text: text, HTML: page}, nil
}

// view is what the mail of kind k to to about dossiers says, in staff's language: the
// dossiers by office, each office in the order of its soonest dossier.
func (w *Warnings) view(ctx context.Context, k warning.Kind, to Addressee, dossiers []WarnedDossier, day worktime.Date) staffMailView {
	loc := w.Calendar.Calendar().Location()
	v := staffMailView{Username: to.Username, Hours: w.AtRiskHours, Count: len(dossiers),
		Day: time.Date(day.Year, day.Month, day.Day, 0, 0, 0, 0, loc).Format("02/01/2006")}
	switch k {
	case warning.Digest:
		v.Link = w.PublicURL + session.DeskHome
	case warning.Late:
		v.Link = w.PublicURL + session.SupervisorHome
	}
	at := map[string]int{}
	for _, d := range dossiers {
		i, ok := at[d.Office]
		if !ok {
			i = len(v.Offices)
			at[d.Office] = i
			o := officeWarned{Code: d.Office, Name: w.Catalog.OfficeName(ctx, d.Office)}
			if k == warning.Digest {
				o.Link = w.workListLink(d.Office, TabAtRisk)
			}
			v.Offices = append(v.Offices, o)
		}
		procedure := d.ProcedureCode
		if p, ok, err := w.Catalog.Procedure(ctx, d.ProcedureCode); err == nil && ok {
			procedure = p.Name
		}
		v.Offices[i].Dossiers = append(v.Offices[i].Dossiers, dossierWarned{Code: d.Code, Procedure: procedure,
			Due: d.DueAt.In(loc).Format("15:04 02/01/2006"), Status: vocabulary.Status(d.Status).In(staffLang)})
	}
	return v
}
