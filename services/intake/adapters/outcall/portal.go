package outcall

import (
	"bytes"
	"context"
	"fmt"
	"net/http"

	"github.com/motcua/motcua/services/platform/delivery"
)

// Portal posts the national sync's records to the National Public Service Portal, or
// the provincial gateway before it (MOTCUA_NATIONAL_SYNC_URL): a POST of the record's
// JSON, with the record's id as Idempotency-Key on every try, so that the portal keeps
// a record sent twice (a try whose answer was lost) once.
type Portal struct {
	URL    string
	Client *http.Client
}

// NewPortal posts to url, each try bounded by Timeout. The URL is the operator's own
// setting, not an administrator's: no guard stands before it.
func NewPortal(url string) *Portal {
	return &Portal{URL: url, Client: &http.Client{Timeout: Timeout}}
}

// Send makes one try of the record it.
func (p *Portal) Send(ctx context.Context, it delivery.Item) delivery.Result {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.URL, bytes.NewReader(it.Payload))
	if err != nil {
		return delivery.Refused(fmt.Errorf("the portal's URL: %w", err))
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", it.ID.String())
	res, err := p.Client.Do(req)
	if err != nil {
		return delivery.Failed(fmt.Errorf("no answer: %w", err))
	}
	return answer(res)
}
