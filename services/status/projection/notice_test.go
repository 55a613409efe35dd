package projection

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	noticev1 "github.com/motcua/motcua/proto/motcua/notice/v1"
)

func TestDecodeNotice(t *testing.T) {
	at := time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC)
	good := &noticev1.Sent{EventId: uuid.NewString(), DossierId: uuid.NewString(), NoticeId: uuid.NewString(),
		Code: "000.00.16.H19-261207-0001", Kind: "received", Channel: "mail", SentAt: timestamppb.New(at)}
	data, _ := proto.Marshal(good)
	n, err := DecodeNotice(data)
	if err != nil || n.Kind != "received" || n.Channel != "mail" || !n.SentAt.Equal(at) || n.DossierID.String() != good.DossierId {
		t.Fatalf("decoded %+v, %v", n, err)
	}
	for name, broken := range map[string]func(*noticev1.Sent){
		"no event id":   func(s *noticev1.Sent) { s.EventId = "" },
		"no dossier id": func(s *noticev1.Sent) { s.DossierId = "x" },
		"no kind":       func(s *noticev1.Sent) { s.Kind = "" },
		"no time":       func(s *noticev1.Sent) { s.SentAt = nil },
	} {
		bad := proto.Clone(good).(*noticev1.Sent)
		broken(bad)
		data, _ := proto.Marshal(bad)
		if _, err := DecodeNotice(data); err == nil {
			t.Errorf("%s: decoded", name)
		}
	}
	if _, err := DecodeNotice([]byte{0xff, 0xff}); err == nil {
		t.Error("garbage decoded")
	}
}
