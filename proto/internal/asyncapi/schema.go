package asyncapi

import (
	"fmt"
	"strings"
	"unicode"

	"google.golang.org/protobuf/reflect/protoreflect"
)

// timestamp is the one well-known type the schemas use; its JSON form is an RFC 3339
// string. Any other google.protobuf type stops the generator until it is given its form.
const timestamp protoreflect.FullName = "google.protobuf.Timestamp"

// jsonSchemas renders every message and enum declared in files (nested ones too) as a
// JSON Schema of its protobuf JSON form, keyed by full name in declaration order: the
// names of the protobuf JSON mapping (lowerCamelCase), 64-bit integers as strings,
// enums by name, bytes in base64, repeated fields as arrays, other messages by
// reference, and the comments of the schemas as descriptions.
func jsonSchemas(files []protoreflect.FileDescriptor, out object) error {
	var addMessages func(ms protoreflect.MessageDescriptors) error
	addEnums := func(es protoreflect.EnumDescriptors) {
		for i := 0; i < es.Len(); i++ {
			out.set(string(es.Get(i).FullName()), enumSchema(es.Get(i)))
		}
	}
	addMessages = func(ms protoreflect.MessageDescriptors) error {
		for i := 0; i < ms.Len(); i++ {
			m := ms.Get(i)
			if m.IsMapEntry() {
				continue
			}
			s, err := messageSchema(m)
			if err != nil {
				return err
			}
			out.set(string(m.FullName()), s)
			addEnums(m.Enums())
			if err := addMessages(m.Messages()); err != nil {
				return err
			}
		}
		return nil
	}
	for _, f := range files {
		if err := addMessages(f.Messages()); err != nil {
			return err
		}
		addEnums(f.Enums())
	}
	return nil
}

// schemaRef points at the JSON Schema of the message or enum named.
func schemaRef(name protoreflect.FullName) object {
	return ref(pointer("components", "schemas", string(name)))
}

// messageSchema is m's JSON form. Every field may be absent (the mapping leaves out
// default values); of a oneof, exactly one field is set, as every event the product
// publishes has its kind.
func messageSchema(m protoreflect.MessageDescriptor) (object, error) {
	props := newObject()
	fields := m.Fields()
	for i := 0; i < fields.Len(); i++ {
		s, err := fieldSchema(fields.Get(i))
		if err != nil {
			return object{}, err
		}
		props.set(fields.Get(i).JSONName(), s)
	}
	s := newObject().set("type", "object").set("description", comment(m)).set("properties", props)
	var choices [][]object
	oneofs := m.Oneofs()
	for i := 0; i < oneofs.Len(); i++ {
		o := oneofs.Get(i)
		if o.IsSynthetic() { // a proto3 optional field: presence, no choice
			continue
		}
		var alts []object
		for j := 0; j < o.Fields().Len(); j++ {
			alts = append(alts, newObject().set("required", []string{o.Fields().Get(j).JSONName()}))
		}
		choices = append(choices, alts)
	}
	switch len(choices) {
	case 0:
	case 1:
		s.set("oneOf", choices[0])
	default:
		all := make([]object, len(choices))
		for i, alts := range choices {
			all[i] = newObject().set("oneOf", alts)
		}
		s.set("allOf", all)
	}
	return s, nil
}

// fieldSchema is the JSON form of f, with f's comment.
func fieldSchema(f protoreflect.FieldDescriptor) (object, error) {
	desc := comment(f)
	switch {
	case f.IsMap():
		v, err := valueSchema(f.MapValue())
		if err != nil {
			return object{}, err
		}
		return newObject().set("type", "object").set("description", desc).set("additionalProperties", v), nil
	case f.IsList():
		v, err := valueSchema(f)
		if err != nil {
			return object{}, err
		}
		return newObject().set("type", "array").set("description", desc).set("items", v), nil
	}
	v, err := valueSchema(f)
	if err != nil {
		return object{}, err
	}
	if desc == "" {
		return v, nil
	}
	if isRef(v) {
		// A reference's siblings are ignored (JSON Schema draft 7): the description goes
		// beside an allOf of it instead.
		return newObject().set("description", desc).set("allOf", []object{v}), nil
	}
	return v.set("description", desc), nil
}

