package sessionsync

import (
	"testing"
	"time"
)

func TestEnds(t *testing.T) {
	var e Ends
	at := time.Date(2026, 12, 1, 9, 30, 15, 500_000_000, time.UTC)
	if e.Ended("lan", at.Add(-time.Hour)) {
		t.Fatal("an account without an end has ended")
	}
	e.Set("lan", at)
	if !e.Ended("lan", at.Add(-time.Second)) {
		t.Error("a token signed the second before the end holds")
	}
	if !e.Ended("lan", at.Truncate(time.Second)) {
		t.Error("a token whose whole second is that of the end (it may have come before it) holds")
	}
	if e.Ended("lan", at.Truncate(time.Second).Add(time.Second)) {
		t.Error("a token signed the second after the end is refused")
	}
	if e.Ended("minh", at.Add(-time.Hour)) {
		t.Error("another account's token is refused")
	}
	e.Set("lan", at.Add(-time.Hour)) // an older end arriving late changes nothing
	if !e.Ended("lan", at.Add(-time.Minute)) {
		t.Error("an older end replaced a newer one")
	}
}

func TestMessageDecodes(t *testing.T) {
	at := time.Date(2026, 12, 1, 9, 30, 15, 0, time.UTC)
	msg, err := Message("desk.xuanloc", "admin.xuanloc", at)
	if err != nil {
		t.Fatal(err)
	}
	if msg.Subject != "reference.v1.session.desk.xuanloc" {
		t.Errorf("subject %q", msg.Subject)
	}
	user, got, err := Decode(msg.Payload)
	if err != nil || user != "desk.xuanloc" || !got.Equal(at) {
		t.Fatalf("decoded %q %v %v", user, got, err)
	}
	if _, _, err := Decode([]byte("not protobuf at all \xff")); err == nil {
		t.Error("garbage decoded")
	}
}
