package app

import (
	"context"
	"crypto/hmac"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/domain/notice"
	"github.com/motcua/motcua/services/intake/events"
	"github.com/motcua/motcua/services/platform/outbox"
)

// Notices tells citizens what happens to their dossiers: it decides, as each event is
// consumed, which of the citizen's addresses are told (Consider, in the consumer's
// transaction: an event is considered once), and sends each queued notice when its
// queue takes it (Deliver). Nothing personal is queued: the address, the language and
// the PIN are read when the notice is sent, so a citizen who unsubscribed in between is
// not written to.
type Notices struct {
	Store    NoticeStore
	Catalog  *Catalog
	Sealer   Opener
	Channels notice.Channels
	Send     NoticeSender
	// PublicURL is the address citizens reach the product at; Location their clock.
	PublicURL string
	Location  *time.Location
	Now       func() time.Time
	// Receipts, when set, renders the receipt a mail telling of the desk's receipt of
	// a dossier submitted online carries (a desk gives its own on paper).
	Receipts interface {
		Receipt(ctx context.Context, code string) (Attachment, error)
	}
}

// Opener opens the personal data intake keeps sealed, and makes the keyed hashes that
// stand for it.
type Opener interface {
	Open(field string, sealed []byte) (string, error)
	Index(field, value string) []byte
}

// NoticeStore is where notices are queued and what they are sent from.
type NoticeStore interface {
	// Recipient is what a notice about the dossier id needs of it; ok is false when
	// there is no such dossier.
	Recipient(ctx context.Context, id uuid.UUID) (r Recipient, ok bool, err error)
	// OptOut records that the citizen of the dossier with code wants no more messages.
	OptOut(ctx context.Context, code string) error
	// Queued is the queued notices f picks, newest first.
	Queued(ctx context.Context, f NoticeFilter) ([]QueuedView, error)
	// Again puts the notice id back to be sent now; ErrNotFound when no queue holds it.
	Again(ctx context.Context, id uuid.UUID) error
}

// NoticeQueue queues notices inside the transaction of the event that caused them: a
// notice whose id is queued already is not queued again.
type NoticeQueue interface {
	Queue(ctx context.Context, ch notice.Channel, id uuid.UUID, q QueuedNotice, at time.Time) error
}

// Recipient is a dossier's citizen as notices reach them: their sealed addresses, the
// PIN (sealed), their language, and whether they asked for no more messages.
type Recipient struct {
	Code                                string
	EmailSealed, PhoneSealed, PINSealed []byte
	Lang                                vocabulary.Lang
	ProcedureCode                       string
	OptedOut                            bool
}

// QueuedNotice is a notice as its queue keeps it: the dossier, the kind and the facts,
// nothing personal.
type QueuedNotice struct {
	DossierID uuid.UUID    `json:"dossier_id"`
	Code      string       `json:"code"`
	Kind      notice.Kind  `json:"kind"`
	Facts     notice.Facts `json:"facts"`
}

// NoticeSender hands a notice to each channel's party.
type NoticeSender interface {
	Mail(ctx context.Context, m NoticeMail) error
	SMS(ctx context.Context, phone, text string) error
	ZNS(ctx context.Context, phone, template string, data map[string]string) error
}

// NoticeMail is a notice as a mail: its id names it when it is sent again.
type NoticeMail struct {
	ID                      uuid.UUID
	To, Subject, Text, HTML string
	Unsubscribe             string
	Attachments             []Attachment
}

// Consider queues n for each address of its dossier's citizen, through the channels the
// product has, from the time each channel may carry it. A dossier that is unknown, has
// no address, or whose citizen unsubscribed is told nothing.
func (ns *Notices) Consider(ctx context.Context, q NoticeQueue, n notice.Notice) error {
	r, ok, err := ns.Store.Recipient(ctx, n.DossierID)
	if err != nil || !ok || r.OptedOut {
		return err
	}
	email, phone := ns.open("applicant_email", r.EmailSealed), ns.open("applicant_phone", r.PhoneSealed)
	now := ns.Now()
	for _, ch := range ns.Channels.For(email, phone) {
		if err := q.Queue(ctx, ch, n.ID(ch), QueuedNotice{DossierID: n.DossierID, Code: r.Code, Kind: n.Kind, Facts: n.Facts},
			notice.SendableAt(ch, now, ns.Location)); err != nil {
			return fmt.Errorf("queue notice: %w", err)
		}
	}
	return nil
}

