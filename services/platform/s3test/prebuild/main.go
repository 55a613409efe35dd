// Command prebuild builds the S3 server that the tests run (SeaweedFS, see package
// s3test) into the user's cache unless it is there already, and prints its path. make
// test runs it before the tests, so that the first build on a machine, which takes
// minutes, does not count against a test package's time limit.
package main

import (
	"fmt"
	"os"

	"github.com/motcua/motcua/services/platform/s3test"
)

func main() {
	path, err := s3test.Binary()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(path)
}
