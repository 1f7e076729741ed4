#!/usr/bin/env bash
# The README's first command: installs what is needed, then starts the demo lab on loopback
# (InfluxDB with a private data directory, simulated devices, and the agent polling them).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node bin/noc.js demo "$@"
