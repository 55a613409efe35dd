package asyncapi

import (
	"fmt"
	"regexp"
	"strings"

	"google.golang.org/protobuf/reflect/protoreflect"
)

// A family is the events of one context on NATS: the JetStream stream that keeps them
// (services/platform/messaging/streams.go), the service that publishes them, the
// protobuf message each of them is, and the subject of each kind (as the publisher's
// events package builds it).
type family struct {
	// stream is the stream's name, subjects its subject space, about its description.
	stream, subjects, about string
	publisher               string
	message                 protoreflect.FullName
	// subject is the subject of every event, or, with "%s", of the events of one case
	// of the message's oneof kind, the case's name in place of "%s".
	subject string
	// cases name the subject of each case of the oneof kind where the subject does not
	// end with the case's name.
	cases map[string]string
}

// families are every event the product publishes on NATS but dead letters.
var families = []family{
	{stream: "DOSSIER", subjects: "dossier.>", about: "Events of dossiers, published by intake.",
		publisher: "intake", message: "motcua.dossier.v1.Event", subject: "dossier.v1.{dossier_id}.%s"},
	{stream: "POSTAL", subjects: "postal.>", about: "Events of shipments, published by postal.",
		publisher: "postal", message: "motcua.postal.v1.Event", subject: "postal.v1.{shipment_id}.%s"},
	{stream: "REFERENCE", subjects: "reference.>",
		about:     "Changes to reference data (offices, procedures, the calendar), published by intake.",
		publisher: "intake", message: "motcua.reference.v1.Event", cases: map[string]string{
			"calendar_year_set": "reference.v1.calendar.{year}",
			"office_saved":      "reference.v1.office.{office_code}",
			"sessions_ended":    "reference.v1.session.{username}",
		}},
	{stream: "CUSTODY", subjects: "custody.>",
		about:     "Heads of dossiers' custody chains, published by intake for other agencies to keep.",
		publisher: "intake", message: "motcua.custody.v1.Head", subject: "custody.v1.heads.{dossier_id}"},
	{stream: "NOTICE", subjects: "notice.>",
		about:     "Notices sent to citizens (what, how, when; never to whom), published by intake.",
		publisher: "intake", message: "motcua.notice.v1.Sent", subject: "notice.v1.{dossier_id}.sent"},
}

// deadLetters are the stream and subject of the messages a consumer could not apply.
var deadLetters = family{stream: "DEADLETTER", subjects: "deadletter.>",
	about: "Messages a consumer could not apply, kept for inspection and replay.", subject: "deadletter.{consumer}"}

// parameters are the variable parts of the subjects, by name.
var parameters = []struct {
	name, description, example string
}{
	{"dossier_id", "The dossier's id: intake's aggregate id, a UUID (not the dossier's code). " +
		"The events of one dossier are published under it in the order they happened.", "5a1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b"},
	{"shipment_id", "The shipment's id, a UUID (for pickup_asked, the id of the citizen's request). " +
		"The events of one shipment are published under it in the order they happened.", "7f3e2a10-9b8c-4d6e-a5f4-3b2c1d0e9f8a"},
	{"office_code", "The office's agency code. Its dots make it several tokens of the subject: " +
		"filter with reference.v1.office.>.", "000.00.16.H19"},
	{"year", "The year whose calendar was set.", "2026"},
	{"username", "The staff account whose sessions ended.", "desk1"},
	{"consumer", "The durable consumer that could not apply the message.", "status-dossiers"},
}

// channel is one subject pattern, with the one message published there.
type channel struct {
	key, address, description string
	// publishers are the services that publish it; stream keeps it.
	publishers []string
	stream     string
	message    object
}

// natsChannels lists the channel of every kind of event of every family, in the order
// of the families and of the cases of their oneof.
func natsChannels(messages map[protoreflect.FullName]protoreflect.MessageDescriptor) ([]channel, error) {
	var out []channel
	for _, f := range families {
		m, ok := messages[f.message]
		if !ok {
			return nil, fmt.Errorf("asyncapi: no message %s in the schemas", f.message)
		}
		kind := m.Oneofs().ByName("kind")
		if kind == nil {
			out = append(out, natsChannel(f, f.subject, m, nil))
			continue
		}
		for i := 0; i < kind.Fields().Len(); i++ {
			c := kind.Fields().Get(i)
			subject, ok := f.cases[string(c.Name())]
			switch {
			case ok:
			case strings.Contains(f.subject, "%s"):
				subject = fmt.Sprintf(f.subject, c.Name())
			default:
				return nil, fmt.Errorf("asyncapi: %s's kind %s has no subject: name it in the families", f.message, c.Name())
			}
			out = append(out, natsChannel(f, subject, m, c))
		}
	}
	return out, nil
}

