package events

import (
	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/intake/domain/dossier"
)

// The domain's words as the schema's enums. A word missing from a table is the enum's
// zero value, UNSPECIFIED.
var (
	channels = map[dossier.Channel]dossierv1.Channel{
		dossier.ChannelDesk:   dossierv1.Channel_CHANNEL_DESK,
		dossier.ChannelOnline: dossierv1.Channel_CHANNEL_ONLINE,
		dossier.ChannelPost:   dossierv1.Channel_CHANNEL_POST,
	}
	deliveries = map[dossier.DeliveryMethod]dossierv1.DeliveryMethod{
		dossier.DeliverAtDesk:         dossierv1.DeliveryMethod_DELIVERY_METHOD_DESK,
		dossier.DeliverByPost:         dossierv1.DeliveryMethod_DELIVERY_METHOD_POST,
		dossier.DeliverElectronically: dossierv1.DeliveryMethod_DELIVERY_METHOD_ELECTRONIC,
		dossier.DeliverAtPostOffice:   dossierv1.DeliveryMethod_DELIVERY_METHOD_POST_OFFICE,
	}
	ways = map[dossier.Via]dossierv1.Via{
		dossier.ByHand: dossierv1.Via_VIA_HAND,
		dossier.ByPost: dossierv1.Via_VIA_POST,
	}
	outcomes = map[dossier.Outcome]dossierv1.Outcome{
		dossier.Approved: dossierv1.Outcome_OUTCOME_APPROVED,
		dossier.Rejected: dossierv1.Outcome_OUTCOME_REJECTED,
	}
)
