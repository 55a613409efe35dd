package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/platform/pgtest"
	"github.com/motcua/motcua/services/platform/s10"
	"github.com/motcua/motcua/services/postal/adapters/store"
	"github.com/motcua/motcua/services/postal/app"
	"github.com/motcua/motcua/services/postal/domain/shipment"
	"github.com/motcua/motcua/services/postal/events"
)

// dbURL is this package's own database; each test takes a schema of its own in it.
var dbURL string

func TestMain(m *testing.M) { pgtest.Main(m, &dbURL) }

// Codes of the offices every test knows.
const (
	desk       = "000.00.16.H19"
	postOffice = "000.30.16.H19"
)

// openedAt is when the tests' shipments are opened.
var openedAt = time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)

// newStore is a migrated postal schema that knows a desk, its post office and a dossier.
func newStore(t *testing.T) (*store.Store, app.DossierCopy) {
	t.Helper()
	pool, _ := pgtest.NewSchema(t, dbURL, store.Migrations()...)
	ctx := context.Background()
	tx, err := pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d := app.DossierCopy{ID: uuid.New(), Code: "000.00.16.H19-261201-0001", ReceivingOffice: desk}
	postal := store.InTx(tx)
	for _, err := range []error{
		postal.KeepOffice(ctx, app.Office{Code: postOffice, Name: "Bưu cục Xuân Lộc", Kind: "post_office", Revision: 1}),
		postal.KeepOffice(ctx, app.Office{Code: desk, Name: "Bộ phận một cửa", Kind: "desk", PostOffice: postOffice, Revision: 1}),
		postal.KeepReceived(ctx, d),
		tx.Commit(ctx),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return store.New(pool), d
}

// open opens a transfer of d from source through st; built counts the calls of its build.
func open(t *testing.T, st *store.Store, d app.DossierCopy, source string, built *int) (app.ShipmentRecord, bool) {
	t.Helper()
	ctx := context.Background()
	s, created, err := st.Create(ctx, source, func(tx app.ShipmentTx) (app.NewShipment, error) {
		*built++
		serial, err := tx.NextSerial(ctx)
		if err != nil {
			return app.NewShipment{}, err
		}
		n, err := s10.New(s10.ServiceToAuthority, serial)
		if err != nil {
			return app.NewShipment{}, err
		}
		s := app.ShipmentRecord{Source: source, Shipment: shipment.Shipment{
			ID: uuid.New(), TrackingNumber: n.String(), Kind: shipment.KindTransfer, Status: shipment.Created,
			DossierID: d.ID, DossierCode: d.Code, OriginPostOffice: postOffice, DestinationPostOffice: postOffice,
			PaidBy: shipment.PaidByAuthority, LastEventAt: openedAt, Version: 1, CreatedAt: openedAt,
		}}
		msg, err := events.Created(s.Shipment, openedAt)
		created := app.EventRecord{EventID: msg.EventID, ShipmentID: s.ID, Version: 1, Type: shipment.Created,
			OccurredAt: openedAt, Username: app.SystemActor, PostOffice: postOffice}
		return app.NewShipment{Shipment: s, Event: created, Message: msg}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, created
}

// accept records an accepted step of the shipment with trackingNumber, under eventID,
// answered with answer.
func accept(st *store.Store, trackingNumber string, eventID uuid.UUID, answer app.View) error {
	return st.Update(context.Background(), trackingNumber, func(_ app.ShipmentTx, s app.ShipmentRecord) (app.Change, error) {
		s.Status, s.Version = shipment.Accepted, s.Version+1
		msg, err := events.Recorded(s.Shipment, events.Step{EventID: eventID, Type: shipment.Accepted, At: openedAt}, openedAt)
		step := app.EventRecord{EventID: eventID, ShipmentID: s.ID, Version: s.Version, Type: shipment.Accepted,
			OccurredAt: openedAt, Username: "postal.xuanloc", PostOffice: postOffice, RequestHash: []byte("request")}
		return app.Change{Shipment: s, Events: []app.EventRecord{step}, Messages: []outbox.Message{msg}, Answer: answer}, err
	})
}

func TestCreateOpensOnceFromASource(t *testing.T) {
	st, d := newStore(t)
	built := 0
	first, created := open(t, st, d, "desk:test:1", &built)
	if !created || first.TrackingNumber == "" {
		t.Fatalf("the first opening: created %v, %+v", created, first)
	}
	again, created := open(t, st, d, "desk:test:1", &built)
	if created || again.ID != first.ID || built != 1 {
		t.Errorf("the same source again: created %v, %s (first %s), built %d times", created, again.ID, first.ID, built)
	}
	got, ok, err := st.Shipment(context.Background(), first.TrackingNumber)
	if err != nil || !ok || got.DossierCode != d.Code || got.Status != shipment.Created || got.Kind != shipment.KindTransfer {
		t.Errorf("the shipment kept: %+v, %v, %v", got, ok, err)
	}
}

func TestUpdateRemembersTheAnswerAsGiven(t *testing.T) {
	st, d := newStore(t)
	built := 0
	s, _ := open(t, st, d, "desk:test:2", &built)
	hanoi := time.FixedZone("ICT", 7*3600)
	answer := app.View{TrackingNumber: s.TrackingNumber, Kind: "transfer", Status: "accepted", StatusLabel: "Bưu điện đã nhận <&>",
		DossierCode: d.Code, To: &app.OfficeRef{Code: desk, Name: "Bộ phận một cửa"},
		OriginPostOffice: app.OfficeRef{Code: postOffice, Name: "Bưu cục"}, CreatedAt: openedAt.In(hanoi),
		UpdatedAt: openedAt.Add(1234567 * time.Nanosecond).In(hanoi), Version: 2}
	eventID := uuid.New()
	if err := accept(st, s.TrackingNumber, eventID, answer); err != nil {
		t.Fatal(err)
	}
	var prior app.PriorEvent
	err := st.Update(context.Background(), s.TrackingNumber, func(tx app.ShipmentTx, _ app.ShipmentRecord) (app.Change, error) {
		var ok bool
		var err error
		if prior, ok, err = tx.PriorEvent(context.Background(), eventID); err == nil && !ok {
			err = errors.New("no prior event")
		}
		return app.Change{}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(answer)
	got, _ := json.Marshal(prior.Answer)
	if string(got) != string(want) || prior.TrackingNumber != s.TrackingNumber || string(prior.RequestHash) != "request" {
		t.Errorf("the answer given again:\n%s\nthe first:\n%s (%s, %q)", got, want, prior.TrackingNumber, prior.RequestHash)
	}
	after, _, _ := st.Shipment(context.Background(), s.TrackingNumber)
	if after.Status != shipment.Accepted || after.Version != 2 {
		t.Errorf("the step was not saved, or the look saved something: %s, version %d", after.Status, after.Version)
	}
}

func TestUpdateTellsAReusedEventID(t *testing.T) {
	st, d := newStore(t)
	built := 0
	one, _ := open(t, st, d, "desk:test:3", &built)
	other, _ := open(t, st, d, "desk:test:4", &built)
	eventID := uuid.New()
	if err := accept(st, one.TrackingNumber, eventID, app.View{}); err != nil {
		t.Fatal(err)
	}
	// The app's check under the lock sees a prior event; this is the race it cannot see:
	// another shipment's step took the id at the same moment.
	if err := accept(st, other.TrackingNumber, eventID, app.View{}); !errors.Is(err, app.ErrEventReused) {
		t.Errorf("the id of another shipment's step: %v, want ErrEventReused", err)
	}
	if s, _, _ := st.Shipment(context.Background(), other.TrackingNumber); s.Status != shipment.Created {
		t.Errorf("the refused step changed the shipment: %s", s.Status)
	}
}

func TestUpdateOfNoShipment(t *testing.T) {
	st, _ := newStore(t)
	called := false
	err := st.Update(context.Background(), "EE000000000VN", func(app.ShipmentTx, app.ShipmentRecord) (app.Change, error) {
		called = true
		return app.Change{}, nil
	})
	if !errors.Is(err, app.ErrNotFound) || called {
		t.Errorf("an unknown tracking number: %v (decided %v), want ErrNotFound", err, called)
	}
}
