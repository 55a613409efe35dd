package proto_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"

	"github.com/motcua/motcua/proto/internal/asyncapi"
	custodyv1 "github.com/motcua/motcua/proto/motcua/custody/v1"
	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	noticev1 "github.com/motcua/motcua/proto/motcua/notice/v1"
	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	referencev1 "github.com/motcua/motcua/proto/motcua/reference/v1"
	"github.com/motcua/motcua/proto/vocabulary"
)

// catalogue is the committed event catalogue, from the proto module's directory.
var catalogue = filepath.Join("..", filepath.FromSlash(asyncapi.File))

// TestEventCatalogueUpToDate fails when the committed catalogue differs from what the
// schemas produce.
func TestEventCatalogueUpToDate(t *testing.T) {
	want, err := asyncapi.Generate(".")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(catalogue)
	switch {
	case err != nil:
		t.Errorf("%s is missing (%v); run make proto (or go run ./cmd/asyncapi in proto/)", asyncapi.File, err)
	case !bytes.Equal(got, want):
		t.Errorf("%s differs from what the schemas produce; run make proto (or go run ./cmd/asyncapi in proto/)", asyncapi.File)
	}
}

// TestEventCatalogueNamesEverything: the catalogue is AsyncAPI 3.0 YAML whose every
// reference resolves; every kind of event the code can publish (each case of the oneof
// kind of an envelope, each message published whole) has its channel, on the subject
// its publisher builds; every webhook type has its message.
func TestEventCatalogueNamesEverything(t *testing.T) {
	doc := generated(t)
	for _, p := range catalogueProblems(doc) {
		t.Error(p)
	}
}

// TestCatalogueProblemsAreFound: the check finds a kind without its channel, a channel
// on another subject, a webhook type without its message and a reference to nothing.
func TestCatalogueProblemsAreFound(t *testing.T) {
	for name, spoil := range map[string]func(doc map[string]any){
		"a kind without its channel": func(doc map[string]any) {
			delete(at(doc, "channels"), "dossier.v1.admitted")
			delete(at(doc, "operations"), "send.dossier.v1.admitted")
		},
		"a kind on another subject": func(doc map[string]any) {
			at(doc, "channels", "postal.v1.recorded")["address"] = "postal.v1.{shipment_id}.step"
		},
		"a webhook type without its message": func(doc map[string]any) {
			delete(at(doc, "channels", "webhook", "messages"), "shipment.delivered")
		},
		"a reference to nothing": func(doc map[string]any) {
			delete(at(doc, "components", "schemas"), "motcua.dossier.v1.Ref")
		},
	} {
		doc := generated(t)
		spoil(doc)
		if len(catalogueProblems(doc)) == 0 {
			t.Errorf("%s is not found", name)
		}
	}
}

