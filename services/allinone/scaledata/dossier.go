package scaledata

import (
	"time"

	"github.com/motcua/motcua/services/intake/domain/dossier"
)

// Dossier is a loaded dossier as the measurements and the tests need to know it: what a
// citizen and a desk know of it, and how it stands.
type Dossier struct {
	Code          string
	PIN           string
	ApplicantName string
	// IDNumber is the applicant's identity number, which a desk may search by.
	IDNumber        string
	Status          string
	Channel         string
	ReceivingOffice string
	HandlingOffice  string
	// ReceivedAt is when a desk received it; zero for one submitted online that no desk
	// has received.
	ReceivedAt time.Time
	// Finished says it ended (processed, refused, stopped, withdrawn), Timing how it
	// stood against its appointment then (empty when withdrawn or never received).
	Finished bool
	Timing   string
	Rated    bool
	// Shipments counts the post's legs that carried it.
	Shipments int
}

func summary(l *life) Dossier {
	s := l.state
	return Dossier{Code: l.code, PIN: l.pin, ApplicantName: l.applicant.name, IDNumber: l.applicant.idNumber,
		Status: string(s.Status), Channel: string(l.channel), ReceivingOffice: l.receiving, HandlingOffice: l.handling,
		ReceivedAt: s.ReceivedAt, Finished: s.FinishedAt != nil, Timing: string(s.Timing), Rated: l.rating != nil,
		Shipments: len(l.legs)}
}

// Open reports whether the dossier is still being dealt with.
func (d Dossier) Open() bool { return !dossier.Status(d.Status).Terminal() && !d.Finished }
