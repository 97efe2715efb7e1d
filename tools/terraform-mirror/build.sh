#!/usr/bin/env bash
# Assembles an offline Terraform filesystem mirror with the providers otel-stack synthesizes
# against, plus a CLI config that installs only from it, once per machine.
#
# No Terraform registry is reachable from our machines, so `terraform init` must find every
# provider locally. The result lives in $OTEL_STACK_CACHE/tf-mirror/<hash of this script>/:
#   registry.terraform.io/<namespace>/<type>/<version>/<os>_<arch>/terraform-provider-<type>_v<version>
#   terraformrc     provider_installation { filesystem_mirror { ... } } and nothing else
#   bin/terraform   the Terraform CLI to run (a link to the one on PATH, or one built here)
# The pins below are the only inputs, so the hash of this file keys the directory and a warm
# call is one hash plus a few file tests. stdout carries exactly one line, the mirror directory;
# all progress goes to stderr.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib/cache.sh"

# namespace/type and version: the versions the pinned CDKTF bindings were generated for.
providers=(
  "hashicorp/aws         5.100.0"
  "hashicorp/kubernetes  2.38.0"
  "hashicorp/helm        3.1.1"
  "coralogix/coralogix   3.10.1"
)
# Only used when no terraform is on PATH; 1.5.7 is the last MPL-licensed release and is served
# as a normal Go module version.
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

# Where provider binaries sit: the project's shared mirror beside the checkout (providers built
# from their upstream tags), the machine's /opt/tf-plugins, the implicit local mirror
# directories Terraform itself searches on Linux, and any roots listed in
# OTEL_STACK_TF_PLUGIN_DIRS (colon separated). The provider repositories cannot be built here
# from source: the module proxy does not serve their release tags.
search_roots=()
IFS=: read -r -a extra <<<"${OTEL_STACK_TF_PLUGIN_DIRS:-}"
for r in "${extra[@]}" "$OTEL_STACK_SHARED/terraform-providers" /opt/tf-plugins \
  "$HOME/.terraform.d/plugins" "$HOME/.local/share/terraform/plugins" \
  /usr/local/share/terraform/plugins /usr/share/terraform/plugins; do
  [ -n "$r" ] && [ -d "$r" ] && search_roots+=("$r")
done

find_provider() { # namespace/type version -> prints the path of an existing binary, if any
  local source=$1 version=$2 root f
  for root in "${search_roots[@]}"; do
    # Official builds carry a protocol suffix (_x5); Terraform accepts either name.
    for f in "$root/registry.terraform.io/$source/$version/$platform/terraform-provider-${source#*/}_v${version}"{,_x5}; do
      if [ -f "$f" ] && [ -x "$f" ]; then echo "$f"; return 0; fi
    done
  done
  return 1
}

rm -rf "$dir.tmp"
mkdir -p "$dir.tmp/bin"
missing=()
for line in "${providers[@]}"; do
  read -r source version <<<"$line"
  pdir="$dir.tmp/registry.terraform.io/$source/$version/$platform"
  if found=$(find_provider "$source" "$version"); then
    echo "tf-mirror: $source $version from $found" >&2
    mkdir -p "$pdir"
    # Hard link when on the same filesystem (a 700 MB provider then costs nothing and survives
    # the source being deleted); copy otherwise.
    # The canonical name, without the _x5 protocol suffix, so tests can look for one file name.
    dest="$pdir/terraform-provider-${source#*/}_v${version}"
    ln -f "$found" "$dest" 2>/dev/null || cp -f "$found" "$dest"
  else
    missing+=("$source $version")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  # Not fatal: stacks that need only the providers present can still be validated. The mirror is
  # left without .complete, so the next call searches again and picks up a binary added since.
  {
    echo "tf-mirror: WARNING: no binary for:"
    printf '  %s\n' "${missing[@]}"
    echo "  searched: ${search_roots[*]:-(no plugin directories exist)}"
    echo "  put terraform-provider-<type>_v<version> under <root>/registry.terraform.io/<namespace>/<type>/<version>/$platform/"
    echo "  in one of those roots, or in a root listed in OTEL_STACK_TF_PLUGIN_DIRS"
  } >&2
  printf '%s\n' "${missing[@]}" >"$dir.tmp/MISSING"
fi

# Terraform itself: the one on PATH (skipping this folder's own wrapper), else build the
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
cat >"$dir.tmp/terraformrc" <<EOT
# Generated by tools/terraform-mirror/build.sh; offline provider installation only.
provider_installation {
  filesystem_mirror {
    path = "$dir"
  }
}
EOT
[ -f "$dir.tmp/MISSING" ] || touch "$dir.tmp/.complete"
rm -rf "$dir"
mv "$dir.tmp" "$dir"
echo "tf-mirror: ready in $((SECONDS - start)) s" >&2
echo "$dir"
