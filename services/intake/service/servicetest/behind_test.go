package servicetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"google.golang.org/protobuf/proto"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/platform/messaging"
)

// vietnam is the time zone of dossier codes and appointments.
var vietnam = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		return time.FixedZone("ICT", 7*3600)
	}
	return loc
}()

// receivedEvent waits for the Received event of a dossier on the DOSSIER stream.
func (e *env) receivedEvent(t testing.TB, dossierID string) *dossierv1.Event {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	cons, err := e.JS.OrderedConsumer(ctx, messaging.DossierStream, jetstream.OrderedConsumerConfig{
		FilterSubjects: []string{"dossier.v1." + dossierID + ".received"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for ctx.Err() == nil {
		msg, err := cons.Next(jetstream.FetchMaxWait(time.Second))
		if err != nil {
			continue // not published yet: the relay runs in the background
		}
		var ev dossierv1.Event
		if err := proto.Unmarshal(msg.Data(), &ev); err != nil {
			t.Fatalf("decode event: %v", err)
		}
		if ev.GetReceived() == nil {
			t.Fatalf("event on the received subject is a %T", ev.GetKind())
		}
		return &ev
	}
	t.Fatalf("no received event for dossier %s on stream %s", dossierID, messaging.DossierStream)
	return nil
}

// schemaText returns every row of every table of the intake schema as text (bytea
// columns appear in hex).
func (e *env) schemaText(t *testing.T) map[string][]string {
	t.Helper()
	ctx := context.Background()
	rows, err := e.DB.Query(ctx, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = 'intake' AND table_type = 'BASE TABLE'`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, n)
	}
	if rows.Err() != nil || len(tables) == 0 {
		t.Fatalf("list tables: %v (%d)", rows.Err(), len(tables))
	}
	out := map[string][]string{}
	for _, table := range tables {
		q := fmt.Sprintf(`SELECT t::text FROM intake.%q t`, table)
		rs, err := e.DB.Query(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		for rs.Next() {
			var s string
			if err := rs.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out[table] = append(out[table], s)
		}
		if rs.Err() != nil {
			t.Fatal(rs.Err())
		}
	}
	if len(out["dossiers"]) == 0 || len(out["outbox"]) == 0 {
		t.Fatalf("expected rows in dossiers and outbox, got tables %v", tables)
	}
	return out
}

func mustParse(t testing.TB, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}
