package vocabulary

import (
	"fmt"
	"regexp"
	"time"
)

// Problem is what is wrong with a request, in words a person can act on: those of the
// field's own entry ("field code", or " code" for the request as a whole) when the
// catalogue has one, else those of the code.
// A field's indexes are read as any ("documents[2].kind" as "documents[].kind"). args
// fill the words' verbs; a time among them is written as each language writes it. An
// unknown code reads as itself.
func Problem(field, code string, args ...any) Words {
	w, ok := problems[indexes.ReplaceAllString(field, "[]")+" "+code]
	if !ok {
		w = problems.lookup(code)
	}
	if len(args) == 0 {
		return w
	}
	return Words{VI: fmt.Sprintf(w.VI, inLang(args, Vietnamese)...), EN: fmt.Sprintf(w.EN, inLang(args, English)...)}
}

// ProblemKnown reports whether the catalogue has words for the problem of field and
// code (its own or its code's), so a test can tell a worded problem from a bare code.
func ProblemKnown(field, code string) bool {
	return problems.has(indexes.ReplaceAllString(field, "[]")+" "+code) || problems.has(code)
}

// indexes are the indexes in a field's name.
var indexes = regexp.MustCompile(`\[\d+\]`)

// inLang is args as lang says them: Words in that language, and a time as each writes
// it (Vietnamese as the pages and prints do, English as the API's times are, RFC 3339).
func inLang(args []any, lang Lang) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case Words:
			out[i] = a.In(lang)
		case time.Time:
			if lang == English {
				out[i] = a.Format(time.RFC3339)
			} else {
				out[i] = a.Format("15:04 ngày 02/01/2006")
			}
		default:
			out[i] = a
		}
	}
	return out
}

// Join is words said one after another, with sep between them, in each language.
func Join(words []Words, sep string) Words {
	var out Words
	for i, w := range words {
		if i > 0 {
			out.VI += sep
			out.EN += sep
		}
		out.VI += w.VI
		out.EN += w.EN
	}
	return out
}

// problems are every problem's words, from the tables of each part of the product.
var problems = merged(requestProblems, dossierProblems, lookupProblems, figuresProblems, adminProblems, postProblems,
	onlineProblems, resultProblems, paymentProblems, counterProblems)

// merged is one table of tables whose keys must not meet: a key said twice would say one
// problem two ways.
func merged(tables ...table) table {
	out := table{}
	for _, t := range tables {
		for k, w := range t {
			if _, dup := out[k]; dup {
				panic("vocabulary: problem " + k + " is worded twice")
			}
			out[k] = w
		}
	}
	return out
}