// TestEventCatalogueJSONSchemasFit: the JSON Schema of each NATS message takes the
// protobuf JSON form of that message with every field set, and refuses one of another
// shape; each webhook example fits its message's payload and headers.
func TestEventCatalogueJSONSchemasFit(t *testing.T) {
	doc := generated(t)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	if err := c.AddResource("asyncapi.json", asJSON(t, doc)); err != nil {
		t.Fatal(err)
	}
	compile := func(keys ...string) *jsonschema.Schema {
		t.Helper()
		s, err := c.Compile("asyncapi.json#/" + strings.Join(keys, "/"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	checked := 0
	for key, m := range at(doc, "components", "messages") {
		msg := m.(map[string]any)
		if _, ok := msg["x-json-payload"]; !ok {
			continue
		}
		name := strings.TrimPrefix(ref(msg["payload"]), "#/components/schemas/protobuf.")
		mt, err := protoregistry.GlobalTypes.FindMessageByName(protoreflect.FullName(name))
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		ev := mt.New()
		fill(ev)
		if c := casesOf(msg); len(c) == 1 {
			setField(ev, mt.Descriptor().Fields().ByJSONName(c[0]))
		}
		b, err := protojson.Marshal(ev.Interface())
		if err != nil {
			t.Fatal(err)
		}
		schema := compile("components", "messages", key, "x-json-payload")
		if err := schema.Validate(instance(t, b)); err != nil {
			t.Errorf("%s: the protobuf JSON form does not fit its schema: %v\n%s", key, err, b)
		}
		checked++
	}
	if checked < 20 {
		t.Errorf("only %d messages with a JSON Schema", checked)
	}

	received := compile("components", "messages", "dossier.v1.received", "x-json-payload")
	for _, bad := range []string{
		`{"eventId":"x"}`,                   // no kind
		`{"eventId":5,"received":{}}`,       // a string as a number
		`{"version":7,"received":{}}`,       // an int64 as a number, not a string
		`{"received":{},"refused":{}}`,      // two kinds
		`{"received":{"channel":"FAX"}}`,    // no such enum value
		`{"received":{"files":{"id":"x"}}}`, // one for many
	} {
		if received.Validate(instance(t, []byte(bad))) == nil {
			t.Errorf("dossier.v1.received takes %s", bad)
		}
	}

	headers := compile("components", "messageTraits", "standardWebhooks", "headers")
	examples := 0
	for typ := range at(doc, "channels", "webhook", "messages") {
		payload := compile("components", "messages", typ, "payload")
		list, _ := at(doc, "components", "messages", typ)["examples"].([]any)
		for _, e := range list {
			e := e.(map[string]any)
			if err := payload.Validate(asJSON(t, e["payload"])); err != nil {
				t.Errorf("%s: the example's payload does not fit: %v", typ, err)
			}
			if err := headers.Validate(asJSON(t, e["headers"])); err != nil {
				t.Errorf("%s: the example's headers do not fit: %v", typ, err)
			}
			examples++
		}
		wrong := map[string]any{"type": typ + "x", "timestamp": "2025-12-01T09:30:00+07:00", "data": map[string]any{}}
		if payload.Validate(asJSON(t, wrong)) == nil {
			t.Errorf("%s takes a call of another type", typ)
		}
	}
	if examples == 0 {
		t.Error("no webhook example")
	}
}

// envelopes are the messages whose oneof kind names the kind of event, with the
// subject of a kind where it ends with the kind's name ("" where the families name
// each subject).
var envelopes = []struct {
	message protoreflect.MessageDescriptor
	subject string
}{
	{(&dossierv1.Event{}).ProtoReflect().Descriptor(), "dossier.v1.{dossier_id}.%s"},
	{(&postalv1.Event{}).ProtoReflect().Descriptor(), "postal.v1.{shipment_id}.%s"},
	{(&referencev1.Event{}).ProtoReflect().Descriptor(), ""},
}

// whole are the messages published as they are, with their subjects.
var whole = []struct {
	message protoreflect.MessageDescriptor
	subject string
}{
	{(&custodyv1.Head{}).ProtoReflect().Descriptor(), "custody.v1.heads.{dossier_id}"},
	{(&noticev1.Sent{}).ProtoReflect().Descriptor(), "notice.v1.{dossier_id}.sent"},
}

// catalogueProblems lists what the catalogue doc lacks or gets wrong.
func catalogueProblems(doc map[string]any) []string {
	var out []string
	if doc["asyncapi"] != "3.0.0" {
		out = append(out, fmt.Sprintf("asyncapi is %v, want 3.0.0", doc["asyncapi"]))
	}
	walk(doc, func(r string) {
		if !strings.HasPrefix(r, "#/") || resolve(doc, r) == nil {
			out = append(out, "a reference to nothing: "+r)
		}
	})
	// published finds the address of the channel whose message is message, with the
	// case of JSON name kind set ("" for a message published whole).
	published := func(message protoreflect.FullName, kind string) (string, bool) {
		for _, ch := range at(doc, "channels") {
			ch := ch.(map[string]any)
			ms, _ := ch["messages"].(map[string]any)
			for _, m := range ms {
				msg, _ := resolve(doc, ref(m)).(map[string]any)
				if msg == nil || ref(msg["payload"]) != "#/components/schemas/protobuf."+string(message) {
					continue
				}
				if cases := casesOf(msg); kind == "" && len(cases) == 0 || slices.Equal(cases, []string{kind}) {
					address, _ := ch["address"].(string)
					return address, true
				}
			}
		}
		return "", false
	}
	for _, e := range envelopes {
		kind := e.message.Oneofs().ByName("kind")
		for i := 0; i < kind.Fields().Len(); i++ {
			f := kind.Fields().Get(i)
			address, ok := published(e.message.FullName(), f.JSONName())
			switch {
			case !ok:
				out = append(out, fmt.Sprintf("%s with %s set has no channel", e.message.FullName(), f.Name()))
			case e.subject != "" && address != fmt.Sprintf(e.subject, f.Name()):
				out = append(out, fmt.Sprintf("%s with %s set is on %s, want %s", e.message.FullName(), f.Name(),
					address, fmt.Sprintf(e.subject, f.Name())))
			}
		}
	}
	for _, w := range whole {
		if address, ok := published(w.message.FullName(), ""); !ok || address != w.subject {
			out = append(out, fmt.Sprintf("%s is on %q, want %s", w.message.FullName(), address, w.subject))
		}
	}
	var types []string
	for _, s := range vocabulary.Statuses() {
		types = append(types, "dossier."+s)
	}
	for _, s := range vocabulary.ShipmentStatuses() {
		types = append(types, "shipment."+s)
	}
	hooks, _ := at(doc, "channels", "webhook")["messages"].(map[string]any)
	for _, typ := range append(types, "webhook.test") {
		if _, ok := hooks[typ]; !ok {
			out = append(out, "the webhook type "+typ+" has no message")
		}
	}
	for name, op := range at(doc, "operations") {
		op := op.(map[string]any)
		channel := ref(op["channel"])
		ms, _ := op["messages"].([]any)
		for _, m := range ms {
			if !strings.HasPrefix(ref(m), channel+"/messages/") {
				out = append(out, fmt.Sprintf("operation %s sends %s, not a message of its channel %s", name, ref(m), channel))
			}
		}
	}
	return out
}

// casesOf are the cases of the oneof kind a NATS message's JSON Schema requires.
func casesOf(msg map[string]any) []string {
	j, _ := msg["x-json-payload"].(map[string]any)
	all, _ := j["allOf"].([]any)
	var out []string
	for _, s := range all {
		req, _ := s.(map[string]any)["required"].([]any)
		for _, r := range req {
			out = append(out, r.(string))
		}
	}
	return out
}

// generated is the catalogue the schemas produce, parsed as YAML.
func generated(t *testing.T) map[string]any {
	t.Helper()
	b, err := asyncapi.Generate(".")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("the catalogue is not YAML: %v", err)
	}
	return doc
}

// at is the object at keys of doc, empty when there is none.
func at(doc map[string]any, keys ...string) map[string]any {
	cur := doc
	for _, k := range keys {
		next, _ := cur[k].(map[string]any)
		if next == nil {
			return map[string]any{}
		}
		cur = next
	}
	return cur
}

// ref is the $ref of a Reference Object, "" for anything else.
func ref(v any) string {
	m, _ := v.(map[string]any)
	r, _ := m["$ref"].(string)
	return r
}

// resolve follows the local JSON pointer r in doc; nil when it leads nowhere.
func resolve(doc map[string]any, r string) any {
	var cur any = doc
	for _, k := range strings.Split(strings.TrimPrefix(r, "#/"), "/") {
		k = strings.NewReplacer("~1", "/", "~0", "~").Replace(k)
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		if cur, ok = m[k]; !ok {
			return nil
		}
	}
	return cur
}

// walk calls found with every $ref in v.
func walk(v any, found func(string)) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == "$ref" {
				found(s)
				continue
			}
			walk(x, found)
		}
	case []any:
		for _, x := range v {
			walk(x, found)
		}
	}
}

