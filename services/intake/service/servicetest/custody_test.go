package servicetest

import (
	"encoding/hex"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"

	custodyv1 "github.com/motcua/motcua/proto/motcua/custody/v1"
	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/intake/domain/custody"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// custodyChain is the answer of GET /api/v1/dossiers/{code}/custody.
type custodyChain struct {
	DossierID string `json:"dossier_id"`
	Code      string `json:"code"`
	Entries   []struct {
		Seq            int64     `json:"seq"`
		At             time.Time `json:"at"`
		Event          string    `json:"event"`
		From           string    `json:"from"`
		To             string    `json:"to"`
		By             string    `json:"by"`
		TrackingNumber string    `json:"tracking_number"`
		PrevHash       string    `json:"prev_hash"`
		Hash           string    `json:"hash"`
	} `json:"entries"`
	Verified bool   `json:"verified"`
	Broken   string `json:"broken"`
}

// custody reads the custody chain of the dossier with code as user.
func (e *env) custody(t *testing.T, user, code string) custodyChain {
	t.Helper()
	var c custodyChain
	e.call(t, "GET", "/api/v1/dossiers/"+code+"/custody", e.token(t, user), nil).Expect(t, http.StatusOK).Decode(t, &c)
	return c
}

// awaitCustody waits until the chain of the dossier with code has n entries.
func (e *env) awaitCustody(t *testing.T, code string, n int) custodyChain {
	t.Helper()
	var c custodyChain
	waitfor.Within(t, 15*time.Second, "the custody chain of "+code+" to have its entries", func() bool {
		c = e.custody(t, "desk.xuanloc", code)
		return len(c.Entries) >= n
	})
	if len(c.Entries) != n {
		t.Fatalf("the custody chain of %s has %d entries, want %d: %+v", code, len(c.Entries), n, c.Entries)
	}
	return c
}

// TestCustodyChain: a dossier registered, sent to the commune by post and delivered
// there has a custody chain of every step, intake's (the registration, the transfer, the
// arrival intake's road records) and the post's (the delivery), chained so that anyone
// recomputes every hash from the answer alone; each new head is published on CUSTODY
// for other agencies. A row altered in the database no longer verifies, and says where.
// Only the staff of the dossier's offices read the chain.
func TestCustodyChain(t *testing.T) {
	e := start(t)
	rc := e.registerAtDistrict(t)
	e.actOK(t, "desk.xuanloc", rc.Code, "transfer", map[string]any{"to_office": baoHoa, "via": "post"})
	e.awaitCustody(t, rc.Code, 2)
	e.publishShipmentEvent(t, rc, postalv1.ShipmentKind_SHIPMENT_KIND_TRANSFER, "delivered", baoHoa, uuid.New())
	c := e.awaitCustody(t, rc.Code, 4)

	if !c.Verified || c.Broken != "" || c.DossierID != rc.ID || c.Code != rc.Code {
		t.Errorf("the chain: verified %v (%s), dossier %s %s", c.Verified, c.Broken, c.DossierID, c.Code)
	}
	type step struct{ event, from, to, by, tracking string }
	var got []step
	for _, en := range c.Entries {
		got = append(got, step{en.Event, en.From, en.To, en.By, en.TrackingNumber})
	}
	if want := []step{
		{"received", "citizen", demo.DistrictDesk, "desk.xuanloc", ""},
		{"transferred", demo.DistrictDesk, baoHoa, "desk.xuanloc", ""},
	}; !slices.Equal(got[:2], want) {
		t.Errorf("intake's steps: %+v, want %+v", got[:2], want)
	}
	// The post's delivery and the arrival intake records from it come from two
	// consumers: either may be chained first.
	last := got[2:]
	slices.SortFunc(last, func(a, b step) int { return strings.Compare(a.event, b.event) })
	if want := []step{
		{"arrived", "post", baoHoa, "postal", "EE123456785VN"},
		{"shipment.delivered", "post", baoHoa, "postal", "EE123456785VN"},
	}; !slices.Equal(last, want) {
		t.Errorf("the delivery's steps: %+v, want %+v", last, want)
	}

	// Anyone recomputes the chain from the answer, by the documented encoding.
	id := uuid.MustParse(c.DossierID)
	prev := strings.Repeat("00", 32)
	for i, en := range c.Entries {
		pb, _ := hex.DecodeString(en.PrevHash)
		sum := custody.Entry{DossierID: id, Seq: en.Seq, PrevHash: pb, Record: custody.Record{At: en.At, Event: en.Event,
			From: en.From, To: en.To, By: en.By, TrackingNumber: en.TrackingNumber}}.Sum()
		if en.Seq != int64(i)+1 || en.PrevHash != prev || hex.EncodeToString(sum) != en.Hash {
			t.Errorf("entry %d: seq %d, prev_hash %s (want %s), hash %s (recomputed %x)", i+1, en.Seq, en.PrevHash, prev, en.Hash, sum)
		}
		prev = en.Hash
	}

	// Each head is published, the last naming the chain's end.
	var heads []*custodyv1.Head
	for _, data := range e.streamMessages(t, messaging.CustodyStream, "custody.v1.heads."+rc.ID, 4, 20*time.Second) {
		var h custodyv1.Head
		if err := proto.Unmarshal(data, &h); err != nil {
			t.Fatal(err)
		}
		heads = append(heads, &h)
	}
	if len(heads) != 4 {
		t.Fatalf("%d heads published, want 4", len(heads))
	}
	for i, h := range heads {
		en := c.Entries[i]
		if h.GetSeq() != en.Seq || hex.EncodeToString(h.GetHash()) != en.Hash || h.GetCode() != rc.Code ||
			h.GetDossierId() != rc.ID || h.GetEvent() != en.Event || !h.GetAt().AsTime().Equal(en.At) {
			t.Errorf("head %d: %v, want entry %+v", i+1, h, en)
		}
	}

	// Only the staff of the dossier's offices read it.
	e.call(t, "GET", "/api/v1/dossiers/"+rc.Code+"/custody", e.token(t, "desk.giaray"), nil).
		ExpectError(t, http.StatusNotFound, "dossier_not_found", "")
	e.call(t, "GET", "/api/v1/dossiers/000.00.16.H19-200101-9999/custody", e.token(t, "desk.xuanloc"), nil).
		ExpectError(t, http.StatusNotFound, "dossier_not_found", "")
	e.call(t, "GET", "/api/v1/dossiers/"+rc.Code+"/custody", e.token(t, "admin.xuanloc"), nil).
		ExpectError(t, http.StatusForbidden, "forbidden", "")
	e.call(t, "GET", "/api/v1/dossiers/"+rc.Code+"/custody", "", nil).ExpectError(t, http.StatusUnauthorized, "unauthorized", "")
	if c := e.custody(t, "officer.baohoa", rc.Code); len(c.Entries) != 4 || !c.Verified {
		t.Errorf("the commune reads %d entries, verified %v", len(c.Entries), c.Verified)
	}

	// A row altered in the database is found, at that entry.
	if _, err := e.DB.Exec(t.Context(), "UPDATE custody_entries SET recorded_by = 'officer.baohoa' WHERE dossier_id = $1 AND seq = 2",
		rc.ID); err != nil {
		t.Fatal(err)
	}
	if c := e.custody(t, "desk.xuanloc", rc.Code); c.Verified || !strings.HasPrefix(c.Broken, "entry 2: stored hash "+c.Entries[1].Hash) {
		t.Errorf("a by altered: verified %v, broken %q", c.Verified, c.Broken)
	}
}
