#!/usr/bin/env bash
# Starts and stops the platform's local PostgreSQL and Kafka (KRaft) with nothing but Debian packages and
# Maven Central: no Docker engine is needed.
#
#   deploy/stack.sh start [--fresh]   start (or reuse) PostgreSQL and Kafka; --fresh wipes their data first
#   deploy/stack.sh stop              stop both
#   deploy/stack.sh status
#
# Settings (environment): STACK_DIR (default .stack/run), PG_PORT (55432), KAFKA_PORT (59092; the KRaft
# controller listens on KAFKA_PORT+1).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STACK_DIR=${STACK_DIR:-$ROOT/.stack/run}
case "$STACK_DIR" in /*) ;; *) STACK_DIR=$ROOT/$STACK_DIR ;; esac
PG_PORT=${PG_PORT:-55432}
KAFKA_PORT=${KAFKA_PORT:-59092}
CONTROLLER_PORT=$((KAFKA_PORT + 1))
# topic:partitions:cleanup policy, as documented in the README. entries has one partition: a bib or chip freed by
# one entry is taken by another, so every consumer must see the entries in the order registration committed them.
TOPICS="races:1:compact entries:1:compact courses:1:compact chip-reads:6:delete runner-timings:6:compact"

log() { printf '[stack] %s\n' "$*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
  local port=$1 what=$2 tries=${3:-120}
  for _ in $(seq "$tries"); do
    port_open "$port" && return 0
    sleep 0.5
  done
  log "$what did not open port $port in time"
  return 1
}

# ---------------------------------------------------------------- PostgreSQL
pg_bin() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$initdb" ]; then
    if [ "$(id -u)" != 0 ]; then
      log "PostgreSQL server is missing: install the Debian package 'postgresql' (needs root)"
      exit 1
    fi
    log "installing PostgreSQL (Debian package)"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
  fi
  dirname "$initdb"
}

# PostgreSQL refuses to run as root: as root the cluster belongs to the postgres user and lives where that
# user can reach it, whatever folder the clone is in.
pg_dir() {
  if [ "$(id -u)" = 0 ]; then echo "/var/lib/postgresql/tpn-$PG_PORT"; else echo "$STACK_DIR/pg"; fi
}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

psql_admin() {
  "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"
}

pg_start() {
  BIN=$(pg_bin)
  local data
  data=$(pg_dir)/data
  if [ "${FRESH:-0}" = 1 ] && [ -d "$(pg_dir)" ]; then
    as_pg "$BIN/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$(pg_dir)"
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    log "creating PostgreSQL cluster in $data"
    mkdir -p "$(pg_dir)"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$(pg_dir)"
    as_pg "$BIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # loopback only; the test stack trades durability for speed (a crash there loses nothing of value)
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "port = $PG_PORT"
      echo "unix_socket_directories = '$(pg_dir)'"
      echo "max_connections = 200"
      if [ "${PG_FAST:-0}" = 1 ]; then
        echo "fsync = off"; echo "synchronous_commit = off"; echo "full_page_writes = off"
      fi
    } | as_pg tee -a "$data/postgresql.conf" >/dev/null
  fi
  if as_pg "$BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "PostgreSQL already running on port $PG_PORT"
  else
    as_pg "$BIN/pg_ctl" -D "$data" -l "$(pg_dir)/postgres.log" -w -t 60 start >/dev/null
    log "PostgreSQL started on port $PG_PORT"
  fi
  # one database and one owner per service: no service can read another's tables
  for svc in registration timing; do
    if [ -z "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$svc'")" ]; then
      psql_admin -c "CREATE ROLE $svc LOGIN PASSWORD '$svc'"
    fi
    if [ -z "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$svc'")" ]; then
      psql_admin -c "CREATE DATABASE $svc OWNER $svc"
      psql_admin -c "REVOKE ALL ON DATABASE $svc FROM PUBLIC"
    fi
  done
}

pg_stop() {
  local bin data
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  data=$(pg_dir)/data
  if [ -n "$bin" ] && [ -f "$data/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_pg "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    log "PostgreSQL stopped"
  fi
}

# ---------------------------------------------------------------- Kafka
KDIR=$STACK_DIR/kafka

kafka_classpath() {
  if [ ! -s "$KDIR/classpath.txt" ]; then
    log "resolving the Kafka broker from Maven Central"
    mvn -B -q -Dstyle.color=never -f "$ROOT/deploy/kafka/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$KDIR/classpath.txt" >&2
  fi
  cat "$KDIR/classpath.txt"
}

kafka_java() {
  java -Xms256m -Xmx1g -Dlog4j2.configurationFile="$ROOT/deploy/kafka/log4j2.properties" \
    -Dkafka.logs.dir="$KDIR" -cp "$CP" "$@"
}

kafka_running() {
  [ -f "$KDIR/broker.pid" ] && kill -0 "$(cat "$KDIR/broker.pid")" 2>/dev/null
}

# Creates the topics a new broker lacks and checks those it has: a topic kept from an older stack keeps its
# partitions, and the platform would run on a wrong contract. Every start checks, a broker already running too.
kafka_topics() {
  local spec topic partitions cleanup described
  for spec in $TOPICS; do
    IFS=: read -r topic partitions cleanup <<<"$spec"
    kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --create \
      --if-not-exists --topic "$topic" --partitions "$partitions" --replication-factor 1 \
      --config "cleanup.policy=$cleanup" --config retention.ms=-1 >/dev/null
  done
  described=$(kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --describe \
    --topic "$(for spec in $TOPICS; do printf '%s|' "${spec%%:*}"; done | sed 's/|$//')")
  for spec in $TOPICS; do
    IFS=: read -r topic partitions cleanup <<<"$spec"
    if ! grep -Eq "^Topic: $topic[[:space:]].*PartitionCount: $partitions[[:space:]]" <<<"$described"; then
      log "topic $topic does not have the $partitions partition(s) the platform needs: start again with --fresh"
      exit 1
    fi
  done
}

kafka_start() {
  if [ "${FRESH:-0}" = 1 ]; then
    kafka_stop
    rm -rf "$KDIR/data"
  fi
  mkdir -p "$KDIR"
  CP=$(kafka_classpath)
  if kafka_running; then
    log "Kafka already running on port $KAFKA_PORT"
    kafka_topics
    return
  fi
  if port_open "$KAFKA_PORT"; then
    log "port $KAFKA_PORT is taken by another program: set KAFKA_PORT"
    exit 1
  fi
  cat > "$KDIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KDIR/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  if [ ! -f "$KDIR/data/meta.properties" ]; then
    kafka_java kafka.tools.StorageTool format --standalone -t "$(kafka_java kafka.tools.StorageTool random-uuid)" \
      -c "$KDIR/server.properties" >/dev/null
  fi
  nohup java -Xms256m -Xmx1g -Dlog4j2.configurationFile="$ROOT/deploy/kafka/log4j2.properties" \
    -Dkafka.logs.dir="$KDIR" -cp "$CP" kafka.Kafka "$KDIR/server.properties" >"$KDIR/broker.out" 2>&1 &
  echo $! > "$KDIR/broker.pid"
  if ! wait_port "$KAFKA_PORT" Kafka; then
    tail -n 30 "$KDIR/broker.out" "$KDIR/broker.log" >&2 || true
    exit 1
  fi
  kafka_topics
  log "Kafka started on port $KAFKA_PORT (topics: $TOPICS)"
}

kafka_stop() {
  if kafka_running; then
    local pid
    pid=$(cat "$KDIR/broker.pid")
    kill "$pid"
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    log "Kafka stopped"
  fi
  rm -f "$KDIR/broker.pid"
}

case "${1:-}" in
  start)
    [ "${2:-}" = --fresh ] && FRESH=1
    mkdir -p "$STACK_DIR"
    pg_start
    kafka_start
    ;;
  stop)
    kafka_stop
    pg_stop
    ;;
  status)
    port_open "$PG_PORT" && echo "PostgreSQL: up on $PG_PORT" || echo "PostgreSQL: down"
    kafka_running && echo "Kafka: up on $KAFKA_PORT" || echo "Kafka: down"
    ;;
  *)
    echo "usage: $0 start [--fresh] | stop | status" >&2
    exit 2
    ;;
esac
