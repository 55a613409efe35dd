package ratelimit

import (
	"fmt"
	"testing"
	"time"
)

// TestGuardLocksNobodyOut: failures against one target from many clients slow down those
// clients, never another client that has not failed on it.
func TestGuardLocksNobodyOut(t *testing.T) {
	now := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	g := NewGuard(New(10, 6*time.Second, 1000), New(20, time.Minute, 1000))
	for i := range 19 {
		g.Fail(fmt.Sprintf("192.0.2.%d", i), "000.00.16.H19-261201-0001", now)
	}
	g.Fail("192.0.2.1", "000.00.16.H19-261201-0001", now)
	if w := g.Wait("192.0.2.1", "000.00.16.H19-261201-0001", now); w <= 0 {
		t.Error("a client that failed on a target failed too often is not slowed down")
	}
	if w := g.Wait("198.51.100.7", "000.00.16.H19-261201-0001", now); w != 0 {
		t.Errorf("the owner, from another client, waits %v", w)
	}
	if w := g.Wait("192.0.2.1", "000.00.16.H19-261201-0002", now); w != 0 {
		t.Errorf("another target waits %v for a client under its own limit", w)
	}
	// One client failing too often waits whatever it tries.
	for range 10 {
		g.Fail("203.0.113.5", "x", now)
	}
	if w := g.Wait("203.0.113.5", "000.00.16.H19-261201-0003", now); w <= 0 {
		t.Error("a client that failed too often is not slowed down elsewhere")
	}
	// Once the target has refilled, its failers are free again.
	if w := g.Wait("192.0.2.1", "000.00.16.H19-261201-0001", now.Add(21*time.Minute)); w != 0 {
		t.Errorf("still waiting %v after the target refilled", w)
	}
}
