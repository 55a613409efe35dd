package asyncapi

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/motcua/motcua/proto/vocabulary"
)

// The webhooks, as the contract has them ("Notifications, webhooks, national sync,
// at-risk") and the Standard Webhooks specification: a POST of JSON
// {"type","timestamp","data"} to the URL an administrator registered, signed in three
// headers. A type is dossier.<status> for a dossier reaching a status, shipment.<step>
// for a step of a shipment that carries a dossier or its result, or webhook.test.
const (
	webhookChannel = "webhook"
	webhookServer  = "webhookReceiver"
	testType       = "webhook.test"
	// legPrefix starts the names of postal.v1.ShipmentKind, whose rest, in lower case,
	// is the leg a shipment call names (pickup, transfer, delivery, return).
	legPrefix = "SHIPMENT_KIND_"
)

// shipmentKind is the enum whose values name the legs.
const shipmentKind protoreflect.FullName = "motcua.postal.v1.ShipmentKind"

// exampleKey signs the examples, so that a receiver can try its check of the
// signature on them; its secret (exampleSecret) is in the document.
var exampleKey = []byte("motcua-example-secret-32-bytes!!")

func exampleSecret() string { return "whsec_" + base64.StdEncoding.EncodeToString(exampleKey) }

// webhookMessage is the message of one type.
type webhookMessage struct {
	typ     string
	message object
}

// webhookMessages lists the message of every type: the dossier's, the shipment's, then
// the test's.
func webhookMessages() []webhookMessage {
	var out []webhookMessage
	for _, s := range vocabulary.Statuses() {
		w := vocabulary.Status(s)
		typ := "dossier." + s
		payload := newObject().set("allOf", []object{
			ref(pointer("components", "schemas", "webhook.DossierCall")),
			newObject().set("properties", newObject().
				set("type", newObject().set("const", typ)).
				set("data", newObject().set("properties", newObject().set("status", newObject().set("const", s))))),
		})
		out = append(out, webhookMessage{typ, webhookMessageObject(typ,
			fmt.Sprintf("A dossier reached the status %s (%s; %s).", s, w.EN, w.VI), payload, dossierExample(typ, s))})
	}
	for _, s := range vocabulary.ShipmentStatuses() {
		w := vocabulary.ShipmentStatus(s)
		typ := "shipment." + s
		payload := newObject().set("allOf", []object{
			ref(pointer("components", "schemas", "webhook.ShipmentCall")),
			newObject().set("properties", newObject().
				set("type", newObject().set("const", typ)).
				set("data", newObject().set("properties", newObject().set("event", newObject().set("const", s))))),
		})
		out = append(out, webhookMessage{typ, webhookMessageObject(typ,
			fmt.Sprintf("A shipment that carries a dossier or its result reached the step %s (%s; %s).", s, w.EN, w.VI),
			payload, shipmentExample(typ, s))})
	}
	out = append(out, webhookMessage{testType, webhookMessageObject(testType,
		"The call an administrator sends to try an endpoint, whatever types it subscribed to.",
		ref(pointer("components", "schemas", "webhook.TestCall")), testExample())})
	return out
}

func webhookMessageObject(typ, summary string, payload object, example []object) object {
	return newObject().
		set("name", typ).
		set("title", typ).
		set("summary", summary).
		set("payload", payload).
		set("examples", example).
		set("traits", []object{ref(pointer("components", "messageTraits", "standardWebhooks"))})
}

