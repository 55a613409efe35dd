# motcua — the only commands a newcomer needs. See README.md.
GO      ?= go
BIN     := bin
STATICCHECK_VERSION := v0.8.2

.PHONY: build run test test-security test-faults bench bench-scale proto lint clean

## build: the all-in-one command and each service's own binary, into bin/
build:
	$(GO) build -o $(BIN)/motcua ./services/allinone/cmd/motcua
	$(GO) build -o $(BIN)/intake ./services/intake/cmd/intake
	$(GO) build -o $(BIN)/status ./services/status/cmd/status
	$(GO) build -o $(BIN)/postal ./services/postal/cmd/postal

## run: PostgreSQL (DATABASE_URL or a private cluster), embedded NATS, the services and demo data
run: build
	deploy/local/run.sh

## test: every test, starting the PostgreSQL it needs (NATS servers are started by the tests)
test:
	deploy/local/test.sh

## test-security: every route as every role (own office, another, missing), the lookup's
## lock and trusted proxies, then each fuzz target for FUZZTIME (default 20000 inputs)
test-security:
	deploy/local/test-security.sh

## test-faults: processes killed, the broker killed and frozen, PostgreSQL restarted under
## load; every acknowledged request reconciled (none lost, none twice), catch-up printed
test-faults:
	deploy/local/test-faults.sh

## bench: throughput, latency and memory, each beside a baseline measured in the same run
bench: build
	deploy/local/bench.sh $(ARGS)

## bench-scale: 10⁴, 10⁵ and 10⁶ dossiers loaded with COPY; at each, p50/p99 of lookups, work
## lists, searches, the year's dashboard and statistics, and each process's peak memory
## (ARGS="-sizes 10000,100000" for fewer)
bench-scale:
	deploy/local/bench-scale.sh $(ARGS)

## proto: regenerate the Go code of proto/ and the event catalogue (docs/events/asyncapi.yaml) from the schemas
proto:
	cd proto && $(GO) run ./cmd/protogen && $(GO) run ./cmd/asyncapi

## lint: gofmt, go vet and staticcheck over every module
lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' | grep -v '\.pb\.go$$'))" || { gofmt -l $$(git ls-files '*.go' | grep -v '\.pb\.go$$'); exit 1; }
	$(GO) vet $$(for m in $$($(GO) list -m -f '{{.Dir}}'); do echo $$m/...; done)
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) $$(for m in $$($(GO) list -m -f '{{.Dir}}'); do echo $$m/...; done)

clean:
	rm -rf $(BIN)
