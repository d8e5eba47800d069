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

trap 'deploy/stack.sh stop' EXIT
deploy/stack.sh start --fresh
mvn -B -Dstyle.color=never verify "$@"