// asJSON is v (as decoded from YAML) as the JSON Schema validator reads JSON.
func asJSON(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return instance(t, b)
}

func instance(t *testing.T, b []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// fill sets every field of m outside its oneofs, each message in it filled too,
// each list with one item.
func fill(m protoreflect.Message) {
	fields := m.Descriptor().Fields()
	for i := 0; i < fields.Len(); i++ {
		if o := fields.Get(i).ContainingOneof(); o != nil && !o.IsSynthetic() {
			continue
		}
		setField(m, fields.Get(i))
	}
}

// setField sets f of m to a value other than its default.
func setField(m protoreflect.Message, f protoreflect.FieldDescriptor) {
	switch {
	case f.IsList():
		l := m.Mutable(f).List()
		if f.Message() != nil {
			e := l.NewElement()
			fill(e.Message())
			l.Append(e)
			return
		}
		l.Append(scalar(f))
	case f.IsMap():
		m.Mutable(f).Map().Set(protoreflect.ValueOfString("k").MapKey(), scalar(f.MapValue()))
	case f.Message() != nil && f.Message().FullName() == "google.protobuf.Timestamp":
		t := m.Mutable(f).Message()
		t.Set(t.Descriptor().Fields().ByName("seconds"), protoreflect.ValueOfInt64(1764556200))
	case f.Message() != nil:
		fill(m.Mutable(f).Message())
	default:
		m.Set(f, scalar(f))
	}
}

// scalar is a value of f's kind other than the default: for an enum, its last value.
func scalar(f protoreflect.FieldDescriptor) protoreflect.Value {
	switch f.Kind() {
	case protoreflect.StringKind:
		return protoreflect.ValueOfString("x")
	case protoreflect.BytesKind:
		return protoreflect.ValueOfBytes([]byte{1, 2, 3})
	case protoreflect.BoolKind:
		return protoreflect.ValueOfBool(true)
	case protoreflect.EnumKind:
		values := f.Enum().Values()
		return protoreflect.ValueOfEnum(values.Get(values.Len() - 1).Number())
	case protoreflect.Int32Kind, protoreflect.Sint32Kind, protoreflect.Sfixed32Kind:
		return protoreflect.ValueOfInt32(-7)
	case protoreflect.Uint32Kind, protoreflect.Fixed32Kind:
		return protoreflect.ValueOfUint32(7)
	case protoreflect.Int64Kind, protoreflect.Sint64Kind, protoreflect.Sfixed64Kind:
		return protoreflect.ValueOfInt64(-9007199254740993)
	case protoreflect.Uint64Kind, protoreflect.Fixed64Kind:
		return protoreflect.ValueOfUint64(9007199254740993)
	case protoreflect.FloatKind:
		return protoreflect.ValueOfFloat32(1.5)
	case protoreflect.DoubleKind:
		return protoreflect.ValueOfFloat64(1.5)
	}
	panic("no value for " + f.Kind().String())
}
