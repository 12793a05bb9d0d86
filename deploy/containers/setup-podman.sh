#!/usr/bin/env bash
# Installs and configures Debian's podman so that it runs OCI containers on a machine without a
# Docker engine (the CI machine, a developer's VM), and serves its Docker-compatible API for
# Testcontainers. Idempotent; needs root. Why each setting: crun refuses a hybrid cgroup layout, so
# runc with cgroupfs; podman's default rlimits are above the hard limits of such machines; the
# journald events logger needs systemd.
set -euo pipefail

SOCKET="${EMI_PODMAN_SOCKET:-/run/podman/podman.sock}"

missing=()
for tool in podman runc debootstrap; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc debootstrap >/dev/null
fi

CONF=/etc/containers/containers.conf
if ! grep -q 'runtime = "runc"' "$CONF" 2>/dev/null; then
  mkdir -p /etc/containers
  hard_nofile="$(ulimit -Hn)"; hard_nproc="$(ulimit -Hu)"
  nofile=$(( hard_nofile == 0 || hard_nofile > 20000 ? 20000 : hard_nofile ))
  [[ "$hard_nofile" == unlimited ]] && nofile=20000
  nproc=4096; [[ "$hard_nproc" != unlimited && "$hard_nproc" -lt 4096 ]] && nproc="$hard_nproc"
  cat > "$CONF" <<CONF
# Written by deploy/containers/setup-podman.sh (EMI Streams).
[containers]
default_ulimits = ["nofile=${nofile}:${nofile}", "nproc=${nproc}:${nproc}"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
fi

# The Docker-compatible API socket that Testcontainers talks to.
if ! curl -fsS --unix-socket "$SOCKET" http://d/v1.41/version >/dev/null 2>&1; then
  mkdir -p "$(dirname "$SOCKET")"
  # Started from / : the service and the conmon processes it forks inherit its working directory, and
  # a deleted one (a CI clone removed before the next run) makes every container create fail with
  # "write child: broken pipe".
  (cd / && nohup podman system service --time=0 "unix://$SOCKET" >/var/log/emi-podman-service.log 2>&1 &)
  for _ in $(seq 50); do
    curl -fsS --unix-socket "$SOCKET" http://d/v1.41/version >/dev/null 2>&1 && break
    sleep 0.2
  done
fi
curl -fsS --unix-socket "$SOCKET" http://d/v1.41/version >/dev/null \
  || { echo "setup-podman: the podman API socket $SOCKET does not answer; see /var/log/emi-podman-service.log" >&2; exit 1; }
echo "podman $(podman --version | awk '{print $3}') ready; Docker API on unix://$SOCKET"
