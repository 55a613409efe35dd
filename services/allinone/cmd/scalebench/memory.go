package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

// residentMiB is what a process holds in memory now (VmRSS), in MiB: the floor its peak
// over the measurements starts from, once the peak is reset.
func residentMiB(pid int) (float64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			var kib int
			_, err := fmt.Sscanf(strings.TrimSpace(v), "%d", &kib)
			return float64(kib) / 1024, err
		}
	}
	return 0, errors.New("VmRSS not found")
}
