package forms

import "github.com/motcua/motcua/proto/vocabulary"

// documentKind names a kind of copy as forms print it.
func documentKind(kind string) string { return vocabulary.DocumentKind(kind).VI }

// timing names the result of a step against its deadline.
func timing(t string) string { return vocabulary.StepResult(t).VI }

// action names a dossier action (as the intake service spells it) in Vietnamese; an
// unknown action is printed as given.
func action(a string) string { return vocabulary.Action(a).VI }

// officeName is an office as printed: its name, or its code when it has none.
func officeName(o Office) string {
	if o.Name != "" {
		return o.Name
	}
	return o.Code
}

// firstOffice is the first of the offices that has a name or a code.
func firstOffice(offices ...Office) Office {
	for _, o := range offices {
		if officeName(o) != "" {
			return o
		}
	}
	return Office{}
}
