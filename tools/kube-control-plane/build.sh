#!/usr/bin/env bash
# Builds the Kubernetes control plane the apply tests run against: kube-apiserver,
# kube-controller-manager, kube-scheduler and kubectl v1.36.3, and etcd v3.6.8, from Go modules
# (go.mod here is the wrapper that makes k8s.io/kubernetes buildable), once per machine.
#
# The binaries land in $OTEL_STACK_CACHE/kube-control-plane/<key of go.mod, go.sum, etcd/main.go,
# the recipe and the Go version>/. stdout carries exactly one line, that directory, so callers can
# do dir=$(build.sh); all progress goes to stderr.
#
# If KUBEBUILDER_ASSETS is set (the envtest convention), the binaries are taken from there instead
# and nothing is built.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib/cache.sh"

binaries=(etcd kube-apiserver kube-controller-manager kube-scheduler kubectl)

if [ -n "${KUBEBUILDER_ASSETS:-}" ]; then
  for b in "${binaries[@]}"; do
    [ -x "$KUBEBUILDER_ASSETS/$b" ] || {
      echo "kube-control-plane: KUBEBUILDER_ASSETS=$KUBEBUILDER_ASSETS has no executable $b (needs: ${binaries[*]})" >&2
      exit 1
    }
  done
  echo "$KUBEBUILDER_ASSETS"
  exit 0
fi

k8s_version=v1.36.3
build() {
  # Kubernetes' own build stamps the version with -X (hack/lib/version.sh); without it the
  # apiserver reports v0.0.0-master and Helm refuses charts whose kubeVersion asks for >= 1.x.
  local ldflags="-s -w" pkg
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags+=" -X $pkg.gitVersion=$k8s_version -X $pkg.gitMajor=1 -X $pkg.gitMinor=36 -X $pkg.gitTreeState=clean"
  done
  # One go build for all five shares the compilation of their common packages. CGO off gives
  # static binaries; -trimpath keeps the cache path out of them; GOFLAGS from the caller is
  # ignored so the key describes the build completely. Cold: ~15 min on 2 cores.
  (
    cd "$here"
    CGO_ENABLED=0 GOFLAGS= go build -trimpath -ldflags "$ldflags" -o "$1/" \
      k8s.io/kubernetes/cmd/kube-apiserver \
      k8s.io/kubernetes/cmd/kube-controller-manager \
      k8s.io/kubernetes/cmd/kube-scheduler \
      k8s.io/kubernetes/cmd/kubectl \
      ./etcd
  )
  "$1/kube-apiserver" --version
  "$1/etcd" --version
}
require_go kube-control-plane
# The Go version is part of the key: a new toolchain compiles different binaries.
cache_build kube-control-plane "$( {
  cat "$here/go.mod" "$here/go.sum" "$here/etcd/main.go"
  go env GOVERSION
  echo "$k8s_version"
  declare -f build
} | cache_key)" build
