package benchkit

import (
	"context"
	"sync"
	"sync/atomic"
)

// Parallel runs n jobs on workers goroutines and returns the first error; the jobs not
// started yet are not started once one has failed.
func Parallel(ctx context.Context, n, workers int, job func(ctx context.Context, i int) error) error {
	var next atomic.Int64
	var first error
	var once sync.Once
	var wg sync.WaitGroup
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n || ctx.Err() != nil {
					return
				}
				if err := job(ctx, i); err != nil {
					once.Do(func() { first = err; cancel() })
					return
				}
			}
		})
	}
	wg.Wait()
	return first
}