// open is the sealed value, or "" when there is none or it cannot be opened.
func (ns *Notices) open(field string, sealed []byte) string {
	if len(sealed) == 0 {
		return ""
	}
	v, err := ns.Sealer.Open(field, sealed)
	if err != nil {
		return ""
	}
	return v
}

// ErrNoAddress is why a notice cannot be sent: its dossier has no address for its
// channel any more. No retry mends it.
var ErrNoAddress = errors.New("the dossier has no address for this channel")

// ErrAddressRefused is why a notice cannot be sent: its party refuses the address for
// good (not an address, no such mailbox). No retry mends it.
var ErrAddressRefused = errors.New("the address was refused")

// Delivery is what became of a notice handed to its channel: sent (Err nil), held
// until Hold (a phone outside the hours citizens are written to), or failed.
type Delivery struct {
	Hold      time.Time
	Err       error
	Permanent bool
}

// Deliver sends the queued notice (its payload as queued) with id through ch.
func (ns *Notices) Deliver(ctx context.Context, ch notice.Channel, id uuid.UUID, payload []byte) Delivery {
	var q QueuedNotice
	if err := json.Unmarshal(payload, &q); err != nil {
		return Delivery{Err: fmt.Errorf("notice %s: %w", id, err), Permanent: true}
	}
	now := ns.Now()
	if at := notice.SendableAt(ch, now, ns.Location); at.After(now) {
		return Delivery{Hold: at}
	}
	r, ok, err := ns.Store.Recipient(ctx, q.DossierID)
	switch {
	case err != nil:
		return Delivery{Err: err}
	case !ok:
		return Delivery{Err: fmt.Errorf("notice %s: dossier %s: %w", id, q.Code, ErrNotFound), Permanent: true}
	case r.OptedOut:
		return Delivery{Err: errors.New("the citizen unsubscribed"), Permanent: true}
	}
	view := ns.view(ctx, q, r)
	text, err := renderNotice(q.Kind, r.Lang, view)
	if err != nil {
		return Delivery{Err: err, Permanent: true}
	}
	switch ch {
	case notice.Mail:
		to := ns.open("applicant_email", r.EmailSealed)
		if to == "" {
			return Delivery{Err: ErrNoAddress, Permanent: true}
		}
		m := NoticeMail{ID: id, To: to, Subject: text.Subject, Text: text.Mail, HTML: text.HTML, Unsubscribe: view.Unsubscribe}
		if q.Kind == notice.Received && q.Facts.Online && ns.Receipts != nil {
			receipt, err := ns.Receipts.Receipt(ctx, q.Code)
			if err != nil {
				return Delivery{Err: fmt.Errorf("notice %s: receipt: %w", id, err)}
			}
			m.Attachments = append(m.Attachments, receipt)
		}
		err = ns.Send.Mail(ctx, m)
	case notice.SMS, notice.ZNS:
		phone := ns.open("applicant_phone", r.PhoneSealed)
		if phone == "" {
			return Delivery{Err: ErrNoAddress, Permanent: true}
		}
		if ch == notice.SMS {
			err = ns.Send.SMS(ctx, phone, text.Short)
		} else {
			err = ns.Send.ZNS(ctx, phone, "motcua_"+string(q.Kind), view.templateData())
		}
	default:
		return Delivery{Err: fmt.Errorf("notice %s: no channel %q", id, ch), Permanent: true}
	}
	if err == nil {
		return Delivery{}
	}
	// What is kept of a failure (the queue's log, the administrators' list) never names
	// the citizen's address, whatever the party's answer repeated of it.
	kept := err.Error()
	for _, address := range []string{ns.open("applicant_email", r.EmailSealed), ns.open("applicant_phone", r.PhoneSealed)} {
		if address != "" {
			kept = strings.ReplaceAll(kept, address, "…")
		}
	}
	return Delivery{Err: errors.New(kept), Permanent: errors.Is(err, ErrAddressRefused)}
}

