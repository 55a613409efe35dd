package app

import (
	"strings"

	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/platform/textnorm"
)

// MatchProcedures is the procedures whose name, folded, or code holds every folded
// word of q, accents and case aside: "ho kinh doanh" finds "Đăng ký thành lập hộ kinh
// doanh". An empty q matches them all.
func MatchProcedures(procs []catalog.Procedure, q string) []catalog.Procedure {
	words := strings.Fields(textnorm.Fold(q))
	if len(words) == 0 {
		return procs
	}
	var out []catalog.Procedure
	for _, p := range procs {
		hay := textnorm.Fold(p.Name) + " " + strings.ToLower(p.Code)
		all := true
		for _, w := range words {
			all = all && strings.Contains(hay, w)
		}
		if all {
			out = append(out, p)
		}
	}
	return out
}
