package store

import (
	"encoding/json"
	"fmt"

	"github.com/motcua/motcua/services/postal/app"
)

// The answer to a worker's step is kept as JSON, the form the API writes it in, so that
// the View decoded for a resend encodes to the very same bytes as the first answer.

// encodeAnswer is the kept form of an answer.
func encodeAnswer(v app.View) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("keep answer: %w", err)
	}
	return b, nil
}

// decodeAnswer reads a kept answer; none (a step no worker sent) is the zero View.
func decodeAnswer(b []byte) (app.View, error) {
	var v app.View
	if len(b) == 0 {
		return v, nil
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return v, fmt.Errorf("read kept answer: %w", err)
	}
	return v, nil
}