// natsChannel is the channel of the events of f published on subject: m, or, when c
// (a case of m's oneof kind) is given, those of m with c set.
func natsChannel(f family, subject string, m protoreflect.MessageDescriptor, c protoreflect.FieldDescriptor) channel {
	key := channelKey(subject)
	what, about, json := m, comment(m), schemaRef(f.message)
	where := fmt.Sprintf("Where %s publishes %s, on stream %s.", f.publisher, f.message, f.stream)
	if c != nil {
		what, about = c.Message(), comment(c.Message())
		if fc := comment(c); fc != "" {
			about = fc + "\n\n" + about
		}
		json = newObject().set("allOf", []object{json, newObject().set("required", []string{c.JSONName()})})
		where = fmt.Sprintf("Where %s publishes %s with %s set, on stream %s.", f.publisher, f.message, c.Name(), f.stream)
	}
	summary := firstSentence(about)
	if summary == oneLine(about) { // one sentence says it all
		about = ""
	}
	msg := newObject().
		set("name", key).
		set("title", string(what.Name())).
		set("summary", summary).
		set("description", about).
		set("payload", ref(pointer("components", "schemas", protobufKey(f.message)))).
		set("x-json-payload", json).
		set("traits", []object{ref(pointer("components", "messageTraits", "nats"))})
	return channel{key: key, address: subject, publishers: []string{f.publisher}, stream: f.stream, message: msg,
		description: where}
}

// deadLetterChannel is where every service's consumers copy a message they could not
// apply.
func deadLetterChannel() channel {
	h := newObject().set("type", "object").set("description",
		"The original message's headers (Nats-Msg-Id replaced), and why it was set aside.").
		set("properties", newObject().
			set("Nats-Msg-Id", newObject().set("type", "string").
				set("description", "<consumer>.<stream>.<stream sequence> of the original: the same message set aside twice is kept once.")).
			set("Motcua-Original-Subject", newObject().set("type", "string").set("description", "The subject it was published on.")).
			set("Motcua-Consumer", newObject().set("type", "string").set("description", "The durable consumer that could not apply it.")).
			set("Motcua-Stream", newObject().set("type", "string").set("description", "The stream that holds the original.")).
			set("Motcua-Stream-Sequence", newObject().set("type", "string").set("description", "The original's sequence number in that stream.")).
			set("Motcua-Error", newObject().set("type", "string").set("description", "Why it could not be applied.")))
	about := "A message a consumer could not apply: one that does not decode or lacks what it must carry, " +
		"or one that failed eight times. Its payload is the original's bytes, unchanged (a protobuf message of " +
		"the original subject's channel). Nothing of it was applied, so it can be replayed once the cause is fixed. " +
		"For the product's operators; kept 30 days."
	msg := newObject().
		set("name", "deadletter").
		set("title", "Dead letter").
		set("summary", firstSentence(about)).
		set("description", about).
		set("contentType", "application/x-protobuf").
		set("headers", h)
	return channel{key: "deadletter", address: deadLetters.subject, publishers: []string{"intake", "postal", "status"},
		stream: deadLetters.stream, message: msg,
		description: "Where every service's consumers set aside the messages they could not apply, on stream DEADLETTER."}
}

// natsTrait is what every event on NATS shares: its encoding and its id in the headers.
func natsTrait() object {
	return newObject().
		set("contentType", "application/x-protobuf").
		set("headers", newObject().set("type", "object").set("properties", newObject().
			set("Nats-Msg-Id", newObject().set("type", "string").set("format", "uuid").set("description",
				"The event's id (its event_id). JetStream keeps one copy of an event published again within "+
					"five minutes; a consumer takes each event once by this id."))))
}

// natsParameters are the Parameter Objects of the subjects.
func natsParameters() object {
	out := newObject()
	for _, p := range parameters {
		out.set(p.name, newObject().set("description", p.description).set("examples", []string{p.example}))
	}
	return out
}

// braces finds the parameters of a subject.
var braces = regexp.MustCompile(`\{([a-z_]+)\}`)

// channelParameters references the parameters of address; each must be one of
// parameters.
func channelParameters(address string) (object, error) {
	out := newObject()
	for _, m := range braces.FindAllStringSubmatch(address, -1) {
		known := false
		for _, p := range parameters {
			known = known || p.name == m[1]
		}
		if !known {
			return object{}, fmt.Errorf("asyncapi: %s: no parameter %s: describe it in parameters", address, m[1])
		}
		out.set(m[1], ref(pointer("components", "parameters", m[1])))
	}
	return out, nil
}

// channelKey names a subject's channel: the subject without its parameters
// ("dossier.v1.{dossier_id}.received" is dossier.v1.received).
func channelKey(subject string) string {
	var keep []string
	for _, t := range strings.Split(subject, ".") {
		if !strings.HasPrefix(t, "{") {
			keep = append(keep, t)
		}
	}
	return strings.Join(keep, ".")
}

// protobufKey names the protobuf schema (its .proto file) whose root is message.
func protobufKey(message protoreflect.FullName) string { return "protobuf." + string(message) }
