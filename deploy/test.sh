#!/usr/bin/env bash
# Runs every test against a real PostgreSQL and a real Kafka broker: starts a fresh test stack on its own
# ports (so a running demo is never touched), runs the Maven build, and stops the stack whatever happens.
# Extra arguments go to Maven, e.g. deploy/test.sh -pl timing-service -am
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export STACK_DIR=$ROOT/.stack/test
export PG_PORT=${TEST_PG_PORT:-55433}
export KAFKA_PORT=${TEST_KAFKA_PORT:-59192}
export TEST_PG_PORT=$PG_PORT TEST_KAFKA_PORT=$KAFKA_PORT
# nothing in a test database is worth an fsync
export PG_FAST=1
# the tests' events are in Paris, whatever zone this shell's demo uses (a test of another zone sets its own)
export EVENT_ZONE=Europe/Paris

# the browser tests drive Debian's Chromium and its driver (nothing downloads a browser of its own)
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" != 0 ]; then
    echo "[test] install the Debian packages chromium and chromium-driver first" >&2
    exit 1
  fi
  echo "[test] installing chromium and chromium-driver (Debian packages)" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2
fi

# a real Prometheus scrapes a test service (deploy/observability/prometheus.sh installs the Debian package as root)
if ! command -v prometheus >/dev/null || ! command -v promtool >/dev/null; then
  if [ "$(id -u)" != 0 ]; then
    echo "[test] install the Debian package prometheus first" >&2
    exit 1
  fi
  deploy/observability/prometheus.sh install
fi

# axe-core, the accessibility checker results-web's browser tests run in Chromium, from the npm registry: fetched
# once into a cache shared by every checkout, kept only if its sha512 is the one the registry's metadata gives, and
# handed to the tests as AXE_CORE_JS (the axe.core.js system property)
AXE_CORE_VERSION=4.14.1
AXE_CACHE=${TPN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tpn}/axe-core-$AXE_CORE_VERSION
export AXE_CORE_JS=$AXE_CACHE/axe.min.js
if [ ! -s "$AXE_CORE_JS" ]; then
  echo "[test] fetching axe-core $AXE_CORE_VERSION from the npm registry" >&2
  mkdir -p "$AXE_CACHE"
  registry=https://registry.npmjs.org/axe-core
  metadata=$(curl -fsS "$registry/$AXE_CORE_VERSION")
  integrity=$(sed -n 's/.*"integrity": *"\(sha512-[^"]*\)".*/\1/p' <<<"$metadata")
  tarball=$(mktemp)
  curl -fsS -o "$tarball" "$registry/-/axe-core-$AXE_CORE_VERSION.tgz"
  if [ -z "$integrity" ] || [ "sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)" != "$integrity" ]; then
    echo "[test] axe-core $AXE_CORE_VERSION does not match the registry's integrity ($integrity): not used" >&2
    rm -f "$tarball"
    exit 1
  fi
  tar -xzf "$tarball" -O package/axe.min.js >"$AXE_CORE_JS.part"
  mv "$AXE_CORE_JS.part" "$AXE_CORE_JS"
  rm -f "$tarball"
fi

trap 'deploy/stack.sh stop' EXIT
deploy/stack.sh start --fresh
# the stack's fresh passwords: the services' (<ACCOUNT>_KAFKA_PASSWORD, <SERVICE>_DB_PASSWORD), and the Kafka
# admin's, with which the tests play every producer (TopicProbe)
set -a
# shellcheck source=/dev/null
. "$STACK_DIR/secrets/services.env"
ADMIN_KAFKA_PASSWORD=$(sed -n 's/^ADMIN_KAFKA_PASSWORD=//p' "$STACK_DIR/secrets/stack.env")
set +a
mvn -B -Dstyle.color=never verify "$@"
