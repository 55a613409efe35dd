package contract

import (
	"testing"

	"github.com/motcua/motcua/services/platform/pgtest"
)

// dbURL is this package's own database; each test's all-in-one makes one beside it.
var dbURL string

func TestMain(m *testing.M) { pgtest.Main(m, &dbURL) }
