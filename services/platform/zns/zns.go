// Package zns sends Zalo notification service (ZNS) template messages through its HTTP
// API (MOTCUA_ZALO_ZNS_URL): a POST of JSON {"phone","template_id","template_data"} with
// the official account's token in the access_token header. Zalo answers 200 with a JSON
// body whose "error" is 0 when it took the message.
package zns

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Client reaches the ZNS API.
type Client struct {
	URL         string
	AccessToken string
	HTTP        *http.Client
}

// New returns the client of the API at url with token.
func New(url, token string) *Client {
	return &Client{URL: url, AccessToken: token, HTTP: &http.Client{Timeout: 15 * time.Second}}
}

// Send asks Zalo to send template with data to phone, written as Zalo wants it: the
// country code 84 in place of the leading 0.
func (c *Client) Send(ctx context.Context, phone, template string, data map[string]string) error {
	body, err := json.Marshal(map[string]any{"phone": International(phone), "template_id": template, "template_data": data})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.URL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("zns: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("access_token", c.AccessToken)
	res, err := c.HTTP.Do(req)
	if err != nil {
		return fmt.Errorf("zns: %w", err)
	}
	defer res.Body.Close()
	var answer struct {
		Error   int    `json:"error"`
		Message string `json:"message"`
	}
	raw, _ := io.ReadAll(io.LimitReader(res.Body, 64<<10))
	if res.StatusCode/100 != 2 {
		return fmt.Errorf("zns: the API answered %s", res.Status)
	}
	if len(bytes.TrimSpace(raw)) > 0 && json.Unmarshal(raw, &answer) == nil && answer.Error != 0 {
		return fmt.Errorf("zns: error %d: %s", answer.Error, answer.Message)
	}
	return nil
}

// International is a Vietnamese phone number as Zalo writes it: 84 and the number
// without its leading 0.
func International(phone string) string {
	p := strings.TrimPrefix(strings.TrimSpace(phone), "+")
	if strings.HasPrefix(p, "0") {
		return "84" + p[1:]
	}
	return p
}
