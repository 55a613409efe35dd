package sessionsync

import (
	"errors"
	"testing"
	"time"

	"github.com/motcua/motcua/services/platform/auth"
)

func TestEnds(t *testing.T) {
	var e Ends
	at := time.Date(2026, 12, 1, 9, 30, 15, 500_000_000, time.UTC)
	ended := func(user string, issued time.Time) bool { return e.Ended(user, issued, "t1") != nil }
	if ended("lan", at.Add(-time.Hour)) {
		t.Fatal("an account without an end has ended")
	}
	e.Apply(End{Account: "lan", NotBefore: at})
	if !ended("lan", at.Add(-time.Second)) {
		t.Error("a token signed the second before the end holds")
	}
	if !errors.Is(e.Ended("lan", at.Add(-time.Second), "t1"), auth.ErrSessionEnded) {
		t.Error("an account's end is not told as one")
	}
	if !ended("lan", at.Truncate(time.Second)) {
		t.Error("a token whose whole second is that of the end (it may have come before it) holds")
	}
	if ended("lan", at.Truncate(time.Second).Add(time.Second)) {
		t.Error("a token signed the second after the end is refused")
	}
	if ended("minh", at.Add(-time.Hour)) {
		t.Error("another account's token is refused")
	}
	e.Apply(End{Account: "lan", NotBefore: at.Add(-time.Hour)}) // an older end arriving late changes nothing
	if !ended("lan", at.Add(-time.Minute)) {
		t.Error("an older end replaced a newer one")
	}
}

func TestSignedOutTokens(t *testing.T) {
	var e Ends
	now := time.Now()
	e.Apply(End{Account: "lan", NotBefore: now, TokenID: "t1", Expires: now.Add(time.Hour)})
	if err := e.Ended("lan", now.Add(-time.Minute), "t1"); !errors.Is(err, auth.ErrSignedOut) {
		t.Errorf("the signed-out token: %v", err)
	}
	if err := e.Ended("lan", now.Add(-time.Minute), "t2"); err != nil {
		t.Errorf("another token of the account: %v", err)
	}
	e.Apply(End{Account: "lan", NotBefore: now, TokenID: "old", Expires: now.Add(-time.Second)})
	if err := e.Ended("lan", now.Add(-time.Hour), "old"); err != nil {
		t.Errorf("an expired token is remembered: %v", err)
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
	end, err := Decode(msg.Payload)
	if err != nil || end.Account != "desk.xuanloc" || !end.NotBefore.Equal(at) || end.TokenID != "" {
		t.Fatalf("decoded %+v %v", end, err)
	}
	if _, err := Decode([]byte("not protobuf at all \xff")); err == nil {
		t.Error("garbage decoded")
	}
	msg, err = SignOutMessage("desk.xuanloc", "t1", at.Add(time.Hour), at)
	if err != nil {
		t.Fatal(err)
	}
	if end, err := Decode(msg.Payload); err != nil || end.TokenID != "t1" || !end.Expires.Equal(at.Add(time.Hour)) ||
		msg.Subject != "reference.v1.session.desk.xuanloc" {
		t.Fatalf("signed out: %+v %v on %s", end, err, msg.Subject)
	}
}
