package app

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/postal/domain/handover"
	"github.com/motcua/motcua/services/postal/domain/shipment"
	"github.com/motcua/motcua/services/postal/forms"
)

// HandoverView is a hand-over record in an answer.
type HandoverView struct {
	ID          string    `json:"id"`
	Number      int64     `json:"number"`
	Status      string    `json:"status"`
	StatusLabel string    `json:"status_label"`
	FromOffice  OfficeRef `json:"from_office"`
	ToOffice    OfficeRef `json:"to_office"`
	GivenBy     string    `json:"given_by"`
	CreatedAt   time.Time `json:"created_at"`
	// ConfirmedBy and ConfirmedAt are the receiving side's confirmation, once given.
	ConfirmedBy string     `json:"confirmed_by,omitempty"`
	ConfirmedAt *time.Time `json:"confirmed_at,omitempty"`
	ItemCount   int        `json:"item_count"`
	// Items are left out of a list of records.
	Items   []HandoverItemView `json:"items,omitempty"`
	FormURL string             `json:"form_url"`
}

// HandoverItemView is an item of a record in an answer: its shipment as it stands now.
type HandoverItemView struct {
	TrackingNumber string `json:"tracking_number"`
	DossierCode    string `json:"dossier_code"`
	Kind           string `json:"kind"`
	SealNumber     string `json:"seal_number,omitempty"`
	Status         string `json:"status"`
	StatusLabel    string `json:"status_label"`
}

// FormPath is the API's address of the printed record with id.
func FormPath(id string) string { return "/api/v1/handovers/" + id + "/form" }

// Get returns the record id with its items, for a member of staff of either side;
// anyone else is told it does not exist.
func (a *Handovers) Get(ctx context.Context, who *auth.Principal, id uuid.UUID) (HandoverView, error) {
	h, err := a.read(ctx, who, id)
	if err != nil {
		return HandoverView{}, err
	}
	return a.view(ctx, h)
}

// read returns the record id for who, or ErrHandoverNotFound.
func (a *Handovers) read(ctx context.Context, who *auth.Principal, id uuid.UUID) (HandoverRecord, error) {
	h, ok, err := a.Store.Handover(ctx, id)
	if err != nil {
		return HandoverRecord{}, err
	}
	if !ok || !mayRead(who, h) {
		return HandoverRecord{}, ErrHandoverNotFound
	}
	return h, nil
}

// MaxListed bounds a list of records.
const MaxListed = 100

// Of lists the latest records given or received by the offices of who, newest first,
// without their items.
func (a *Handovers) Of(ctx context.Context, who *auth.Principal) ([]HandoverView, error) {
	list, err := a.Store.HandoversOf(ctx, who.Offices, MaxListed)
	if err != nil {
		return nil, err
	}
	out := make([]HandoverView, 0, len(list))
	for _, h := range list {
		v, err := a.view(ctx, h)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// CanConfirm reports whether who may confirm the record v now: it is open and who is
// of its receiving side.
func CanConfirm(who *auth.Principal, v HandoverView) bool {
	return v.Status == string(handover.Open) &&
		mayReceive(who, HandoverRecord{ToOffice: v.ToOffice.Code})
}

// Waiting lists, for a postal worker's post office postOffice, the offices it carries
// items to that could be handed over now, with how many; none for another's.
func (a *Handovers) Waiting(ctx context.Context, who *auth.Principal, postOffice string) ([]WaitingItems, error) {
	if who.Role != auth.RolePostal || !who.InOffice(postOffice) {
		return nil, nil
	}
	return a.Store.Waiting(ctx, postOffice, handover.DeliverableStatuses(shipment.KindTransfer))
}

// view builds the answer for h, naming its offices from the post's copies.
func (a *Handovers) view(ctx context.Context, h HandoverRecord) (HandoverView, error) {
	loc := a.Shipments.Calendar.Calendar().Location()
	st := h.Status()
	v := HandoverView{ID: h.ID.String(), Number: h.Number, Status: string(st), StatusLabel: st.Words().VI,
		FromOffice: *officeRef(ctx, a.Shipments.Store, h.FromOffice), ToOffice: *officeRef(ctx, a.Shipments.Store, h.ToOffice),
		GivenBy: h.GivenBy, CreatedAt: h.CreatedAt.In(loc), ConfirmedBy: h.ConfirmedBy, ItemCount: h.ItemCount,
		FormURL: FormPath(h.ID.String())}
	if h.ConfirmedAt != nil {
		at := h.ConfirmedAt.In(loc)
		v.ConfirmedAt = &at
	}
	if len(h.Items) > 0 {
		v.ItemCount = len(h.Items)
	}
	for _, it := range h.Items {
		v.Items = append(v.Items, HandoverItemView{TrackingNumber: it.TrackingNumber, DossierCode: it.DossierCode,
			Kind: string(it.Kind), SealNumber: it.SealNumber, Status: string(it.Status), StatusLabel: it.Status.Words().VI})
	}
	return v, nil
}

// Printable is the record id as its form prints it, for a member of staff of either
// side: the items, their seals, the times, both sides and, once confirmed, the
// receiving officer's signature.
func (a *Handovers) Printable(ctx context.Context, who *auth.Principal, id uuid.UUID) (forms.Handover, error) {
	h, err := a.read(ctx, who, id)
	if err != nil {
		return forms.Handover{}, err
	}
	party := func(code string) forms.Party {
		o := officeRef(ctx, a.Shipments.Store, code)
		return forms.Party{Code: o.Code, Name: o.Name, Address: o.Address}
	}
	f := forms.Handover{Number: h.Number, From: party(h.FromOffice), To: party(h.ToOffice), GivenBy: h.GivenBy,
		CreatedAt: h.CreatedAt, ConfirmedBy: h.ConfirmedBy}
	if h.ConfirmedAt != nil {
		f.ConfirmedAt = *h.ConfirmedAt
		signature, err := a.Shipments.Sealer.Open(receiverSignatureField, h.SignatureSealed)
		if err != nil {
			return forms.Handover{}, err
		}
		f.Signature = []byte(signature)
	}
	for _, it := range h.Items {
		kind, _ := it.Kind.Labels()
		f.Items = append(f.Items, forms.Item{TrackingNumber: it.TrackingNumber, DossierCode: it.DossierCode,
			Kind: kind, SealNumber: it.SealNumber})
	}
	return f, nil
}