// valueSchema is the JSON form of one value of f (one item of a repeated field).
func valueSchema(f protoreflect.FieldDescriptor) (object, error) {
	s := newObject()
	switch f.Kind() {
	case protoreflect.MessageKind, protoreflect.GroupKind:
		m := f.Message()
		switch {
		case m.FullName() == timestamp:
			return s.set("type", "string").set("format", "date-time"), nil
		case m.ParentFile().Package() == "google.protobuf":
			return object{}, fmt.Errorf("asyncapi: %s: no JSON form for %s yet; add it to valueSchema", f.FullName(), m.FullName())
		}
		return schemaRef(m.FullName()), nil
	case protoreflect.EnumKind:
		return schemaRef(f.Enum().FullName()), nil
	case protoreflect.StringKind:
		return s.set("type", "string"), nil
	case protoreflect.BytesKind:
		return s.set("type", "string").set("contentEncoding", "base64"), nil
	case protoreflect.BoolKind:
		return s.set("type", "boolean"), nil
	case protoreflect.Int32Kind, protoreflect.Sint32Kind, protoreflect.Sfixed32Kind:
		return s.set("type", "integer").set("format", "int32"), nil
	case protoreflect.Uint32Kind, protoreflect.Fixed32Kind:
		return s.set("type", "integer").set("format", "uint32").set("minimum", 0), nil
	case protoreflect.Int64Kind, protoreflect.Sint64Kind, protoreflect.Sfixed64Kind:
		return s.set("type", "string").set("format", "int64").set("pattern", `^-?[0-9]+$`), nil
	case protoreflect.Uint64Kind, protoreflect.Fixed64Kind:
		return s.set("type", "string").set("format", "uint64").set("pattern", `^[0-9]+$`), nil
	case protoreflect.FloatKind:
		return s.set("type", "number").set("format", "float"), nil
	case protoreflect.DoubleKind:
		return s.set("type", "number").set("format", "double"), nil
	}
	return object{}, fmt.Errorf("asyncapi: %s: no JSON form for kind %s", f.FullName(), f.Kind())
}

// isRef reports whether s is a Reference Object.
func isRef(s object) bool {
	c := s.node.Content
	return len(c) == 2 && c[0].Value == "$ref"
}

// enumSchema is e's JSON form: the names of its values, each value's comment listed
// under e's.
func enumSchema(e protoreflect.EnumDescriptor) object {
	var names, notes []string
	values := e.Values()
	for i := 0; i < values.Len(); i++ {
		v := values.Get(i)
		names = append(names, string(v.Name()))
		if c := comment(v); c != "" {
			notes = append(notes, "- "+string(v.Name())+": "+oneLine(c))
		}
	}
	desc := comment(e)
	if len(notes) > 0 {
		desc += "\n\n" + strings.Join(notes, "\n")
	}
	return newObject().set("type", "string").set("description", strings.TrimSpace(desc)).set("enum", names)
}

// comment is the comment written above d in its .proto file (or after it, when
// nothing is above), without the comment markers.
func comment(d protoreflect.Descriptor) string {
	loc := d.ParentFile().SourceLocations().ByDescriptor(d)
	c := loc.LeadingComments
	if strings.TrimSpace(c) == "" {
		c = loc.TrailingComments
	}
	lines := strings.Split(c, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(strings.TrimPrefix(l, " "), " \t")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// oneLine is s with its line breaks as spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// firstSentence is the first sentence of s, on one line: up to a full stop followed by
// a capital letter (so "e.g. 000.00.16.H19" does not end it), or all of s.
func firstSentence(s string) string {
	s = oneLine(s)
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '.' && s[i+1] == ' ' && unicode.IsUpper(rune(s[i+2])) {
			return s[:i+1]
		}
	}
	return s
}
