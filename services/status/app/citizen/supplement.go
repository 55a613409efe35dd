package citizen

// AwaitsSupplement reports whether the dossier waits for the citizen's supplement: the
// lookup page then offers the form that sends it.
func (v View) AwaitsSupplement() bool { return v.Status == "supplement_requested" }

// Missing is what the last request for a supplement asks for, as its step says.
func (v View) Missing() []string {
	for i := len(v.Timeline) - 1; i >= 0; i-- {
		if s := v.Timeline[i]; s.Type == "supplement_requested" && s.Detail != nil {
			return s.Detail.Items
		}
	}
	return nil
}
