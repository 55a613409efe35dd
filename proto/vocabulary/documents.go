package vocabulary

// documentKinds name the kinds of copy a document is handed in as.
var documentKinds = table{
	"original":       {"Bản chính", "Original"},
	"certified_copy": {"Bản sao chứng thực", "Certified copy"},
	"copy":           {"Bản sao", "Copy"},
}

// DocumentKind names the kind of copy a document is handed in as.
func DocumentKind(kind string) Words { return documentKinds.lookup(kind) }
