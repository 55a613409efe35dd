// Package asyncapi writes the event catalogue, docs/events/asyncapi.yaml: an AsyncAPI
// 3.0 document of every NATS subject the product publishes and of every webhook type,
// so that another agency can subscribe without reading the code.
//
// The NATS side is written from the protobuf schemas: a channel per subject pattern
// (per case of an envelope's oneof kind, whose name ends the subject), its message's
// payload the .proto file itself (AsyncAPI's multi-format schema, protobuf 3), and
// beside it (x-json-payload) a JSON Schema of the message's protobuf JSON form written
// from the same descriptors, the schemas' comments as descriptions. Which stream keeps
// a family of events, which service publishes it and the shape of its subjects are
// the families of events.go: they say what the publishers build (services/intake/events,
// services/postal/events, platform's calendarsync and sessionsync), which this module
// cannot import, so a subject changed there is changed here too.
//
// The webhooks are the contract's: one channel, the URL an administrator registered
// (known only at run time, so without an address), on a server standing for the
// receiving system, sent with the http binding's POST; a message per type, its
// body's JSON Schema, and the Standard Webhooks headers as a message trait. This is
// AsyncAPI's own way to say "we call your URL" (servers, channels, operations and
// bindings that tools read), where an x- extension would be invisible to them.
package asyncapi

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"go.yaml.in/yaml/v3"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/motcua/motcua/proto/internal/codegen"
)

// File is where the document is kept, relative to the repository's root.
const File = "docs/events/asyncapi.yaml"

// protobufFormat is the schema format of a protobuf 3 schema in AsyncAPI.
const protobufFormat = "application/vnd.google.protobuf;version=3"

// header starts the document.
const header = "# The event catalogue of motcua, generated from proto/ by make proto\n" +
	"# (proto/cmd/asyncapi); do not edit it by hand.\n"

// Generate compiles the schemas under root (the proto module's directory) and
// returns the document.
func Generate(root string) ([]byte, error) {
	files, err := codegen.Compile(root)
	if err != nil {
		return nil, err
	}
	messages := map[protoreflect.FullName]protoreflect.MessageDescriptor{}
	enums := map[protoreflect.FullName]protoreflect.EnumDescriptor{}
	for _, f := range files {
		for i := 0; i < f.Messages().Len(); i++ {
			messages[f.Messages().Get(i).FullName()] = f.Messages().Get(i)
		}
		for i := 0; i < f.Enums().Len(); i++ {
			enums[f.Enums().Get(i).FullName()] = f.Enums().Get(i)
		}
	}
	channels, err := natsChannels(messages)
	if err != nil {
		return nil, err
	}
	channels = append(channels, deadLetterChannel())

	schemas := newObject()
	for _, fam := range families {
		src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(messages[fam.message].ParentFile().Path())))
		if err != nil {
			return nil, fmt.Errorf("asyncapi: %w", err)
		}
		schemas.set(protobufKey(fam.message), newObject().set("schemaFormat", protobufFormat).set("schema", string(src)))
	}
	if err := jsonSchemas(files, schemas); err != nil {
		return nil, err
	}
	if err := webhookSchemas(enums, schemas); err != nil {
		return nil, err
	}

	chans, ops, msgs := newObject(), newObject(), newObject()
	for _, c := range channels {
		params, err := channelParameters(c.address)
		if err != nil {
			return nil, err
		}
		chans.set(c.key, newObject().
			set("address", c.address).
			set("description", c.description).
			set("servers", []object{ref(pointer("servers", "nats"))}).
			set("parameters", params).
			set("messages", newObject().set(c.key, ref(pointer("components", "messages", c.key)))).
			set("tags", []object{ref(pointer("components", "tags", c.stream))}))
		var tags []object
		for _, p := range c.publishers {
			tags = append(tags, ref(pointer("components", "tags", p)))
		}
		ops.set("send."+c.key, newObject().
			set("action", "send").
			set("channel", ref(pointer("channels", c.key))).
			set("summary", fmt.Sprintf("%s publishes on %s.", list(c.publishers), c.address)).
			set("tags", tags).
			set("messages", []object{ref(pointer("channels", c.key, "messages", c.key))}))
		msgs.set(c.key, c.message)
	}
	hooks := webhookMessages()
	chans.set(webhookChannel, webhookChannelObject(hooks))
	ops.set("send."+webhookChannel, webhookOperation(hooks))
	for _, h := range hooks {
		msgs.set(h.typ, h.message)
	}

	doc := newObject().
		set("asyncapi", "3.0.0").
		set("info", info()).
		set("defaultContentType", "application/x-protobuf").
		set("servers", newObject().
			set("nats", natsServer()).
			set(webhookServer, webhookServerObject())).
		set("channels", chans).
		set("operations", ops).
		set("components", newObject().
			set("schemas", schemas).
			set("messages", msgs).
			set("parameters", natsParameters()).
			set("messageTraits", newObject().
				set("nats", natsTrait()).
				set("standardWebhooks", standardWebhooksTrait())).
			set("tags", tags()))

	var b bytes.Buffer
	b.WriteString(header)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc.node); err != nil {
		return nil, fmt.Errorf("asyncapi: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("asyncapi: %w", err)
	}
	return b.Bytes(), nil
}

