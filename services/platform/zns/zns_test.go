package zns

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestSend(t *testing.T) {
	var got struct {
		Phone    string            `json:"phone"`
		Template string            `json:"template_id"`
		Data     map[string]string `json:"template_data"`
	}
	var token string
	answer := `{"error":0,"message":"Success"}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token = r.Header.Get("access_token")
		_ = json.NewDecoder(r.Body).Decode(&got)
		_, _ = w.Write([]byte(answer))
	}))
	defer srv.Close()
	c := New(srv.URL, "oa-token")
	if err := c.Send(context.Background(), "0912345678", "motcua_received", map[string]string{"code": "X"}); err != nil {
		t.Fatal(err)
	}
	if got.Phone != "84912345678" || got.Template != "motcua_received" || got.Data["code"] != "X" || token != "oa-token" {
		t.Errorf("the API got %+v with %q", got, token)
	}
	answer = `{"error":-124,"message":"Access token invalid"}`
	if err := c.Send(context.Background(), "0912345678", "t", nil); err == nil {
		t.Error("an answer with an error was taken as sent")
	}
}
