package app

import (
	"context"

	"github.com/motcua/motcua/proto/vocabulary"
)

// tellResultReady tells the citizen who submitted the dossier with code online that its
// electronic result is ready to download at the lookup, and that the first download
// returns it. The lookup shows the same; a message that cannot be sent is logged.
func (p *Processor) tellResultReady(ctx context.Context, code string) {
	_, to, ok := p.citizenAddress(ctx, code)
	if !ok {
		return
	}
	lang := vocabulary.Vietnamese
	subject := vocabulary.Message("result.subject", code).In(lang)
	text := vocabulary.Message("result.text", code, p.PublicURL+"/tra-cuu?code="+code).In(lang)
	if err := p.Send.Send(ctx, to, subject, text); err != nil {
		p.Log.Warn("the citizen could not be told of the result", "code", code, "err", err)
	}
}