// webhookSchemas are the JSON Schemas of the calls' bodies.
func webhookSchemas(enums map[protoreflect.FullName]protoreflect.EnumDescriptor, out object) error {
	var dossierTypes, statusNotes []string
	for _, s := range vocabulary.Statuses() {
		dossierTypes = append(dossierTypes, "dossier."+s)
		w := vocabulary.Status(s)
		statusNotes = append(statusNotes, fmt.Sprintf("- %s: %s (%s)", s, w.EN, w.VI))
	}
	var shipmentTypes, stepNotes []string
	for _, s := range vocabulary.ShipmentStatuses() {
		shipmentTypes = append(shipmentTypes, "shipment."+s)
		w := vocabulary.ShipmentStatus(s)
		stepNotes = append(stepNotes, fmt.Sprintf("- %s: %s (%s)", s, w.EN, w.VI))
	}
	legs, legNotes, err := shipmentLegs(enums)
	if err != nil {
		return err
	}
	str := func(desc string) object { return newObject().set("type", "string").set("description", desc) }
	when := func(desc string) object { return str(desc).set("format", "date-time") }
	call := func(desc string, types []string, data string) object {
		return newObject().set("type", "object").set("description", desc).
			set("required", []string{"type", "timestamp", "data"}).
			set("properties", newObject().
				set("type", str("The call's type.").set("enum", types)).
				set("timestamp", when("When the event happened, in Vietnam time (+07:00).")).
				set("data", ref(pointer("components", "schemas", data))))
	}
	out.set("webhook.DossierCall", call("The body of a call of type dossier.<status>: a dossier reached a status. "+
		"Each status a dossier reaches is told once, in the order they happened; no personal data.",
		dossierTypes, "webhook.DossierData"))
	out.set("webhook.DossierData", newObject().set("type", "object").
		set("required", []string{"code", "status", "status_code", "office", "at"}).
		set("properties", newObject().
			set("code", str("The dossier's code, e.g. 000.00.16.H19-251201-0001.")).
			set("status", str("The status the dossier reached.\n\n"+strings.Join(statusNotes, "\n")).set("enum", vocabulary.Statuses())).
			set("status_code", newObject().set("type", "integer").set("minimum", 1).set("maximum", 10).
				set("description", "The National Public Service Portal's status code (1-10) of that status.")).
			set("office", str("The agency code of the office that holds the dossier after the change (for a "+
				"registration, the desk that received it).")).
			set("at", when("When the change happened, in Vietnam time (+07:00)."))))
	out.set("webhook.ShipmentCall", call("The body of a call of type shipment.<step>: a shipment that carries a "+
		"dossier (or its result) by post reached a step. No personal data.",
		shipmentTypes, "webhook.ShipmentData"))
	out.set("webhook.ShipmentData", newObject().set("type", "object").
		set("required", []string{"code", "tracking_number", "event", "kind", "office", "at"}).
		set("properties", newObject().
			set("code", str("The code of the dossier the shipment carries, e.g. 000.00.16.H19-251201-0001.")).
			set("tracking_number", str("The shipment's UPU S10 number, e.g. EE123456785VN.")).
			set("event", str("The step: created when the post opened the shipment, else the step a postal worker "+
				"recorded.\n\n"+strings.Join(stepNotes, "\n")).set("enum", vocabulary.ShipmentStatuses())).
			set("kind", str("The leg the shipment covers.\n\n"+strings.Join(legNotes, "\n")).set("enum", legs)).
			set("office", str("The agency code of the post office that recorded the step; for created, of the "+
				"office the leg leaves from, or of the post office that picks it up.")).
			set("at", when("When the step happened, as the postal worker recorded it, in Vietnam time (+07:00)."))))
	out.set("webhook.TestCall", newObject().set("type", "object").
		set("description", "The body of the test call an administrator sends (POST /api/v1/webhooks/{id}/test).").
		set("required", []string{"type", "timestamp", "data"}).
		set("properties", newObject().
			set("type", str("The call's type.").set("const", testType)).
			set("timestamp", when("When the test was asked for, in Vietnam time (+07:00).")).
			set("data", newObject().set("type", "object").set("required", []string{"webhook_id"}).
				set("properties", newObject().set("webhook_id", str("The endpoint's id, as POST /api/v1/webhooks answered it.").
					set("format", "uuid"))))))
	return nil
}

