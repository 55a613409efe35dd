package worktime

import "testing"

// BenchmarkNewLive measures building the calendar of every year, as each service does at
// start and at each edit.
func BenchmarkNewLive(b *testing.B) {
	for b.Loop() {
		NewLive()
	}
}
