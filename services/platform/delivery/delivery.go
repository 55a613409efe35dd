// Package delivery sends what a service owes a party outside it (a mail, a text message,
// a webhook call, a record for the national portal) from a table the effect committed
// the item into: an outbox to the world outside NATS. A queue tries each item until the
// party takes it, waiting a delay that doubles from Base after each failure, and marks
// it dead after MaxTries; an administrator can send a dead item again. Items that share
// an order key are sent one at a time in the order they were added, a dead one holding
// back those after it.
//
// Each item is claimed with a lease (a short transaction puts its next try past the
// try's timeout), tried with no transaction open, and its outcome recorded right after
// the party answered. A process killed between the party's answer and that record sends
// the item again when the lease ends, under the same id (Message-ID, webhook-id), so at
// most the items in flight at the kill are sent twice and none is lost.
//
// A queue's table has these columns (the owner adds its own beside them):
//
//	id         uuid PRIMARY KEY
//	seq        bigint GENERATED ALWAYS AS IDENTITY   -- the order items were added in
//	order_key  text NOT NULL DEFAULT ''              -- '' when order does not matter
//	payload    jsonb NOT NULL
//	state      text NOT NULL DEFAULT 'pending'       -- pending, sent, dead
//	tries      int NOT NULL DEFAULT 0
//	next_at    timestamptz NOT NULL
//	last_error text NOT NULL DEFAULT ''
//	created_at timestamptz NOT NULL
//	sent_at    timestamptz
//
// with an index on (next_at) WHERE state = 'pending', and for an ordered queue one on
// (order_key, seq). Adding an item notifies the
// channel "delivery" with the table's name, so a queue in any process wakes at the
// commit instead of at its next poll.
package delivery

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// States of an item.
const (
	Pending = "pending"
	Sent    = "sent"
	Dead    = "dead"
)

// Item is one thing to send.
type Item struct {
	ID uuid.UUID
	// OrderKey groups items sent in order (a dossier's code); empty for none.
	OrderKey string
	// Payload is what the sender needs, as JSON.
	Payload json.RawMessage
	// Tries is how many times it was tried before this one.
	Tries     int
	CreatedAt time.Time
	// Columns are the owner's own columns of the row (a webhook's id, an event's type),
	// by name, written when the item is added; a queue never reads them.
	Columns map[string]any
}

// Result is what became of one try.
type Result struct {
	// Err is why the party did not take the item; nil when it did.
	Err error
	// Permanent marks an Err that no retry can mend (an address that does not exist):
	// the item is dead at once.
	Permanent bool
	// Hold, when set, puts the item back untried until then (a text message outside the
	// hours citizens may be written to).
	Hold time.Time
	// Status is the party's answer when it gave one (an HTTP status), for the owner's
	// Record.
	Status int
}

// Failed is the result of a try the party refused or did not answer.
func Failed(err error) Result { return Result{Err: err} }

// Refused is the result of a try no retry can mend.
func Refused(err error) Result { return Result{Err: err, Permanent: true} }

// HoldUntil is the result of an item that must not be sent before t.
func HoldUntil(t time.Time) Result { return Result{Hold: t} }

// Add stores it in table inside tx, to be sent from at on (at once when zero). An item
// whose id is already there is not added again: ids derived from what caused them (an
// event and a recipient) make adding idempotent.
func Add(ctx context.Context, tx pgx.Tx, table string, it Item, at time.Time) (added bool, err error) {
	var due any = at
	if at.IsZero() {
		due = pgtypeMinusInfinity
	}
	created := it.CreatedAt
	if created.IsZero() {
		created = time.Now()
	}
	ident := pgx.Identifier{table}.Sanitize()
	cols := "id, order_key, payload, next_at, created_at"
	vals := "$1, $2, $3, $4, $5"
	args := []any{it.ID, it.OrderKey, []byte(it.Payload), due, created}
	for _, name := range slices.Sorted(maps.Keys(it.Columns)) {
		args = append(args, it.Columns[name])
		cols += ", " + pgx.Identifier{name}.Sanitize()
		vals += fmt.Sprintf(", $%d", len(args))
	}
	tag, err := tx.Exec(ctx, "INSERT INTO "+ident+" ("+cols+") VALUES ("+vals+") ON CONFLICT (id) DO NOTHING", args...)
	if err != nil {
		return false, fmt.Errorf("add to %s: %w", table, err)
	}
	if tag.RowsAffected() == 0 {
		return false, nil
	}
	if _, err := tx.Exec(ctx, "SELECT pg_notify('delivery', $1)", table); err != nil {
		return false, fmt.Errorf("add to %s: notify: %w", table, err)
	}
	return true, nil
}

// pgtypeMinusInfinity is the due time of an item to send at once, whatever a queue's
// clock says.
const pgtypeMinusInfinity = "-infinity"

// ErrNotFound is the answer to a retry of an item the table does not hold.
var ErrNotFound = errors.New("delivery: no such item")
