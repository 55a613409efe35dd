package asyncapi

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// object is a YAML mapping that keeps its keys in the order they were set, so the
// document reads in the order the specification describes it and regenerates byte for
// byte.
type object struct{ node *yaml.Node }

func newObject() object { return object{&yaml.Node{Kind: yaml.MappingNode}} }

// set adds key with v. A value that says nothing (an empty string, list or object) is
// left out, as JSON's omitempty would; false and 0 are kept.
func (o object) set(key string, v any) object {
	if n := toNode(v); n != nil {
		o.node.Content = append(o.node.Content, str(key), n)
	}
	return o
}

// empty reports whether nothing was set on o.
func (o object) empty() bool { return len(o.node.Content) == 0 }

// null is YAML's null: a value known to be absent (a channel's address known only at
// run time), which set keeps.
type null struct{}

// toNode is v as a YAML node, nil when v says nothing.
func toNode(v any) *yaml.Node {
	switch v := v.(type) {
	case nil:
		return nil
	case null:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	case string:
		if v == "" {
			return nil
		}
		return str(v)
	case int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(v)}
	case int64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(v, 10)}
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v)}
	case object:
		if v.empty() {
			return nil
		}
		return v.node
	case []string:
		items := make([]any, len(v))
		for i, s := range v {
			items[i] = s
		}
		return toNode(items)
	case []object:
		items := make([]any, len(v))
		for i, o := range v {
			items[i] = o
		}
		return toNode(items)
	case []any:
		if len(v) == 0 {
			return nil
		}
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, item := range v {
			n := toNode(item)
			if n == nil {
				panic(fmt.Sprintf("asyncapi: an empty item in a list: %#v", item))
			}
			seq.Content = append(seq.Content, n)
		}
		return seq
	}
	panic(fmt.Sprintf("asyncapi: no YAML for %T", v))
}

// str is s as a YAML string: quoted when it would otherwise read as a number, a date or
// a boolean, a literal block when it spans lines.
func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

// ref is a Reference Object to the JSON pointer ptr within the document.
func ref(ptr string) object { return newObject().set("$ref", ptr) }

// pointer joins the keys of a path into a JSON pointer within the document ("#/a/b"),
// escaping "~" and "/" as RFC 6901 says.
func pointer(keys ...string) string {
	var b strings.Builder
	b.WriteString("#")
	for _, k := range keys {
		b.WriteString("/")
		b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(k))
	}
	return b.String()
}
