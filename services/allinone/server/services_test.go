package server

import (
	"context"
	"log/slog"
	"maps"
	"testing"

	"github.com/motcua/motcua/services/allinone/secrets"
	"github.com/motcua/motcua/services/platform/lifecycle"
	"github.com/motcua/motcua/services/platform/natstest"
	"github.com/motcua/motcua/services/platform/pgtest"
)

// startServices builds intake, status and postal as Run does (start, from one
// environment), on a database and a NATS server of the test's own and with fresh keys,
// in that order: intake, status, postal. Their workers are left to the test; the
// services are closed when it ends.
func startServices(t *testing.T) []lifecycle.Service {
	t.Helper()
	env := map[string]string{"DATABASE_URL": pgtest.NewDatabase(t, dbURL), "NATS_URL": natstest.Start(t).ClientURL(),
		"MOTCUA_HTTP_ADDR": "127.0.0.1:0", "MOTCUA_DATA_DIR": t.TempDir()}
	maps.Copy(env, secrets.Generate().Env())
	services, _, err := start(context.Background(), env, nil, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, s := range services {
			s.Close()
		}
	})
	return services
}