// view is what the texts of q may say, in the citizen's language.
func (ns *Notices) view(ctx context.Context, q QueuedNotice, r Recipient) noticeView {
	f := q.Facts
	v := noticeView{Code: q.Code, Procedure: f.Procedure, Items: f.Items, Reason: f.Reason, Tracking: f.Tracking, Receipt: f.Receipt,
		Online: f.Online, Link: ns.PublicURL + "/tra-cuu?code=" + q.Code, Unsubscribe: ns.UnsubscribeLink(q.Code)}
	if v.Procedure == "" && r.ProcedureCode != "" && ns.Catalog != nil {
		if p, ok, err := ns.Catalog.Procedure(ctx, r.ProcedureCode); err == nil && ok {
			v.Procedure = p.Name
		}
	}
	if !f.Appointment.IsZero() {
		v.Appointment = f.Appointment.In(ns.Location).Format("15:04 02/01/2006")
	}
	if f.AmountVND > 0 {
		v.Amount = groupThousands(f.AmountVND)
	}
	if q.Kind.CarriesPIN() {
		v.PIN = ns.open(pinField, r.PINSealed)
	}
	return v
}

// UnsubscribeLink is the address at which the citizen of the dossier with code stops
// its notices: it carries a keyed hash of the code, so nobody else can stop them.
func (ns *Notices) UnsubscribeLink(code string) string {
	return ns.PublicURL + "/api/v1/public/notices/unsubscribe?code=" + code + "&t=" + ns.unsubscribeToken(code)
}

func (ns *Notices) unsubscribeToken(code string) string {
	return hex.EncodeToString(ns.Sealer.Index("notice.unsubscribe", code))[:32]
}

// ErrBadUnsubscribe is the answer to an unsubscription whose token is not the dossier's.
var ErrBadUnsubscribe = errors.New("the unsubscription link is not this dossier's")

// Unsubscribe stops the notices of the dossier with code, when token is its link's.
func (ns *Notices) Unsubscribe(ctx context.Context, code, token string) error {
	if !hmac.Equal([]byte(token), []byte(ns.unsubscribeToken(code))) {
		return ErrBadUnsubscribe
	}
	return ns.Store.OptOut(ctx, code)
}

// groupThousands writes vnd with dots between thousands, as đồng are written.
func groupThousands(vnd int64) string {
	s := fmt.Sprint(vnd)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// QueuedView is a queued notice as an administrator sees it: never the address.
type QueuedView struct {
	ID        uuid.UUID
	Channel   notice.Channel
	Kind      notice.Kind
	Code      string
	State     string
	Tries     int
	LastError string
	CreatedAt time.Time
	NextAt    time.Time
	SentAt    time.Time
}

// NoticeFilter picks queued notices: by state ("" for any), channel ("" for any),
// and dossier code ("" for any), newest first, at most Limit.
type NoticeFilter struct {
	State   string
	Channel notice.Channel
	Code    string
	Limit   int
}

// States of a queued notice an administrator may ask for.
var noticeStates = []string{"", "pending", "sent", "dead"}

// Queued lists the notices f picks; a state or channel that does not exist is invalid.
func (ns *Notices) Queued(ctx context.Context, f NoticeFilter) ([]QueuedView, error) {
	bad := Invalid{}
	if !slices.Contains(noticeStates, f.State) {
		bad["state"] = "notice.state"
	}
	if f.Channel != "" && !slices.Contains([]notice.Channel{notice.Mail, notice.SMS, notice.ZNS}, f.Channel) {
		bad["channel"] = "notice.channel"
	}
	if err := bad.orNil(); err != nil {
		return nil, err
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	return ns.Store.Queued(ctx, f)
}

// Again sends the notice id again now, whatever became of it, under its id.
func (ns *Notices) Again(ctx context.Context, id uuid.UUID) error { return ns.Store.Again(ctx, id) }

// Announced is the event that tells the lookup the queued notice (its payload) with id
// went through ch at at.
func (ns *Notices) Announced(ch notice.Channel, id uuid.UUID, payload []byte, at time.Time) (outbox.Message, error) {
	var q QueuedNotice
	if err := json.Unmarshal(payload, &q); err != nil {
		return outbox.Message{}, fmt.Errorf("notice %s: %w", id, err)
	}
	return events.NoticeSent(q.DossierID, q.Code, q.Kind, ch, id, at)
}