// shipmentLegs are the legs of the post as postal.v1.ShipmentKind names them, with
// their words.
func shipmentLegs(enums map[protoreflect.FullName]protoreflect.EnumDescriptor) (legs, notes []string, err error) {
	e, ok := enums[shipmentKind]
	if !ok {
		return nil, nil, fmt.Errorf("asyncapi: no enum %s in the schemas", shipmentKind)
	}
	for i := 0; i < e.Values().Len(); i++ {
		v := e.Values().Get(i)
		if v.Number() == 0 {
			continue
		}
		leg := strings.ToLower(strings.TrimPrefix(string(v.Name()), legPrefix))
		w := vocabulary.Leg(leg)
		legs = append(legs, leg)
		notes = append(notes, fmt.Sprintf("- %s: %s (%s)", leg, w.EN, w.VI))
	}
	return legs, notes, nil
}

// standardWebhooksTrait is what every call shares: JSON, and the three headers of the
// specification.
func standardWebhooksTrait() object {
	h := func(desc, pattern string) object {
		return newObject().set("type", "string").set("description", desc).set("pattern", pattern)
	}
	return newObject().
		set("contentType", "application/json").
		set("description", "Signed per the Standard Webhooks specification (standardwebhooks.com), so that "+
			"any of its libraries verifies a call with the endpoint's secret (whsec_ and base64, given once when "+
			"the webhook is added; a rotated secret and the new one both sign for a while). The examples are "+
			"signed with the example secret "+exampleSecret()+" over the payload's compact JSON (keys in the order "+
			"shown, no spaces), for trying a receiver's check.").
		set("headers", newObject().set("type", "object").
			set("required", []string{"webhook-id", "webhook-timestamp", "webhook-signature"}).
			set("properties", newObject().
				set("webhook-id", newObject().set("type", "string").set("description",
					"The call's id: the same on every try of one call, so that a receiver takes each call once.")).
				set("webhook-timestamp", h("When this try was made, in Unix seconds. Refuse a call whose time is "+
					"far from your clock's (the specification suggests five minutes), against replays.", `^[0-9]+$`)).
				set("webhook-signature", h(`One signature or more, separated by spaces: "v1," and the base64 of `+
					`HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<body>", keyed with the base64-decoded part `+
					`of the secret (after whsec_). Accept the call when one of them matches, compared in constant time.`,
					`^v1,[A-Za-z0-9+/]+={0,2}( v1,[A-Za-z0-9+/]+={0,2})*$`))))
}

// webhookServerObject is the receiving system: the host of the URL registered.
func webhookServerObject() object {
	return newObject().
		set("host", "{host}").
		set("protocol", "https").
		set("title", "A webhook's endpoint").
		set("description", "Not a server of motcua's: the system that receives the calls, at the URL an "+
			"administrator registered with POST /api/v1/webhooks (https; http and private addresses only where "+
			"MOTCUA_WEBHOOK_ALLOW_PRIVATE allows them).").
		set("variables", newObject().set("host", newObject().
			set("description", "The host (and port) of the URL registered.").
			set("examples", []string{"he-thong.example.vn"})))
}

// webhookChannelObject is the endpoint's URL, known only at run time: no address.
func webhookChannelObject(messages []webhookMessage) object {
	ms := newObject()
	for _, m := range messages {
		ms.set(m.typ, ref(pointer("components", "messages", m.typ)))
	}
	return newObject().
		set("address", null{}).
		set("title", "A webhook's URL").
		set("description", "The URL an administrator registered for a webhook (POST /api/v1/webhooks "+
			`{"url","events"}), known only at run time, so the channel has no address and its server is the `+
			"receiving system. It gets one call per event for each type it subscribed to: an exact type "+
			"(dossier.received), or every type of a family (dossier.*, shipment.*).").
		set("servers", []object{ref(pointer("servers", webhookServer))}).
		set("messages", ms)
}

