package app_test

import (
	"testing"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/dossier"
)

// TestCheckOnline: a dossier goes online only for a procedure offered online, to a desk
// that receives it, with a file for every document the procedure requires (matched by
// name, accents and case aside); an optional one may be left out.
func TestCheckOnline(t *testing.T) {
	proc := catalog.Procedure{Code: "2.000720", DecidedByKind: catalog.DistrictDesk, Online: true, Documents: []catalog.Document{
		{Name: "Giấy đề nghị đăng ký hộ kinh doanh", Kind: dossier.Original, Copies: 1, Required: true},
		{Name: "Văn bản ủy quyền", Kind: dossier.CertifiedCopy, Copies: 1},
	}}
	desk := catalog.Office{Code: "000.00.16.H19", Kind: catalog.DistrictDesk}
	commune := catalog.Office{Code: "000.01.16.H19", Kind: catalog.CommuneCentre}
	attached := func(names ...string) dossier.Registration {
		var reg dossier.Registration
		for i, n := range names {
			reg.Documents = append(reg.Documents, dossier.Document{Name: n, Kind: dossier.Copy, File: string(rune('a' + i))})
		}
		return reg
	}
	offline := proc
	offline.Online = false
	for _, c := range []struct {
		what        string
		proc        catalog.Procedure
		recv        catalog.Office
		reg         dossier.Registration
		field, code string
	}{
		{"the required file", proc, desk, attached("giay de nghi dang ky ho kinh doanh"), "", ""},
		{"both files", proc, desk, attached("Văn bản ủy quyền", "Giấy đề nghị đăng ký hộ kinh doanh"), "", ""},
		{"only the optional file", proc, desk, attached("Văn bản ủy quyền"), "documents", "document_missing"},
		{"the required one named without a file", proc, desk,
			dossier.Registration{Documents: []dossier.Document{{Name: "Giấy đề nghị đăng ký hộ kinh doanh"}}}, "documents", "document_missing"},
		{"at a commune", proc, commune, attached("Giấy đề nghị đăng ký hộ kinh doanh"), "receiving_office", "not_offered"},
		{"not offered online", offline, desk, attached("Giấy đề nghị đăng ký hộ kinh doanh"), "procedure_code", "not_online"},
	} {
		fe := app.CheckOnline(c.proc, c.recv, c.reg)
		switch {
		case c.field == "" && fe != nil:
			t.Errorf("%s: %v", c.what, fe)
		case c.field != "" && (fe == nil || fe.Field != c.field || fe.Code != c.code):
			t.Errorf("%s: %v, want %s %s", c.what, fe, c.field, c.code)
		}
	}
}
