package sms

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestSend(t *testing.T) {
	var got map[string]string
	var auth string
	status := http.StatusAccepted
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth = r.Header.Get("Authorization")
		_ = json.NewDecoder(r.Body).Decode(&got)
		w.WriteHeader(status)
	}))
	defer srv.Close()
	g := New(srv.URL, "t0ken")
	if err := g.Send(context.Background(), "0912345678", "Mã xác thực: 123456"); err != nil {
		t.Fatal(err)
	}
	if got["to"] != "0912345678" || got["text"] != "Mã xác thực: 123456" || auth != "Bearer t0ken" {
		t.Errorf("the gateway got %v with %q", got, auth)
	}
	status = http.StatusBadGateway
	if err := g.Send(context.Background(), "0912345678", "x"); err == nil {
		t.Error("a refusal of the gateway is taken as sent")
	}
}
