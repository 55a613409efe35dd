// Command status runs the status service alone: the read side that folds every event
// and answers citizens. Configuration comes from the environment (see README.md).
package main

import (
	"github.com/motcua/motcua/services/platform/lifecycle"
	"github.com/motcua/motcua/services/status/service"
)

func main() { lifecycle.Main("status", lifecycle.StarterOf(service.ReadConfig, service.New)) }
