// Command postal runs the postal service alone: the road: shipments between citizens,
// desks and offices. Configuration comes from the environment (see README.md).
package main

import (
	"github.com/motcua/motcua/services/platform/lifecycle"
	"github.com/motcua/motcua/services/postal/service"
)

func main() { lifecycle.Main("postal", lifecycle.StarterOf(service.ReadConfig, service.New)) }
