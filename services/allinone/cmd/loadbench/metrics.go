package main

import (
	"bufio"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// cacheHitRate reads status's counters of citizen views served from memory and from the
// database, over the whole run.
func cacheHitRate(addr string) (float64, error) {
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	counts := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		for _, result := range []string{"hit", "miss"} {
			if v, ok := strings.CutPrefix(line, `motcua_track_cache_lookups_total{result="`+result+`"} `); ok {
				n, err := strconv.ParseFloat(v, 64)
				if err != nil {
					return 0, err
				}
				counts[result] = n
			}
		}
	}
	total := counts["hit"] + counts["miss"]
	if total == 0 {
		return 0, fmt.Errorf("status reported no lookups in its metrics")
	}
	return counts["hit"] / total, sc.Err()
}
