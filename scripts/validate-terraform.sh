#!/usr/bin/env bash
# `npm run validate-terraform`: `terraform init -backend=false` + `terraform validate` on every
# synthesized stack in cdktf.out (or $CDKTF_OUTDIR). Needs a terraform binary and the AWS provider,
# so it is a maintainer's check, not part of `npm test`.
# Offline with only an older provider in a filesystem mirror, set AWS_PROVIDER_VERSION (e.g.
# 5.100.0): the pin is rewritten and data.aws_region's `region` (provider 6) read as `name`.
set -euo pipefail
outdir="${CDKTF_OUTDIR:-cdktf.out}"
command -v terraform >/dev/null || { echo "validate-terraform: no terraform binary on PATH" >&2; exit 2; }
[ -d "$outdir/stacks" ] || { echo "validate-terraform: $outdir/stacks not found; run npm run synth first" >&2; exit 2; }
status=0
for stack in "$outdir"/stacks/*/; do
  # Folders of stacks no longer in the config keep only their state: nothing to validate.
  [ -f "${stack}cdk.tf" ] || [ -f "${stack}cdk.tf.json" ] || continue
  work="$(mktemp -d)"
  for file in "$stack"cdk.tf "$stack"cdk.tf.json; do
    [ -f "$file" ] || continue
    if [ -n "${AWS_PROVIDER_VERSION:-}" ]; then
      sed -e "s/\"6.25.0\"/\"$AWS_PROVIDER_VERSION\"/; s/data\.aws_region\.current\.region/data.aws_region.current.name/g" "$file" > "$work/$(basename "$file")"
    else
      cp "$file" "$work/"
    fi
  done
  if (cd "$work" && terraform init -backend=false -input=false -no-color >/dev/null && terraform validate -no-color); then
    echo "ok      $stack"
  else
    echo "FAILED  $stack"
    status=1
  fi
  rm -rf "$work"
done
exit "$status"
