package scaledata

import (
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/intake/domain/catalog"
)

// catalogue is the demo's offices and procedures (cluster.LoadDemo loads them), which
// the loaded dossiers name.
type catalogue struct {
	offices    map[string]catalog.Office
	procedures []catalog.Procedure
	communes   []string
}

func newCatalogue() catalogue {
	c := catalogue{offices: map[string]catalog.Office{}, procedures: demo.Procedures(), communes: demo.CommuneCodes()}
	for _, o := range demo.Offices() {
		c.offices[o.Code] = o
	}
	return c
}

// name is the office's name, as the catalogue gives it to the events.
func (c catalogue) name(code string) string { return c.offices[code].Name }

// servingPostOffice is the post office that picks up and delivers at office, as
// postal's opening of a shipment finds it: the office itself when it is a post office.
func (c catalogue) servingPostOffice(office string) string {
	o := c.offices[office]
	if o.Kind == catalog.PostOffice {
		return o.Code
	}
	return o.PostOffice
}
