// Package eventtype names the events other systems may subscribe to by webhook, as the
// Standard Webhooks specification has them (full-stop delimited, broad to narrow): a
// dossier's statuses as it reaches each ("dossier.received",
// "dossier.supplement_requested", …), the steps of the shipments that carry dossiers
// ("shipment.created", "shipment.delivered", …), and the test an administrator sends
// ("webhook.test"). A subscription names them by patterns: an exact type, or every type
// of a family ("dossier.*", "shipment.*"). No I/O.
package eventtype

import (
	"slices"
	"strings"

	"github.com/motcua/motcua/services/intake/domain/dossier"
)

// Test is the type of the call an administrator sends to try an endpoint; every
// endpoint gets it when asked, whatever it subscribed to.
const Test = "webhook.test"

// The families of types.
const (
	dossierFamily  = "dossier"
	shipmentFamily = "shipment"
)

// ShipmentSteps are the steps of a shipment an event tells: the post opened it, then
// each step a postal worker records.
var ShipmentSteps = []string{"created", "accepted", "picked_up", "in_transit", "arrived", "out_for_delivery",
	"delivered", "delivery_failed", "returned"}

// Dossier is the type of a dossier reaching status.
func Dossier(status dossier.Status) string { return dossierFamily + "." + string(status) }

// Shipment is the type of a shipment's step.
func Shipment(step string) string { return shipmentFamily + "." + step }

// Known lists every type an endpoint may subscribe to, dossiers' then shipments'.
func Known() []string {
	out := make([]string, 0, len(dossier.Statuses)+len(ShipmentSteps))
	for _, s := range dossier.Statuses {
		out = append(out, Dossier(s))
	}
	for _, s := range ShipmentSteps {
		out = append(out, Shipment(s))
	}
	return out
}

// Patterns lists every pattern a subscription may name: each family's wildcard, then
// each type.
func Patterns() []string {
	return append([]string{dossierFamily + ".*", shipmentFamily + ".*"}, Known()...)
}

// ValidPattern reports whether p is a pattern a subscription may name.
func ValidPattern(p string) bool { return slices.Contains(Patterns(), p) }

// Matches reports whether pattern p takes events of type typ.
func Matches(p, typ string) bool {
	if family, ok := strings.CutSuffix(p, ".*"); ok {
		return strings.HasPrefix(typ, family+".")
	}
	return p == typ
}

// MatchesAny reports whether any of patterns takes events of type typ.
func MatchesAny(patterns []string, typ string) bool {
	return slices.ContainsFunc(patterns, func(p string) bool { return Matches(p, typ) })
}
