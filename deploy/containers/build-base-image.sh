#!/usr/bin/env bash
# Builds the base of every EMI Streams image, emi-streams/java-base:17-bookworm, when it is
# missing: Debian bookworm (minbase) with the OpenJDK 17 runtime and curl by debootstrap, imported
# as emi-streams/bootstrap-rootfs:bookworm (nothing is pulled from an image registry), plus
# java-base.Containerfile. ./emi images runs it; .ci/run starts it early, beside the Maven build.
# Idempotent, and runs one at a time (a lock).
# Usage: build-base-image.sh [WORK_DIR]   (needs root for debootstrap; EMI_CONTAINER_ENGINE, EMI_DEBIAN_MIRROR)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ENGINE="${EMI_CONTAINER_ENGINE:-podman}"
MIRROR="${EMI_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
WORK="${1:-$HERE/../../local-stack/target/images}"
BASE=emi-streams/java-base:17-bookworm
ROOTFS=emi-streams/bootstrap-rootfs:bookworm

mkdir -p "$WORK"
exec 9>"$WORK/.base-image.lock"
flock 9
"$ENGINE" image inspect "$BASE" >/dev/null 2>&1 && exit 0

if ! "$ENGINE" image inspect "$ROOTFS" >/dev/null 2>&1; then
  command -v debootstrap >/dev/null || { echo "debootstrap is missing; deploy/containers/setup-podman.sh installs it" >&2; exit 1; }
  echo "building the Debian base image with debootstrap (about 2 minutes, once)..."
  rootfs="$WORK/rootfs"
  rm -rf "$rootfs"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,curl bookworm "$rootfs" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
    || { tail -5 "$WORK/debootstrap.log" >&2; exit 1; }
  # podman import leaves an image read from a stream unnamed: tag it by the id it prints.
  id="$(tar -C "$rootfs" -c . | "$ENGINE" import -q - | tail -1)"
  "$ENGINE" tag "$id" "$ROOTFS"
  rm -rf "$rootfs"
fi

mkdir -p "$WORK/base-context"
format=(); [[ "$ENGINE" == *podman ]] && format=(--format docker)
"$ENGINE" build "${format[@]}" -q -f "$HERE/java-base.Containerfile" -t "$BASE" "$WORK/base-context" >/dev/null
echo "$BASE built"
