package events

import (
	"encoding/hex"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
)

// File is a file handed in, as its event names it: its fingerprint, never its bytes.
type File struct {
	ID          string
	Name        string
	SHA256      []byte
	Size        int64
	ContentType string
	Document    string
}

func files(fs []File) []*dossierv1.File {
	if len(fs) == 0 {
		return nil
	}
	out := make([]*dossierv1.File, len(fs))
	for i, f := range fs {
		out[i] = &dossierv1.File{Id: f.ID, Name: f.Name, Sha256: hex.EncodeToString(f.SHA256), Size: f.Size,
			ContentType: f.ContentType, Document: f.Document}
	}
	return out
}
