// Command intake runs the intake service alone: the desks and offices write dossiers
// here. Configuration comes from the environment (see README.md).
package main

import (
	"github.com/motcua/motcua/services/intake/service"
	"github.com/motcua/motcua/services/platform/lifecycle"
)

func main() { lifecycle.Main("intake", lifecycle.StarterOf(service.ReadConfig, service.New)) }
