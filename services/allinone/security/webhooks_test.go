package security

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/motcua/motcua/services/allinone/server/servertest"
	"github.com/motcua/motcua/services/intake/demo"
)

// webhookIDs name, by variant, what the webhooks' routes speak of: the endpoint the
// suite keeps ({id} of the API, {webhook_id} of the pages) with a call of its own
// ({delivery_id}), and for the two routes that remove one, an endpoint each.
var webhookIDs = map[string]map[string]string{}

// missingID is a well-formed id that names nothing.
const missingID = "0b8f4a52-6f1e-4c1e-9d7a-3c2b1a0000ff"

// setUpWebhooks has the administrator add three endpoints at a public address that
// takes an event the suite never causes (no call goes out but the test's), and test
// the kept one, for a call of its own.
func setUpWebhooks(t *testing.T, s servertest.Served) {
	t.Helper()
	c := newClient(t, s.Base, "127.0.0.1")
	token := c.token("admin.xuanloc", demo.Password)
	add := func() string {
		a := c.do(call{method: http.MethodPost, path: "/api/v1/webhooks", token: token,
			json: map[string]any{"url": "https://203.0.113.10/hooks", "events": []string{"shipment.returned"}}})
		var r struct {
			ID string `json:"id"`
		}
		if a.status != http.StatusCreated || json.Unmarshal([]byte(a.body), &r) != nil {
			t.Fatalf("add a webhook: %s", a)
		}
		return r.ID
	}
	kept := add()
	a := c.do(call{method: http.MethodPost, path: "/api/v1/webhooks/" + kept + "/test", token: token})
	var tested struct {
		DeliveryID string `json:"delivery_id"`
	}
	if a.status != http.StatusAccepted || json.Unmarshal([]byte(a.body), &tested) != nil {
		t.Fatalf("test a webhook: %s", a)
	}
	webhookIDs[own] = map[string]string{"id": kept, "webhook_id": kept, "delivery_id": tested.DeliveryID}
	webhookIDs[missing] = map[string]string{"id": missingID, "webhook_id": missingID, "delivery_id": missingID}
	webhookIDs["doomed"] = map[string]string{"id": add(), "webhook_id": add()}
}
