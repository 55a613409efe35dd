package trackcache

import (
	"reflect"
	"unsafe"
)

// entryOverhead is what an entry costs beyond its view: its list element, its two map
// slots and its expiry, roughly.
const entryOverhead = 256

// footprint is about how many bytes v holds: the size of its value plus, recursively,
// what its strings, slices and pointers point to. Views are trees (no value is shared),
// so nothing is counted twice.
func footprint(v any) int {
	rv := reflect.ValueOf(v)
	return int(rv.Type().Size()) + behind(rv)
}

// behind counts the bytes v points to, outside its own value.
func behind(v reflect.Value) int {
	switch v.Kind() {
	case reflect.String:
		return v.Len()
	case reflect.Slice:
		n := v.Cap() * int(v.Type().Elem().Size())
		for i := range v.Len() {
			n += behind(v.Index(i))
		}
		return n
	case reflect.Pointer:
		if v.IsNil() {
			return 0
		}
		return int(v.Elem().Type().Size()) + behind(v.Elem())
	case reflect.Struct:
		n := 0
		for i := range v.NumField() {
			n += behind(v.Field(i))
		}
		return n
	case reflect.Map:
		n := 0
		for it := v.MapRange(); it.Next(); {
			n += int(unsafe.Sizeof(uintptr(0)))*2 + int(it.Key().Type().Size()) + int(it.Value().Type().Size()) +
				behind(it.Key()) + behind(it.Value())
		}
		return n
	default:
		return 0
	}
}
