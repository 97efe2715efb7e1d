#!/usr/bin/env bash
# Assembles a Terraform filesystem mirror with the providers otel-stack synthesizes against, plus
# a CLI config that installs each of them from the mirror when it holds it and from its registry
# otherwise, as Terraform normally does; once per machine.
#
# The mirror is what lets `terraform init` (tests, `cdktf get`) run with no registry at all: our
# development machines and CI reach none. On a user's machine without the project's shared
# folder the mirror holds fewer providers (often none), and the registry supplies the rest.
# The result lives in $OTEL_STACK_CACHE/tf-mirror/<hash of this script>/:
#   registry.terraform.io/<namespace>/<type>/<version>/<os>_<arch>/terraform-provider-<type>_v<version>
#   terraformrc     provider_installation: filesystem_mirror { include = the providers present }
#                   and direct { exclude = the same }
#   MISSING         the pinned providers the mirror lacks, one "namespace/type version" a line
#   bin/terraform   the Terraform CLI to run (a link to the one on PATH, or one built here)
# The pins below are the only inputs, so the hash of this file keys the directory. A complete
# mirror is marked .complete and a warm call is one hash plus a few file tests; a partial one
# also looks for its missing binaries again (a few more file tests) and is rebuilt only when one
# has appeared. stdout carries exactly one line, the mirror directory; all progress goes to
# stderr.
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

case "$(uname -m)" in
  x86_64 | amd64) arch=amd64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "tf-mirror: unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac
platform="linux_$arch"

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

# A partial mirror is a valid state (the registry supplies the rest) and stays in use until one
# of the binaries it lacks appears; only then is it assembled again, to link that one in.
current() {
  [ -x "$dir/bin/terraform" ] && [ -f "$dir/MISSING" ] || return 1
  local source version
  while read -r source version; do
    if find_provider "$source" "$version" >/dev/null; then return 1; fi
  done <"$dir/MISSING"
}
if current; then
  echo "$dir"
  exit 0
fi

# Parallel callers serialise here so only one of them assembles the mirror.
mkdir -p "$OTEL_STACK_CACHE/tf-mirror"
exec 9>"$OTEL_STACK_CACHE/tf-mirror/.$key.lock"
flock 9
if { [ -f "$dir/.complete" ] && [ -x "$dir/bin/terraform" ]; } || current; then
  echo "$dir"
  exit 0
fi

command -v go >/dev/null 2>&1 || export PATH="/usr/local/go/bin:$PATH"
start=$SECONDS

rm -rf "$dir.tmp"
mkdir -p "$dir.tmp/bin"
present=()
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
    present+=("$source")
  else
    missing+=("$source $version")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  # Not fatal: terraform init installs these from their registry. The mirror is left without
  # .complete, so later calls look for them again and a binary added since is linked in.
  {
    echo "tf-mirror: WARNING: no local binary for:"
    printf '  %s\n' "${missing[@]}"
    echo "  terraform init will install these from their registry. Where no registry is reachable,"
    echo "  put terraform-provider-<type>_v<version> under <root>/registry.terraform.io/<namespace>/<type>/<version>/$platform/"
    echo "  in one of the roots searched or in a root listed in OTEL_STACK_TF_PLUGIN_DIRS (colon separated)"
    echo "  searched: ${search_roots[*]:-(no plugin directories exist)}"
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
# The providers present come only from the mirror, even when all four are there: `direct`
# excludes them, so a version the mirror lacks fails init at once ("no available releases
# match") instead of quietly fetching a different build, and no call for them ever waits on a
# network. Every other provider installs from its registry, as Terraform normally does. With
# nothing present the mirror block is left out: an empty include would mean "every provider".
{
  echo "# Generated by tools/terraform-mirror/build.sh: the providers present from this mirror,"
  echo "# all others from their registry."
  echo "provider_installation {"
  if [ ${#present[@]} -gt 0 ]; then
    list=$(printf '"registry.terraform.io/%s", ' "${present[@]}")
    list=${list%, }
    echo "  filesystem_mirror {"
    echo "    path    = \"$dir\""
    echo "    include = [$list]"
    echo "  }"
    echo "  direct {"
    echo "    exclude = [$list]"
    echo "  }"
  else
    echo "  direct {}"
  fi
  echo "}"
} >"$dir.tmp/terraformrc"
[ -f "$dir.tmp/MISSING" ] || touch "$dir.tmp/.complete"
rm -rf "$dir"
mv "$dir.tmp" "$dir"
echo "tf-mirror: ready in $((SECONDS - start)) s" >&2
echo "$dir"
