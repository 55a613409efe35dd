// Package projection keeps postal's copies of other services' data from their events,
// and opens the shipments dossier events call for. Each event is applied in the
// consumer's transaction, beside its inbox row.
package projection

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go/jetstream"

	referencev1 "github.com/motcua/motcua/proto/motcua/reference/v1"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/postal/adapters/store"
	"github.com/motcua/motcua/services/postal/app"
)

// OfficeConsumer names postal's durable consumer of office changes.
var OfficeConsumer = messaging.Durable(messaging.ReferenceStream, "postal-offices", "reference.v1.office.>")

// Office keeps an office as intake published it.
func Office(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
	var ev referencev1.Event
	if err := messaging.DecodeProto(msg, &ev, "office event"); err != nil {
		return err
	}
	o := ev.GetOfficeSaved()
	if o == nil || o.GetCode() == "" || o.GetRevision() < 1 {
		return messaging.Unreadable(msg, errors.New("not an office change, or one without code or revision"))
	}
	return store.InTx(tx).KeepOffice(ctx, app.Office{Code: o.GetCode(), Name: o.GetName(), Kind: o.GetKind(),
		ParentCode: o.GetParentCode(), Address: o.GetAddress(), PostOffice: o.GetPostOfficeCode(), Revision: o.GetRevision()})
}
