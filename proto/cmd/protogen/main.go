// Command protogen regenerates the Go code for the protobuf schemas of this
// module without protoc or buf: it compiles every .proto under
// <root>/motcua and writes each events.pb.go beside its schema.
//
// Usage, from the proto module directory:
//
//	go run ./cmd/protogen [-root .]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/motcua/motcua/proto/internal/codegen"
)

func main() {
	root := flag.String("root", ".", "proto root: the directory holding motcua/")
	flag.Parse()
	if flag.NArg() > 0 {
		*root = flag.Arg(0)
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
