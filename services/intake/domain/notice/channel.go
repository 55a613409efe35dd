package notice

import "time"

// Channel is how a notice reaches a citizen.
type Channel string

// The channels.
const (
	Mail Channel = "mail"
	SMS  Channel = "sms"
	// ZNS is Zalo's notification service: template messages to a phone number, which
	// most Vietnamese phones read; when it is configured it replaces SMS.
	ZNS Channel = "zns"
)

// Channels are the channels the product has: mail, SMS and Zalo ZNS, each on or off.
type Channels struct {
	Mail, SMS, ZNS bool
}

// For is the channels that reach a citizen with an e-mail address and a phone number
// (either may be empty): a mail to the address, and to the phone a ZNS message, or a
// text message when there is no ZNS.
func (c Channels) For(email, phone string) []Channel {
	var out []Channel
	if email != "" && c.Mail {
		out = append(out, Mail)
	}
	switch {
	case phone == "":
	case c.ZNS:
		out = append(out, ZNS)
	case c.SMS:
		out = append(out, SMS)
	}
	return out
}

// Citizens are written to on their phones only between 07:00 and 21:00, local time.
const (
	phoneFrom = 7
	phoneTo   = 21
)

// SendableAt is the earliest time from t at which a notice may go through ch: at once
// by mail; by phone (SMS, ZNS) between 07:00 and 21:00 in loc, else at the next 07:00.
func SendableAt(ch Channel, t time.Time, loc *time.Location) time.Time {
	if ch == Mail {
		return t
	}
	local := t.In(loc)
	if h := local.Hour(); h >= phoneFrom && h < phoneTo {
		return t
	}
	day := local
	if local.Hour() >= phoneTo {
		day = local.AddDate(0, 0, 1)
	}
	return time.Date(day.Year(), day.Month(), day.Day(), phoneFrom, 0, 0, 0, loc)
}