func info() object {
	return newObject().
		set("title", "motcua events").
		set("version", "1.0.0").
		set("description", `The events motcua publishes, for other systems to follow: the subjects of its NATS JetStream streams, and the calls of the webhooks an administrator registers.

**NATS.** Every event is a protobuf message (proto3, binary), published once per change on a subject that names the aggregate (a dossier's or a shipment's id) and the kind of event, on one stream per context: DOSSIER (dossier.>), POSTAL (postal.>), REFERENCE (reference.>), CUSTODY (custody.>) and NOTICE (notice.>); DEADLETTER (deadletter.>) keeps what a consumer of the product could not apply. Follow a stream with a durable JetStream consumer of your own, filtered on the subjects you need (dossier.v1.*.received, postal.v1.>). The header Nats-Msg-Id is the event's id (event_id): take each event once by it. The events of one aggregate are published on its subjects in order, and its version numbers them. Subjects and packages carry v1: within v1 the schemas only grow (fields, kinds, enum values), so ignore what you do not know.

Each message's payload is its .proto file (schema format protobuf 3; the file's one root message is what is on the wire). Beside it, x-json-payload is the same message in the protobuf JSON mapping (lowerCamelCase names, 64-bit integers as strings, timestamps in RFC 3339, enums by name, bytes in base64), a JSON Schema written from the same descriptors with the schemas' comments.

**Webhooks.** Per the Standard Webhooks specification: a POST of JSON {"type","timestamp","data"} to the URL registered with POST /api/v1/webhooks, signed in the headers webhook-id, webhook-timestamp and webhook-signature, retried with the same id until answered 2xx. Types: dossier.<status> when a dossier reaches a status, shipment.<step> for each step of a shipment that carries a dossier or its result, and webhook.test. No personal data.

Danh mục sự kiện của motcua: các chủ đề NATS và các loại webhook mà hệ thống phát ra, kèm lược đồ dữ liệu của từng loại, để cơ quan, hệ thống khác đăng ký theo dõi.`)
}

func natsServer() object {
	return newObject().
		set("host", "nats.example.vn:4222").
		set("protocol", "nats").
		set("title", "NATS with JetStream").
		set("description", "A placeholder: nats://nats.example.vn:4222 stands for the NATS server of the "+
			"province's deployment; its operator gives another agency the address and an account that may "+
			"read the streams it follows.")
}

// tags are the streams (on channels) and the publishing services (on operations).
func tags() object {
	out := newObject()
	for _, f := range append(families[:len(families):len(families)], deadLetters) {
		out.set(f.stream, newObject().set("name", f.stream).set("description", fmt.Sprintf("Stream %s (%s): %s", f.stream, f.subjects, f.about)))
	}
	for _, s := range []struct{ name, about string }{
		{"intake", "Published by intake: dossiers, reference data, custody chains, notices, webhook calls."},
		{"postal", "Published by postal: shipments."},
		{"status", "Published by status: only the messages its consumers set aside."},
	} {
		out.set(s.name, newObject().set("name", s.name).set("description", s.about))
	}
	return out
}

// list joins names with commas and a final "and".
func list(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	out := names[0]
	for _, n := range names[1 : len(names)-1] {
		out += ", " + n
	}
	return out + " and " + names[len(names)-1]
}
