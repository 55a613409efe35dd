package vocabulary

// timings say how a dossier stands against its appointment (worktime.Timing): finished
// early, on time or late; open within the deadline or overdue.
var timings = table{
	"early":           {"Đã xong, trước hạn", "Finished early"},
	"on_time":         {"Đã xong, đúng hạn", "Finished on time"},
	"late":            {"Đã xong, trễ hạn", "Finished late"},
	"within_deadline": {"Đang trong hạn", "Within the deadline"},
	"overdue":         {"Quá hạn", "Overdue"},
}

// Timing says in words how a dossier stands against its appointment; "" for none (a
// withdrawn dossier is not judged).
func Timing(timing string) Words {
	if timing == "" {
		return Words{}
	}
	return timings.lookup(timing)
}

// stepResults are the result of one hand-over against the appointment, as the control
// slip's column prints it. A late step is "Quá hạn" there, as the slip's model words it,
// the same words as an open dossier past its appointment (timings' "overdue").
var stepResults = table{
	"early":   {"Trước hạn", "Early"},
	"on_time": {"Đúng hạn", "On time"},
	"late":    {"Quá hạn", "Late"},
}

// StepResult names the result of one step of the hand-over log against the
// appointment; "" for a step that has none.
func StepResult(timing string) Words {
	if timing == "" {
		return Words{}
	}
	return stepResults.lookup(timing)
}
