#!/usr/bin/env bash
# Builds the Kubernetes control plane the apply tests run against: kube-apiserver,
# kube-controller-manager, kube-scheduler and kubectl v1.36.3, and etcd v3.6.8, from Go modules
# (go.mod here is the wrapper that makes k8s.io/kubernetes buildable), once per machine.
#
# The binaries land in $OTEL_STACK_CACHE/kube-control-plane/<hash of go.mod, go.sum, etcd/main.go,
# this script and the Go version>/. stdout carries exactly one line, that directory, so callers can
# do dir=$(build.sh); all progress goes to stderr.
#
# If KUBEBUILDER_ASSETS is set (the envtest convention), the binaries are taken from there instead
# and nothing is built.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../../tools/lib/cache.sh"

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

# Go may not be on a non-login PATH; the toolchain lives in /usr/local/go on the dev image.
command -v go >/dev/null 2>&1 || export PATH="/usr/local/go/bin:$PATH"
command -v go >/dev/null 2>&1 || { echo "kube-control-plane: go is required to build the control plane" >&2; exit 1; }

# The Go version is part of the key: a new toolchain compiles different binaries.
key=$( (cat "$here/go.mod" "$here/go.sum" "$here/etcd/main.go" "$here/build.sh"; go env GOVERSION) | sha256sum | cut -c1-16)
dir="$OTEL_STACK_CACHE/kube-control-plane/$key"
if [ -f "$dir/.complete" ]; then
  echo "$dir"
  exit 0
fi

# Parallel test runs may all arrive cold; serialise them so only one pays for the build and
# the others pick up its result after the lock is released.
mkdir -p "$OTEL_STACK_CACHE/kube-control-plane"
exec 9>"$OTEL_STACK_CACHE/kube-control-plane/.$key.lock"
flock 9
if [ -f "$dir/.complete" ]; then
  echo "$dir"
  exit 0
fi

echo "kube-control-plane: building ${binaries[*]} into $dir (cold: ~15 min on 2 cores, once per machine)" >&2
start=$SECONDS
rm -rf "$dir.tmp"
mkdir -p "$dir.tmp"
# Kubernetes' own build stamps the version with -X (hack/lib/version.sh); without it the apiserver
# reports v0.0.0-master and Helm refuses charts whose kubeVersion asks for >= 1.x.
k8s_version=v1.36.3
ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags+=" -X $pkg.gitVersion=$k8s_version -X $pkg.gitMajor=1 -X $pkg.gitMinor=36 -X $pkg.gitTreeState=clean"
done
# One go build for all five shares the compilation of their common packages. CGO off gives static
# binaries; -trimpath keeps the cache path out of them; GOFLAGS from the caller is ignored so the
# key above describes the build completely.
(
  cd "$here"
  CGO_ENABLED=0 GOFLAGS= go build -trimpath -ldflags "$ldflags" -o "$dir.tmp/" \
    k8s.io/kubernetes/cmd/kube-apiserver \
    k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler \
    k8s.io/kubernetes/cmd/kubectl \
    ./etcd >&2
)
"$dir.tmp/kube-apiserver" --version >&2
"$dir.tmp/etcd" --version >&2
touch "$dir.tmp/.complete"
rm -rf "$dir"
mv "$dir.tmp" "$dir"
echo "kube-control-plane: cold build done in $((SECONDS - start)) s" >&2
echo "$dir"
