// Package codegen compiles the protobuf schemas of this module and runs
// protoc-gen-go's generator in-process, so the generated Go code can be
// produced without protoc or buf installed.
package codegen

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bufbuild/protocompile"
	"github.com/bufbuild/protocompile/linker"
	"github.com/bufbuild/protocompile/protoutil"
	gengo "google.golang.org/protobuf/cmd/protoc-gen-go/internal_gengo"
	"google.golang.org/protobuf/compiler/protogen"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/descriptorpb"
	"google.golang.org/protobuf/types/pluginpb"
)

// SchemaDir is the directory under the proto root that holds the schemas.
const SchemaDir = "motcua"

// Generate compiles every .proto file under root/motcua and returns the Go
// files protoc-gen-go would produce for them with paths=source_relative,
// keyed by slash-separated path relative to root.
func Generate(root string) (map[string][]byte, error) {
	names, err := ProtoFiles(root)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("codegen: no .proto files under %s", filepath.Join(root, SchemaDir))
	}
	req, err := request(root, names)
	if err != nil {
		return nil, err
	}
	return run(req)
}

// ProtoFiles lists the .proto files under root/motcua as sorted,
// slash-separated paths relative to root.
func ProtoFiles(root string) ([]string, error) {
	var names []string
	err := filepath.WalkDir(filepath.Join(root, SchemaDir), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".proto") {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		names = append(names, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("codegen: list schemas: %w", err)
	}
	sort.Strings(names)
	return names, nil
}

// Compile compiles every .proto file under root/motcua with its comments and returns
// the descriptors, sorted by path: what the event catalogue (docs/events) is written from.
func Compile(root string) ([]protoreflect.FileDescriptor, error) {
	names, err := ProtoFiles(root)
	if err != nil {
		return nil, err
	}
	files, err := compile(root, names)
	if err != nil {
		return nil, err
	}
	out := make([]protoreflect.FileDescriptor, len(files))
	for i, f := range files {
		out[i] = f
	}
	return out, nil
}

// compile compiles names (relative to root), keeping the source comments.
func compile(root string, names []string) (linker.Files, error) {
	comp := protocompile.Compiler{
		Resolver: protocompile.WithStandardImports(&protocompile.SourceResolver{
			ImportPaths: []string{root},
		}),
		SourceInfoMode: protocompile.SourceInfoStandard,
	}
	files, err := comp.Compile(context.Background(), names...)
	if err != nil {
		return nil, fmt.Errorf("codegen: compile: %w", err)
	}
	return files, nil
}

// request compiles names (relative to root) and builds the plugin request
// protoc would send, dependencies first.
func request(root string, names []string) (*pluginpb.CodeGeneratorRequest, error) {
	files, err := compile(root, names)
	if err != nil {
		return nil, err
	}
	req := &pluginpb.CodeGeneratorRequest{
		FileToGenerate: names,
		Parameter:      proto.String("paths=source_relative"),
	}
	seen := map[string]bool{}
	var add func(fd protoreflect.FileDescriptor)
	add = func(fd protoreflect.FileDescriptor) {
		if seen[fd.Path()] {
			return
		}
		seen[fd.Path()] = true
		imports := fd.Imports()
		for i := 0; i < imports.Len(); i++ {
			add(imports.Get(i).FileDescriptor)
		}
		req.ProtoFile = append(req.ProtoFile, protoutil.ProtoFromFileDescriptor(fd))
	}
	for _, f := range files {
		add(f)
	}
	return req, nil
}

// run executes protoc-gen-go's generator on req and collects its output.
func run(req *pluginpb.CodeGeneratorRequest) (map[string][]byte, error) {
	gen, err := protogen.Options{}.New(req)
	if err != nil {
		return nil, fmt.Errorf("codegen: %w", err)
	}
	for _, f := range gen.Files {
		if f.Generate {
			gengo.GenerateFile(gen, f)
		}
	}
	gen.SupportedFeatures = gengo.SupportedFeatures
	gen.SupportedEditionsMinimum = gengo.SupportedEditionsMinimum
	gen.SupportedEditionsMaximum = gengo.SupportedEditionsMaximum
	resp := gen.Response()
	if resp.Error != nil {
		return nil, fmt.Errorf("codegen: protoc-gen-go: %s", resp.GetError())
	}
	out := make(map[string][]byte, len(resp.File))
	for _, f := range resp.File {
		out[f.GetName()] = []byte(f.GetContent())
	}
	return out, nil
}

// Descriptors compiles every .proto file under root/motcua and returns their
// descriptors (without source info), sorted by path: what a compatibility check
// compares with an earlier release.
func Descriptors(root string) (*descriptorpb.FileDescriptorSet, error) {
	names, err := ProtoFiles(root)
	if err != nil {
		return nil, err
	}
	comp := protocompile.Compiler{Resolver: protocompile.WithStandardImports(&protocompile.SourceResolver{ImportPaths: []string{root}})}
	files, err := comp.Compile(context.Background(), names...)
	if err != nil {
		return nil, fmt.Errorf("codegen: compile: %w", err)
	}
	set := &descriptorpb.FileDescriptorSet{}
	for _, f := range files {
		set.File = append(set.File, protoutil.ProtoFromFileDescriptor(f))
	}
	return set, nil
}
