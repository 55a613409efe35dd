package scaledata

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/s10"
	"github.com/motcua/motcua/services/postal/app"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// legKind is the leg of the post a shipment covers.
type legKind = shipment.Kind

// The legs the loaded dossiers travel: the papers of a dossier sent by post, a transfer
// between a commune's desk and the district, and a result delivered by post.
const (
	legPickup   = shipment.KindPickup
	legTransfer = shipment.KindTransfer
	legDelivery = shipment.KindDelivery
)

// maxLegs is how many legs a loaded dossier travels at most: its pickup, its transfer
// to the deciding office and back, and the delivery of its result. Each dossier has as
// many serial numbers set aside for its tracking numbers.
const maxLegs = 4

// leg is a shipment that carried a dossier or its result, with the events the post
// recorded on it up to now.
type leg struct {
	id       uuid.UUID
	kind     legKind
	from, to string
	// opener is the act whose event opened the shipment; -1 for the dossier's first
	// event.
	opener      int
	opened      time.Time
	tracking    string
	origin      string
	destination string
	postage     int64
	paidBy      shipment.Payer
	address     string
	events      []legEvent
	seal        string
	failed      int
	firstFailed *time.Time
	// delivered is when the post delivered it, zero while it is on its way.
	delivered time.Time
}

// legEvent is a step the post recorded (or the shipment's opening, first).
type legEvent struct {
	id             uuid.UUID
	typ            shipment.Status
	at             time.Time
	postOffice     string
	user           string
	seal           string
	reason, action string
	relation       string
	failedAttempts int
}

// carry opens a leg of kind from office from to office to ("" for the citizen's address)
// at opened, by the event of act opener, and plays the post's steps on it up to now:
// taken in at the post office that serves its start (picked up at the citizen's door
// for a pickup), on its way, arrived at the one that serves its end, out for delivery
// for a delivery (one in twenty fails first, the citizen absent), delivered.
func (l *life) carry(kind legKind, from, to string, opener int, opened time.Time) *leg {
	service := s10.ServiceToAuthority
	if kind == legDelivery {
		service = s10.ServiceToCitizen
	}
	n, err := s10.New(service, l.serials+len(l.legs))
	if err != nil {
		l.err = fmt.Errorf("tracking number of %s: %w", l.code, err)
	}
	lg := &leg{id: drawUUID(l.rng), kind: kind, from: from, to: to, opener: opener, opened: opened,
		tracking: n.String(), paidBy: shipment.PaidByCitizen, postage: int64(26_000 + 500*l.rng.IntN(12))}
	lg.origin, lg.destination = l.cat.servingPostOffice(orDesk(from, l.receiving)), l.cat.servingPostOffice(orDesk(to, l.receiving))
	if kind == legTransfer {
		lg.paidBy = shipment.PaidByAuthority
	}
	if from == "" || to == "" {
		lg.address = l.applicantAddress()
	}
	lg.events = []legEvent{{id: drawUUID(l.rng), typ: shipment.Created, at: opened, postOffice: lg.origin, user: app.SystemActor}}
	at := opened
	step := func(typ shipment.Status, lo, hi float64, office string) bool {
		at = l.cal.AddWorkingTime(at, l.hours(lo, hi))
		if at.After(l.now) {
			return false
		}
		e := legEvent{id: drawUUID(l.rng), typ: typ, at: at, postOffice: office, user: postalWorker(office, l.rng.IntN(3))}
		switch typ {
		case shipment.Accepted, shipment.PickedUp:
			lg.seal = fmt.Sprintf("XL-%07d", l.rng.IntN(10_000_000))
			e.seal = lg.seal
		case shipment.DeliveryFailed:
			lg.failed++
			if lg.firstFailed == nil {
				first := at
				lg.firstFailed = &first
			}
			e.reason, e.action = shipment.ReasonRecipientAbsent, shipment.ActionLeaveNotice
		case shipment.Delivered:
			e.relation = shipment.RelationOfficeClerk
			if kind != legTransfer {
				e.relation = shipment.RelationSelf
			}
			lg.delivered = at
		}
		e.failedAttempts = lg.failed
		lg.events = append(lg.events, e)
		return true
	}
	first := shipment.Accepted
	if kind == legPickup {
		first = shipment.PickedUp
	}
	ok := step(first, 0.5, 6, lg.origin) && step(shipment.InTransit, 0.5, 4, lg.origin) &&
		step(shipment.Arrived, 1, 10, lg.destination)
	if ok && kind == legDelivery {
		ok = step(shipment.OutForDelivery, 0.3, 2, lg.destination)
		if ok && l.chance(0.05) {
			ok = step(shipment.DeliveryFailed, 0.5, 3, lg.destination) && step(shipment.OutForDelivery, 6, 10, lg.destination)
		}
	}
	if ok {
		step(shipment.Delivered, 0.3, 3, lg.destination)
	}
	l.legs = append(l.legs, *lg)
	return &l.legs[len(l.legs)-1]
}

// orDesk is office, or the desk that received the dossier for the citizen's address:
// the post office serving that desk picks up and delivers there.
func orDesk(office, desk string) string {
	if office == "" {
		return desk
	}
	return office
}

// postalWorker names one of the three postal workers of a post office.
func postalWorker(postOffice string, n int) string {
	return fmt.Sprintf("buudien.%s.%d", officeNumber(postOffice), n+1)
}
