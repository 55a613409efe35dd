package rest

import (
	"net/http"
	"strings"

	"github.com/motcua/motcua/services/platform/httpapi"
)

// noneOf is the 404 of a path that names none of the known actions or forms: code says
// which it was, and the answer lists the names there are.
func noneOf[Name ~string](code string, known []Name) *httpapi.Error {
	names := make([]string, len(known))
	for i, name := range known {
		names[i] = string(name)
	}
	return httpapi.Problem(http.StatusNotFound, "", code, strings.Join(names, ", "))
}
