#!/usr/bin/env bash
# Installs what noc needs on a fresh Debian machine with Node 20, then builds it.
# Idempotent and quick when everything is already there; both README commands call it.
#   scripts/setup.sh            runtime + test services
#   scripts/setup.sh --bench    also the peers the benchmarks compare against
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(influxdb snmpd snmp snmpsim iputils-ping fping curl openssl iproute2 poppler-utils fonts-dejavu-core)
if [[ "${1:-}" == "--bench" ]]; then packages+=(prometheus-snmp-exporter procps); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "noc setup: missing Debian packages: ${missing[*]}" >&2
    echo "           run as root, or: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "noc setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Services must not start on their own: noc starts private instances on loopback.
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  rm -f /usr/sbin/policy-rc.d
fi

# npm packages, only when package-lock.json changed since the last install.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "noc setup: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

npm run --silent build
