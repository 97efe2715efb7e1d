#!/usr/bin/env bash
# Assembles an offline Terraform filesystem mirror with the providers otel-stack synthesizes
# against, plus a CLI config that installs only from it, once per machine.
#
# No Terraform registry is reachable from our machines, so `terraform init` must find every
# provider locally. The result lives in $OTEL_STACK_CACHE/tf-mirror/<hash of this script>/:
#   registry.terraform.io/hashicorp/<type>/<version>/<os>_<arch>/terraform-provider-<type>_v<version>
#   terraformrc     provider_installation { filesystem_mirror { ... } } and nothing else
#   bin/terraform   the Terraform CLI to run (a link to the one on PATH, or one built here)
# The pins below are the only inputs, so the hash of this file keys the directory and a warm
# call is one hash plus a few file tests. stdout carries exactly one line, the mirror directory;
# all progress goes to stderr.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../../tools/lib/cache.sh"

# type  version  Go module  source pin (a canonical pseudo-version; "-" = none known yet)
# The provider repos tag v2+/v5+ releases without a /vN module suffix, so `go install mod@vX`
# is rejected and a release can only be installed by its commit. The Go module proxy our
# machines reach does not resolve raw commit hashes (it only serves canonical versions), so a
# pin has to be the pseudo-version of the tag's commit: <base>-0.<commit time UTC>-<12 hex>.
#   aws 5.100.0: commit f7a3b98da589ab1d52756b0dcee0dbf2de83d635, 2025-06-12T17:14:49Z (from the
#     vcs.revision/vcs.time build info of the official 5.100.0 binary). The proxy answered 403
#     for this version when it was checked, so without a local aws binary this build fails with
#     that error; it stays here because it is the correct pin once the proxy serves it.
#   kubernetes 2.38.0, helm 3.1.1: the tag commits are not known yet (see README), so these two
#     come only from a binary already on the machine.
providers=(
  "aws        5.100.0 github.com/hashicorp/terraform-provider-aws        v1.60.1-0.20250612171449-f7a3b98da589"
  "kubernetes 2.38.0  github.com/hashicorp/terraform-provider-kubernetes -"
  "helm       3.1.1   github.com/hashicorp/terraform-provider-helm       -"
)
# Only used when no terraform is on PATH; 1.5.7 is the last MPL-licensed release and is served
# as a normal module version.
terraform_fallback=v1.5.7

key=$(sha256sum "$here/build.sh" | cut -c1-16)
dir="$OTEL_STACK_CACHE/tf-mirror/$key"
# bin/terraform may point at a CLI outside the cache; if that disappeared, rebuild the link.
if [ -f "$dir/.complete" ] && [ -x "$dir/bin/terraform" ]; then
  echo "$dir"
  exit 0
fi

# Parallel callers serialise here so only one of them assembles the mirror.
mkdir -p "$OTEL_STACK_CACHE/tf-mirror"
exec 9>"$OTEL_STACK_CACHE/tf-mirror/.$key.lock"
flock 9
if [ -f "$dir/.complete" ] && [ -x "$dir/bin/terraform" ]; then
  echo "$dir"
  exit 0
fi

command -v go >/dev/null 2>&1 || export PATH="/usr/local/go/bin:$PATH"
case "$(uname -m)" in
  x86_64 | amd64) arch=amd64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "tf-mirror: unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac
platform="linux_$arch"
start=$SECONDS

# Where a provider binary may already sit on a machine: the dev image's /opt/tf-plugins, the
# implicit local mirror directories Terraform itself searches on Linux, the plugin cache, and
# any extra roots a machine lists in OTEL_STACK_TF_PLUGIN_DIRS (colon separated).
search_roots=()
IFS=: read -r -a extra <<<"${OTEL_STACK_TF_PLUGIN_DIRS:-}"
for r in "${extra[@]}" /opt/tf-plugins "$HOME/.terraform.d/plugins" "$HOME/.local/share/terraform/plugins" \
  /usr/local/share/terraform/plugins /usr/share/terraform/plugins "${TF_PLUGIN_CACHE_DIR:-}" \
  "$HOME/.terraform.d/plugin-cache"; do
  [ -n "$r" ] && [ -d "$r" ] && search_roots+=("$r")
done

find_provider() { # type version -> prints the path of an existing binary, if any
  local type=$1 version=$2 root f
  for root in "${search_roots[@]}"; do
    for f in "$root/registry.terraform.io/hashicorp/$type/$version/$platform/terraform-provider-${type}_v${version}"* \
      "$root/terraform-provider-${type}_v${version}"*; do
      case "$f" in *.zip | *.txt) continue ;; esac
      if [ -f "$f" ] && [ -x "$f" ]; then echo "$f"; return 0; fi
    done
  done
  return 1
}

# Hard link when the source is on the same filesystem (a 700 MB provider then costs nothing
# and survives the source being deleted); copy otherwise.
place() { ln -f "$1" "$2" 2>/dev/null || cp -f "$1" "$2"; }

