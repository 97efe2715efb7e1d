// Command etcd is etcd v3.6.8's server, built from its Go module: etcd's own main package lives in
// a module (go.etcd.io/etcd/v3) that is not meant for `go install`, while etcdmain is the library
// entry point its main calls.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
