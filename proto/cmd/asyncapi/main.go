// Command asyncapi writes the event catalogue, docs/events/asyncapi.yaml, from the
// protobuf schemas of this module: every NATS subject the product publishes and every
// webhook type, each with its schema (see internal/asyncapi).
//
// Usage, from the proto module directory (make proto runs it after protogen):
//
//	go run ./cmd/asyncapi [-root .] [-out ../docs/events/asyncapi.yaml]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/motcua/motcua/proto/internal/asyncapi"
)

func main() {
	root := flag.String("root", ".", "proto root: the directory holding motcua/")
	out := flag.String("out", filepath.Join("..", filepath.FromSlash(asyncapi.File)), "the document to write")
	flag.Parse()
	if err := write(*root, *out); err != nil {
		fmt.Fprintln(os.Stderr, "asyncapi:", err)
		os.Exit(1)
	}
}

func write(root, out string) error {
	doc, err := asyncapi.Generate(root)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(out, doc, 0o644); err != nil {
		return err
	}
	fmt.Println("wrote", out)
	return nil
}
