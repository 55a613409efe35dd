// Package sms sends text messages through an HTTP gateway (MOTCUA_SMS_URL): a POST of
// JSON {"to","text"} with a bearer token (MOTCUA_SMS_TOKEN), answered 2xx when taken.
package sms

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Gateway is an SMS gateway.
type Gateway struct {
	URL    string
	Token  string
	Client *http.Client
}

// New returns the gateway at url with token.
func New(url, token string) *Gateway {
	return &Gateway{URL: url, Token: token, Client: &http.Client{Timeout: 15 * time.Second}}
}

// Send asks the gateway to send text to the phone number to.
func (g *Gateway) Send(ctx context.Context, to, text string) error {
	body, err := json.Marshal(map[string]string{"to": to, "text": text})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, g.URL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("sms: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	if g.Token != "" {
		req.Header.Set("Authorization", "Bearer "+g.Token)
	}
	res, err := g.Client.Do(req)
	if err != nil {
		return fmt.Errorf("sms: %w", err)
	}
	defer res.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	if res.StatusCode/100 != 2 {
		return fmt.Errorf("sms: the gateway answered %s", res.Status)
	}
	return nil
}
