package ratelimit

import (
	"testing"
	"time"
)

func TestLimiterBlocksAfterBurstAndRefills(t *testing.T) {
	l := New(3, 10*time.Second, 100)
	now := time.Unix(1000, 0)
	for i := 0; i < 3; i++ {
		if blocked, _ := l.Blocked("ip", now); blocked {
			t.Fatalf("blocked after %d failures", i)
		}
		l.Fail("ip", now)
	}
	blocked, wait := l.Blocked("ip", now)
	if !blocked || wait != 10*time.Second {
		t.Fatalf("after burst: blocked=%v wait=%v", blocked, wait)
	}
	if blocked, _ := l.Blocked("other", now); blocked {
		t.Fatal("another key is blocked")
	}
	if blocked, _ := l.Blocked("ip", now.Add(10*time.Second)); blocked {
		t.Fatal("still blocked after one refill period")
	}
}

func TestLimiterBoundsKeys(t *testing.T) {
	l := New(1, time.Hour, 10)
	now := time.Unix(0, 0)
	for i := 0; i < 1000; i++ {
		l.Fail(string(rune('a'+i%26))+string(rune(i)), now)
	}
	if len(l.buckets) > 10 {
		t.Fatalf("%d keys kept, want at most 10", len(l.buckets))
	}
}
