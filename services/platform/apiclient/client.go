// Package apiclient speaks motcua's public API (docs/api) over HTTP, as the programs of a
// desk, an office, the post or a citizen would: the client of the end-to-end tests, of
// the browser journeys' staff and of the load benchmark, and the answers they read, which
// the services' own API tests read too.
package apiclient

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// Client speaks the public API over HTTP.
type Client struct {
	HTTP *http.Client
}

// NewClient returns a client with keep-alive connections for up to conns requests at once.
func NewClient(conns int) *Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = conns
	t.MaxIdleConnsPerHost = conns
	return &Client{HTTP: &http.Client{Transport: t, Timeout: 30 * time.Second}}
}

// Token signs in and returns an access token.
func (c *Client) Token(ctx context.Context, addr, username, password string) (string, error) {
	var out struct {
		AccessToken string `json:"access_token"`
	}
	body, _ := json.Marshal(map[string]string{"username": username, "password": password})
	status, err := c.do(ctx, http.MethodPost, "http://"+addr+"/api/v1/auth/token", "", "", body, &out)
	if err != nil {
		return "", err
	}
	if status != http.StatusOK {
		return "", fmt.Errorf("sign in as %s: status %d", username, status)
	}
	return out.AccessToken, nil
}

// Register posts a registration body (JSON) and returns the receipt and the status.
func (c *Client) Register(ctx context.Context, addr, token, idemKey string, body []byte) (Receipt, int, error) {
	var r Receipt
	status, err := c.do(ctx, http.MethodPost, "http://"+addr+"/api/v1/dossiers", token, idemKey, body, &r)
	return r, status, err
}

// Track looks a dossier up as a citizen; it returns the status and the decoded body.
func (c *Client) Track(ctx context.Context, addr, code, pin string) (int, map[string]any, error) {
	var out map[string]any
	status, err := c.do(ctx, http.MethodGet, "http://"+addr+"/api/v1/track/"+url.PathEscape(code)+"?pin="+url.QueryEscape(pin), "", "", nil, &out)
	return status, out, err
}

func (c *Client) do(ctx context.Context, method, u, token, idemKey string, body []byte, out any) (int, error) {
	a, err := c.Do(ctx, method, u, token, idemKey, body, out)
	return a.Status, err
}

// Answer is an HTTP answer as it came: its status, headers and body.
type Answer struct {
	Status int
	Header http.Header
	Body   []byte
}

// Do sends method to the whole URL u, with a bearer token and an Idempotency-Key when
// they are not empty and body as JSON when it is not nil. It decodes a 2xx answer into
// out when out is not nil, and returns the answer as it came whatever its status.
func (c *Client) Do(ctx context.Context, method, u, token, idemKey string, body []byte, out any) (Answer, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return Answer{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if idemKey != "" {
		req.Header.Set("Idempotency-Key", idemKey)
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return Answer{}, err
	}
	defer resp.Body.Close()
	a := Answer{Status: resp.StatusCode, Header: resp.Header}
	if a.Body, err = io.ReadAll(resp.Body); err != nil {
		return a, err
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 && out != nil {
		if err := json.Unmarshal(a.Body, out); err != nil {
			return a, fmt.Errorf("decode %s answer: %w", u, err)
		}
	}
	return a, nil
}