# Each built provider gets its own cache entry so editing one pin in this script (which moves
# the mirror to a new hash) does not rebuild the others.
build_provider() { # type version module pin dest
  local type=$1 version=$2 module=$3 pin=$4 dest=$5
  local out="$OTEL_STACK_CACHE/tf-providers/$type-$version-$pin"
  if [ ! -f "$out/.complete" ]; then
    echo "tf-mirror: building $type $version from $module@$pin (cold: many minutes, once per machine)" >&2
    local t0=$SECONDS
    rm -rf "$out.tmp"
    mkdir -p "$out.tmp"
    # Both providers read main.Version (default "dev") and report it to Terraform, so stamp
    # the release number; -trimpath and a static binary keep the build reproducible.
    CGO_ENABLED=0 GOBIN="$out.tmp" \
      go install -trimpath -ldflags "-s -w -X main.Version=$version" "$module@$pin" >&2 || return 1
    # Called from an || list, where set -e is off: stop explicitly rather than cache a failure.
    mv "$out.tmp/terraform-provider-$type" "$out.tmp/terraform-provider-${type}_v${version}" || return 1
    touch "$out.tmp/.complete"
    rm -rf "$out"
    mv "$out.tmp" "$out"
    echo "tf-mirror: built $type $version in $((SECONDS - t0)) s" >&2
  fi
  place "$out/terraform-provider-${type}_v${version}" "$dest"
}

rm -rf "$dir.tmp"
mkdir -p "$dir.tmp/bin"
missing=()
for line in "${providers[@]}"; do
  read -r type version module pin <<<"$line"
  pdir="$dir.tmp/registry.terraform.io/hashicorp/$type/$version/$platform"
  dest="$pdir/terraform-provider-${type}_v${version}"
  mkdir -p "$pdir"
  if found=$(find_provider "$type" "$version"); then
    echo "tf-mirror: $type $version from $found" >&2
    place "$found" "$dest"
  elif [ "$pin" != "-" ]; then
    build_provider "$type" "$version" "$module" "$pin" "$dest" || missing+=("$type $version (build of $module@$pin failed)")
  else
    missing+=("$type $version (no binary found and no source pin)")
  fi
done
# A version directory without its binary would make init fail confusingly; drop it.
find "$dir.tmp/registry.terraform.io" -type d -empty -delete
if [ ${#missing[@]} -gt 0 ]; then
  # Not fatal: stacks that need only the providers present can still be validated. The mirror is
  # left without .complete, so the next call searches again and picks up a binary added since.
  {
    echo "tf-mirror: WARNING: cannot provide:"
    printf '  %s\n' "${missing[@]}"
    echo "  searched: ${search_roots[*]:-(no plugin directories exist)}"
    echo "  put terraform-provider-<type>_v<version> under <root>/registry.terraform.io/hashicorp/<type>/<version>/$platform/"
    echo "  in one of those roots (or a root listed in OTEL_STACK_TF_PLUGIN_DIRS), or pin a source pseudo-version in $here/build.sh"
  } >&2
  printf '%s\n' "${missing[@]}" >"$dir.tmp/MISSING"
fi

# Terraform itself: the one on PATH (skipping this module's own wrapper), else build the
# fallback release once into the cache.
tf=""
IFS=: read -r -a path_dirs <<<"$PATH"
for p in "${path_dirs[@]}"; do
  [ -n "$p" ] && [ "$(cd "$p" 2>/dev/null && pwd -P)" != "$(cd "$here" && pwd -P)" ] || continue
  if [ -x "$p/terraform" ] && [ ! -d "$p/terraform" ]; then tf="$p/terraform"; break; fi
done
if [ -z "$tf" ]; then
  tfdir="$OTEL_STACK_CACHE/tools/terraform-$terraform_fallback"
  if [ ! -f "$tfdir/.complete" ]; then
    echo "tf-mirror: no terraform on PATH; building terraform $terraform_fallback (cold: several minutes)" >&2
    rm -rf "$tfdir.tmp"
    mkdir -p "$tfdir.tmp"
    CGO_ENABLED=0 GOBIN="$tfdir.tmp" go install -trimpath -ldflags "-s -w" \
      "github.com/hashicorp/terraform@$terraform_fallback" >&2
    touch "$tfdir.tmp/.complete"
    rm -rf "$tfdir"
    mv "$tfdir.tmp" "$tfdir"
  fi
  tf="$tfdir/terraform"
fi
ln -sfn "$tf" "$dir.tmp/bin/terraform"
echo "tf-mirror: terraform is $tf ($(env -u TF_CLI_CONFIG_FILE CHECKPOINT_DISABLE=1 "$tf" version | sed -n 1p))" >&2

# The final path is written into the config, so render it for $dir, not $dir.tmp.
# Only the filesystem mirror is listed: with no `direct {}` block Terraform never tries a
# registry, so a missing provider fails fast with a clear message instead of a network timeout.
cat >"$dir.tmp/terraformrc" <<EOF
# Generated by modules/terraform-mirror/build.sh; offline provider installation only.
provider_installation {
  filesystem_mirror {
    path    = "$dir"
    include = ["registry.terraform.io/hashicorp/*"]
  }
}
EOF
[ -f "$dir.tmp/MISSING" ] || touch "$dir.tmp/.complete"
rm -rf "$dir"
mv "$dir.tmp" "$dir"
echo "tf-mirror: ready in $((SECONDS - start)) s" >&2
echo "$dir"
