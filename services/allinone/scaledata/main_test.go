package scaledata

import (
	"os"
	"testing"

	"github.com/motcua/motcua/services/allinone/cluster"
)

// bin are the services' programs, built once for the package: the loaded dossiers are
// checked through the services as they run.
var bin cluster.Binaries

func TestMain(m *testing.M) { os.Exit(cluster.RunTests(m, "scaledata", &bin)) }
