package service

import (
	"fmt"
	"sync"
	"time"

	"github.com/motcua/motcua/services/worktime"
)

// DefaultCalendar returns the calendar status counts working time with until an
// administrator-edited one is wired in: worktime.DefaultCalendar for the year of now and
// the years either side (dossiers received in December are due in January), built again
// when the year turns. Outside those years only weekends are off.
func DefaultCalendar(now func() time.Time) (func() *worktime.Calendar, error) {
	build := func() (int, *worktime.Calendar, error) {
		y := now().In(worktime.VietnamLocation()).Year()
		c, err := worktime.DefaultCalendar(y-1, y, y+1)
		return y, c, err
	}
	year, cal, err := build()
	if err != nil {
		return nil, fmt.Errorf("default calendar: %w", err)
	}
	var mu sync.Mutex
	return func() *worktime.Calendar {
		mu.Lock()
		defer mu.Unlock()
		if now().In(worktime.VietnamLocation()).Year() != year {
			if y, c, err := build(); err == nil {
				year, cal = y, c
			}
		}
		return cal
	}, nil
}