// webhookOperation is intake calling the endpoints.
func webhookOperation(messages []webhookMessage) object {
	var refs []object
	for _, m := range messages {
		refs = append(refs, ref(pointer("channels", webhookChannel, "messages", m.typ)))
	}
	return newObject().
		set("action", "send").
		set("channel", ref(pointer("channels", webhookChannel))).
		set("title", "Call the webhooks").
		set("summary", "intake POSTs each event to every endpoint subscribed to its type.").
		set("description", "A call is done when answered with a 2xx status. Any other answer, or none in time, "+
			"is tried again after MOTCUA_WEBHOOK_RETRY_BASE (30 s by default), the delay doubling each time, at "+
			"least six tries, with the same webhook-id and a new timestamp and signature; an endpoint that fails "+
			"for a day is disabled. Its calls are logged (GET /api/v1/webhooks/{id}/deliveries) and each can be "+
			"sent again (POST /api/v1/webhooks/{id}/deliveries/{delivery_id}/retry).").
		set("bindings", newObject().set("http", newObject().set("method", "POST").set("bindingVersion", "0.3.0"))).
		set("tags", []object{ref(pointer("components", "tags", "intake"))}).
		set("messages", refs)
}

// The examples: a call of each family, as the product sends it, signed with the
// example secret.

var exampleAt = time.Date(2025, 12, 1, 9, 30, 0, 0, time.FixedZone("ICT", 7*3600))

// field is one member of a JSON object whose order matters: the signature is over
// the bytes.
type field struct {
	key   string
	value any // a string, an int or []field
}

func dossierExample(typ, status string) []object {
	if status != "received" { // the contract's example; its status code is 2
		return nil
	}
	return example("A desk received a dossier.", "0b9e3f5e-8c1d-5a39-9f7e-3d2f1c6a7b10", []field{
		{"type", typ}, {"timestamp", exampleAt.Format(time.RFC3339)},
		{"data", []field{{"code", "000.00.16.H19-251201-0001"}, {"status", status}, {"status_code", 2},
			{"office", "000.00.16.H19"}, {"at", exampleAt.Format(time.RFC3339)}}},
	})
}

func shipmentExample(typ, step string) []object {
	if step != "delivered" {
		return nil
	}
	return example("The post delivered at the desk a dossier it picked up.", "4c2a9e71-3b5d-5f08-8e6a-1d7c9b2f4a63", []field{
		{"type", typ}, {"timestamp", exampleAt.Format(time.RFC3339)},
		{"data", []field{{"code", "000.00.16.H19-251201-0001"}, {"tracking_number", "EE123456785VN"},
			{"event", step}, {"kind", "pickup"}, {"office", "000.30.16.H19"}, {"at", exampleAt.Format(time.RFC3339)}}},
	})
}

func testExample() []object {
	return example("An administrator tried an endpoint.", "9d1f6b3a-2e4c-4a7b-8f5d-6c0e1a2b3c4d", []field{
		{"type", testType}, {"timestamp", exampleAt.Format(time.RFC3339)},
		{"data", []field{{"webhook_id", "2b7c4e1d-8f3a-4c6b-9e2d-5a1f0b3c7d8e"}}},
	})
}

// example is a Message Example of a call with id and body, signed with the example
// secret at exampleAt.
func example(summary, id string, body []field) []object {
	raw := compact(body)
	ts := strconv.FormatInt(exampleAt.Unix(), 10)
	mac := hmac.New(sha256.New, exampleKey)
	mac.Write([]byte(id + "." + ts + "."))
	mac.Write(raw)
	sig := "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
	return []object{newObject().
		set("summary", summary).
		set("headers", newObject().set("webhook-id", id).set("webhook-timestamp", ts).set("webhook-signature", sig)).
		set("payload", asObject(body))}
}

// compact is body's compact JSON, members in order.
func compact(body []field) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range body {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(f.key)
		b.Write(k)
		b.WriteByte(':')
		switch v := f.value.(type) {
		case []field:
			b.Write(compact(v))
		default:
			j, err := json.Marshal(v)
			if err != nil {
				panic(err)
			}
			b.Write(j)
		}
	}
	b.WriteByte('}')
	return b.Bytes()
}

// asObject is body as a YAML mapping, members in order.
func asObject(body []field) object {
	o := newObject()
	for _, f := range body {
		if v, ok := f.value.([]field); ok {
			o.set(f.key, asObject(v))
			continue
		}
		o.set(f.key, f.value)
	}
	return o
}
