package worktime

import (
	"sync"
	"time"
)

// vietnam loads the Asia/Ho_Chi_Minh zone once.
var vietnam = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		// No time zone database on this system. Vietnam has kept UTC+7
		// without daylight saving time since 1975, so a fixed zone gives the
		// same wall-clock times for every date this package deals with.
		return time.FixedZone("ICT", 7*60*60)
	}
	return loc
})

// VietnamLocation returns the Asia/Ho_Chi_Minh time zone, or an equivalent
// fixed UTC+7 zone named "ICT" when no time zone database is available.
func VietnamLocation() *time.Location { return vietnam() }
