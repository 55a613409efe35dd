package projection

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go/jetstream"
	"google.golang.org/protobuf/proto"

	noticev1 "github.com/motcua/motcua/proto/motcua/notice/v1"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/status/adapters/store"
)

// NoticeConsumer names status's durable consumer of the notices intake sent citizens.
var NoticeConsumer = messaging.Durable(messaging.NoticeStream, "status-notices", "notice.v1.>")

// Notice keeps one notice sent, for the lookup. One that cannot be read is poison.
func Notice(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
	n, err := DecodeNotice(msg.Data())
	if err != nil {
		return messaging.Unreadable(msg, err)
	}
	return store.FoldNotice(ctx, tx, n)
}

// DecodeNotice reads a notice event, or says why it cannot be kept.
func DecodeNotice(data []byte) (store.NoticeSent, error) {
	var ev noticev1.Sent
	if err := proto.Unmarshal(data, &ev); err != nil {
		return store.NoticeSent{}, fmt.Errorf("decode notice: %w", err)
	}
	var n store.NoticeSent
	var errs [3]error
	n.EventID, errs[0] = uuid.Parse(ev.GetEventId())
	n.DossierID, errs[1] = uuid.Parse(ev.GetDossierId())
	n.NoticeID, errs[2] = uuid.Parse(ev.GetNoticeId())
	if err := errors.Join(errs[:]...); err != nil || ev.GetSentAt() == nil || ev.GetKind() == "" || ev.GetChannel() == "" {
		return n, errors.New("notice event without its ids, kind, channel or time")
	}
	n.Kind, n.Channel, n.SentAt = ev.GetKind(), ev.GetChannel(), ev.GetSentAt().AsTime()
	return n, nil
}
