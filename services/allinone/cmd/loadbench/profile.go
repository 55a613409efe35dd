package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"

	"github.com/motcua/motcua/services/allinone/cluster"
)

// profilerEnv gives intake and status a profiler address each.
func profilerEnv() (map[string][]string, map[string]string, error) {
	env := map[string][]string{}
	addrs := map[string]string{}
	for _, name := range []string{"intake", "status"} {
		port, err := cluster.FreePort()
		if err != nil {
			return nil, nil, err
		}
		addrs[name] = fmt.Sprintf("127.0.0.1:%d", port)
		env[name] = []string{"MOTCUA_PPROF_ADDR=" + addrs[name]}
	}
	return env, addrs, nil
}

// startProfiles records a 5-second CPU profile of each process, from the start of a
// phase, writing <name>.<phase>.cpu.pprof into dir; the returned function waits for them.
func startProfiles(ctx context.Context, addrs map[string]string, dir, phase string) func() {
	if len(addrs) == 0 {
		return func() {}
	}
	var wg sync.WaitGroup
	for name, addr := range addrs {
		wg.Go(func() {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/debug/pprof/profile?seconds=5", nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return
			}
			defer resp.Body.Close()
			f, err := os.Create(filepath.Join(dir, name+"."+phase+".cpu.pprof"))
			if err != nil {
				return
			}
			defer f.Close()
			_, _ = io.Copy(f, resp.Body)
		})
	}
	return wg.Wait
}
