#!/usr/bin/env bash
# Assembles a Terraform filesystem mirror with the providers otel-stack synthesizes against, plus
# a CLI config that installs each of them from the mirror when it holds it and from its registry
# otherwise, as Terraform normally does; once per machine.
#
# The mirror is what lets `terraform init` (tests, `cdktf get`) run with no registry at all: our
# development machines and CI reach none. On a user's machine without the project's shared
# folder the mirror holds fewer providers (often none), and the registry supplies the rest.
# The result lives in $OTEL_STACK_CACHE/tf-mirror/<key>/ (tools/lib/cache.sh's cache_build):
#   registry.terraform.io/<namespace>/<type>/<version>/<os>_<arch>/terraform-provider-<type>_v<version>
#   terraformrc     provider_installation: filesystem_mirror { include = the providers present }
#                   and direct { exclude = the same }
#   MISSING         the pinned providers the mirror lacks, one "namespace/type version" a line
#   bin/terraform   the Terraform CLI to run (a link to the one on PATH, or one built here)
# The key is the pins, which of them were found, the terraform used and the recipe (`declare -f
# build`), not this file: a comment edit rebuilds nothing. A partial mirror is a valid state (the
# registry supplies the rest) and stays in use until one of the binaries it lacks appears; that
# changes the key, and the mirror is assembled anew. A warm call is a few file tests. stdout
# carries exactly one line, the mirror directory; all progress goes to stderr.
# Moving onto cache_build changed this key once (it was the hash of this file): the mirror is
# assembled again once per machine, in about a second (hard links).
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
declare -A found=() # "namespace/type version" -> the binary to link
for line in "${providers[@]}"; do
  read -r source version <<<"$line"
  if f=$(find_provider "$source" "$version"); then found["$source $version"]=$f; fi
done

# Terraform itself: the one on PATH (skipping this folder's own wrapper), else the fallback
# release, built once into the cache.
tf=""
IFS=: read -r -a path_dirs <<<"$PATH"
for p in "${path_dirs[@]}"; do
  [ -n "$p" ] && [ "$(cd "$p" 2>/dev/null && pwd -P)" != "$(cd "$here" && pwd -P)" ] || continue
  if [ -x "$p/terraform" ] && [ ! -d "$p/terraform" ]; then tf="$p/terraform"; break; fi
done
if [ -z "$tf" ]; then
  build_terraform() {
    CGO_ENABLED=0 GOBIN="$1" go install -trimpath -ldflags "-s -w" \
      "github.com/hashicorp/terraform@$terraform_fallback"
  }
  echo "tf-mirror: no terraform on PATH; terraform $terraform_fallback from the cache (cold: several minutes)" >&2
  require_go tf-mirror
  tf=$(cache_build tools "terraform-$terraform_fallback" build_terraform terraform)
fi

build() {
  local dir=$1 line source version present=() missing=() list
  mkdir -p "$dir/bin"
  for line in "${providers[@]}"; do
    read -r source version <<<"$line"
    local pdir="$dir/registry.terraform.io/$source/$version/$platform"
    local from=${found["$source $version"]:-}
    if [ -n "$from" ]; then
      echo "tf-mirror: $source $version from $from"
      mkdir -p "$pdir"
      # Hard link when on the same filesystem (a 700 MB provider then costs nothing and survives
      # the source being deleted); copy otherwise.
      # The canonical name, without the _x5 protocol suffix, so tests can look for one file name.
      local dest="$pdir/terraform-provider-${source#*/}_v${version}"
      ln -f "$from" "$dest" 2>/dev/null || cp -f "$from" "$dest"
      present+=("$source")
    else
      missing+=("$source $version")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    # Not fatal: terraform init installs these from their registry.
    echo "tf-mirror: WARNING: no local binary for:"
    printf '  %s\n' "${missing[@]}"
    echo "  terraform init will install these from their registry. Where no registry is reachable,"
    echo "  put terraform-provider-<type>_v<version> under <root>/registry.terraform.io/<namespace>/<type>/<version>/$platform/"
    echo "  in one of the roots searched or in a root listed in OTEL_STACK_TF_PLUGIN_DIRS (colon separated)"
    echo "  searched: ${search_roots[*]:-(no plugin directories exist)}"
    printf '%s\n' "${missing[@]}" >"$dir/MISSING"
  fi
  ln -sfn "$tf" "$dir/bin/terraform"
  echo "tf-mirror: terraform is $tf ($(env -u TF_CLI_CONFIG_FILE CHECKPOINT_DISABLE=1 "$tf" version | sed -n 1p))"
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
  } >"$dir/terraformrc"
}
# The key holds which pinned providers were found and which terraform runs, so a partial mirror
# is kept until one of the binaries it lacks appears, and is then assembled anew under a new key.
# terraformrc names the mirror's own path, so it is built in place.
key=$( {
  printf '%s\n' "${providers[@]}" "$platform" "$tf" "${!found[@]}" | sort
  declare -f build
} | cache_key)
CACHE_IN_PLACE=1 cache_build tf-mirror "$key" build
