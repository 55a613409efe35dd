// Command protogen regenerates the Go code for the protobuf schemas of this
// module without protoc or buf: it compiles every .proto under
// <root>/motcua and writes each events.pb.go beside its schema.
//
// Usage, from the proto module directory:
//
//	go run ./cmd/protogen [-root .]
//
// With -release FILE it writes instead the compiled descriptors of the schemas to FILE:
// the record of a release, which TestSchemasStayCompatible holds later schemas to.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"google.golang.org/protobuf/proto"

	"github.com/motcua/motcua/proto/internal/codegen"
)

func main() {
	root := flag.String("root", ".", "proto root: the directory holding motcua/")
	release := flag.String("release", "", "write the descriptors of the schemas to this file instead")
	flag.Parse()
	if flag.NArg() > 0 {
		*root = flag.Arg(0)
	}
	if *release != "" {
		if err := writeRelease(*root, *release); err != nil {
			fmt.Fprintln(os.Stderr, "protogen:", err)
			os.Exit(1)
		}
		return
	}
	if err := write(*root); err != nil {
		fmt.Fprintln(os.Stderr, "protogen:", err)
		os.Exit(1)
	}
}

// write generates the Go files for the schemas under root and writes them
// to disk, in a stable order.
func write(root string) error {
	files, err := codegen.Generate(root)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
		fmt.Println("wrote", name)
	}
	return nil
}

// writeRelease writes the descriptors of the schemas under root to file.
func writeRelease(root, file string) error {
	set, err := codegen.Descriptors(root)
	if err != nil {
		return err
	}
	b, err := proto.MarshalOptions{Deterministic: true}.Marshal(set)
	if err != nil {
		return err
	}
	return os.WriteFile(file, b, 0o644)
}
