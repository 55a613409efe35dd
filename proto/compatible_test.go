package proto_test

import (
	"fmt"
	"os"
	"slices"
	"testing"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/descriptorpb"

	"github.com/motcua/motcua/proto/internal/codegen"
)

// release is the record of the schemas as last released (go run ./cmd/protogen
// -release): the events already on the streams, and the services already running, speak
// it.
const release = "released/wave1.binpb"

// TestSchemasStayCompatible holds the schemas to what a running service and a stored
// event of the last release expect on the wire: no message, enum or field of the
// release is removed (a removed field's number and name are reserved), no field changes
// its number, type or cardinality, no enum value changes its number. Adding is free.
func TestSchemasStayCompatible(t *testing.T) {
	b, err := os.ReadFile(release)
	if err != nil {
		t.Fatal(err)
	}
	var old descriptorpb.FileDescriptorSet
	if err := proto.Unmarshal(b, &old); err != nil {
		t.Fatal(err)
	}
	now, err := codegen.Descriptors(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, problem := range breaking(&old, now) {
		t.Error(problem)
	}
}

// TestBreakingChangesAreFound: the check finds a field whose type changed, a field
// removed without reserving its number, and an enum value renumbered.
func TestBreakingChangesAreFound(t *testing.T) {
	now, err := codegen.Descriptors(".")
	if err != nil {
		t.Fatal(err)
	}
	changed := proto.Clone(now).(*descriptorpb.FileDescriptorSet)
	msg := changed.File[0].MessageType[0]
	msg.Field[0].Type = descriptorpb.FieldDescriptorProto_TYPE_BYTES.Enum()
	msg.Field = msg.Field[1:] // …and removed
	if len(breaking(now, changed)) == 0 {
		t.Error("a field removed without reserving its number is not found")
	}
	changed = proto.Clone(now).(*descriptorpb.FileDescriptorSet)
	changed.File[0].MessageType[0].Field[1].Type = descriptorpb.FieldDescriptorProto_TYPE_BYTES.Enum()
	if len(breaking(now, changed)) == 0 {
		t.Error("a field whose type changed is not found")
	}
	changed = proto.Clone(now).(*descriptorpb.FileDescriptorSet)
	for _, f := range changed.File {
		if len(f.EnumType) > 0 {
			f.EnumType[0].Value[1].Number = proto.Int32(99)
			break
		}
	}
	if len(breaking(now, changed)) == 0 {
		t.Error("an enum value renumbered is not found")
	}
	if p := breaking(now, now); len(p) != 0 {
		t.Errorf("the schemas break themselves: %v", p)
	}
}

// breaking lists what of old the new schemas no longer speak.
func breaking(old, now *descriptorpb.FileDescriptorSet) []string {
	messages, enums := index(now)
	var out []string
	var checkMessage func(prefix string, m *descriptorpb.DescriptorProto)
	checkMessage = func(prefix string, m *descriptorpb.DescriptorProto) {
		name := prefix + "." + m.GetName()
		cur, ok := messages[name]
		if !ok {
			out = append(out, fmt.Sprintf("message %s was removed", name))
			return
		}
		for _, f := range m.GetField() {
			nf := fieldByNumber(cur, f.GetNumber())
			switch {
			case nf == nil && !reserved(cur, f):
				out = append(out, fmt.Sprintf("field %s.%s (%d) was removed without reserving its number and name", name, f.GetName(), f.GetNumber()))
			case nf == nil:
			case nf.GetType() != f.GetType() || nf.GetTypeName() != f.GetTypeName():
				out = append(out, fmt.Sprintf("field %s.%s (%d) changed its type", name, f.GetName(), f.GetNumber()))
			case nf.GetLabel() != f.GetLabel():
				out = append(out, fmt.Sprintf("field %s.%s (%d) changed its cardinality", name, f.GetName(), f.GetNumber()))
			case nf.GetName() != f.GetName():
				out = append(out, fmt.Sprintf("field %s.%s (%d) was renamed %s (the JSON form changes)", name, f.GetName(), f.GetNumber(), nf.GetName()))
			case (nf.OneofIndex == nil) != (f.OneofIndex == nil):
				out = append(out, fmt.Sprintf("field %s.%s (%d) moved into or out of a oneof", name, f.GetName(), f.GetNumber()))
			}
		}
		for _, nested := range m.GetNestedType() {
			checkMessage(name, nested)
		}
		for _, e := range m.GetEnumType() {
			out = append(out, checkEnum(name, e, enums)...)
		}
	}
	for _, f := range old.GetFile() {
		prefix := "." + f.GetPackage()
		for _, m := range f.GetMessageType() {
			checkMessage(prefix, m)
		}
		for _, e := range f.GetEnumType() {
			out = append(out, checkEnum(prefix, e, enums)...)
		}
	}
	return out
}

func checkEnum(prefix string, e *descriptorpb.EnumDescriptorProto, enums map[string]*descriptorpb.EnumDescriptorProto) []string {
	name := prefix + "." + e.GetName()
	cur, ok := enums[name]
	if !ok {
		return []string{fmt.Sprintf("enum %s was removed", name)}
	}
	var out []string
	for _, v := range e.GetValue() {
		i := slices.IndexFunc(cur.GetValue(), func(n *descriptorpb.EnumValueDescriptorProto) bool { return n.GetName() == v.GetName() })
		switch {
		case i < 0 && !slices.Contains(cur.GetReservedName(), v.GetName()):
			out = append(out, fmt.Sprintf("enum value %s.%s was removed without reserving it", name, v.GetName()))
		case i >= 0 && cur.GetValue()[i].GetNumber() != v.GetNumber():
			out = append(out, fmt.Sprintf("enum value %s.%s changed its number", name, v.GetName()))
		}
	}
	return out
}

// index names every message and enum of set by its full name.
func index(set *descriptorpb.FileDescriptorSet) (map[string]*descriptorpb.DescriptorProto, map[string]*descriptorpb.EnumDescriptorProto) {
	messages, enums := map[string]*descriptorpb.DescriptorProto{}, map[string]*descriptorpb.EnumDescriptorProto{}
	var add func(prefix string, m *descriptorpb.DescriptorProto)
	add = func(prefix string, m *descriptorpb.DescriptorProto) {
		name := prefix + "." + m.GetName()
		messages[name] = m
		for _, n := range m.GetNestedType() {
			add(name, n)
		}
		for _, e := range m.GetEnumType() {
			enums[name+"."+e.GetName()] = e
		}
	}
	for _, f := range set.GetFile() {
		prefix := "." + f.GetPackage()
		for _, m := range f.GetMessageType() {
			add(prefix, m)
		}
		for _, e := range f.GetEnumType() {
			enums[prefix+"."+e.GetName()] = e
		}
	}
	return messages, enums
}

func fieldByNumber(m *descriptorpb.DescriptorProto, n int32) *descriptorpb.FieldDescriptorProto {
	for _, f := range m.GetField() {
		if f.GetNumber() == n {
			return f
		}
	}
	return nil
}

// reserved reports whether m reserves f's number and name.
func reserved(m *descriptorpb.DescriptorProto, f *descriptorpb.FieldDescriptorProto) bool {
	number := false
	for _, r := range m.GetReservedRange() {
		number = number || (f.GetNumber() >= r.GetStart() && f.GetNumber() < r.GetEnd())
	}
	return number && slices.Contains(m.GetReservedName(), f.GetName())
}
