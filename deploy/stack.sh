#!/usr/bin/env bash
# Starts and stops the platform's local PostgreSQL and Kafka (KRaft) with nothing but Debian packages and
# Maven Central: no Docker engine is needed.
#
#   deploy/stack.sh start [--fresh]   start (or reuse) PostgreSQL and Kafka; --fresh wipes their data first
#   deploy/stack.sh stop              stop both
#   deploy/stack.sh status
#
#   deploy/stack.sh broker-stop N     stop Kafka node N alone (1 to KAFKA_BROKERS), for the failure drills
#   deploy/stack.sh broker-start N    start it again
#
# Settings (environment): STACK_DIR (default .stack/run), PG_PORT (55432), KAFKA_PORT (59092; the KRaft
# controller listens on KAFKA_PORT+1), KAFKA_BROKERS (1, or 3: three nodes on KAFKA_PORT, +2 and +4, each with its
# controller one port above; topics replicated three times, min.insync.replicas 2).
#
# Nothing is open without a password: PostgreSQL asks every connection for one (scram-sha-256), Kafka every client
# (SASL/SCRAM-SHA-512) and grants each account only its topics. The passwords are made here, for each fresh stack,
# into files only their owner reads (STACK_DIR/secrets):
#   services.env            the services' and the readers' passwords, as environment lines that run.sh and test.sh
#                           hand over: REGISTRATION_DB_PASSWORD, TIMING_DB_PASSWORD, RESULTS_DB_PASSWORD (results-web
#                           keeps its followers' passing alerts there), and <ACCOUNT>_KAFKA_PASSWORD
#                           for the Kafka accounts registration, timing, results and reader (mat gateways)
#   stack.env               the PostgreSQL superuser's and the Kafka admin's and broker's: this script's own
#   postgres.pgpass         the superuser's, for psql (PGPASSFILE)
#   kafka-admin.properties  the Kafka admin's, for Kafka's tools (--command-config)
#   kafka-reader.properties the readers' account, for the simulator (--kafka-config)
set -euo pipefail
# data, logs and secrets are their owner's alone
umask 077

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STACK_DIR=${STACK_DIR:-$ROOT/.stack/run}
case "$STACK_DIR" in /*) ;; *) STACK_DIR=$ROOT/$STACK_DIR ;; esac
PG_PORT=${PG_PORT:-55432}
KAFKA_PORT=${KAFKA_PORT:-59092}
CONTROLLER_PORT=$((KAFKA_PORT + 1))
# topic:partitions:cleanup policy, as documented in the README. entries has one partition: a bib or chip freed by
# one entry is taken by another, so every consumer must see the entries in the order registration committed them.
TOPICS="races:1:compact entries:1:compact courses:1:compact chip-reads:6:delete runner-timings:6:compact
  past-results:1:compact"
# One Kafka account per service and one for the readers (mat gateways, the simulator), and what each may do:
# account:operation:topic,topic[:consumer group]. Timing writes chip-reads too (its HTTP gateway for the devices, the
# volunteers' passages). results-web assigns itself its partitions and keeps no offsets: it needs no group.
# Registration reads runner-timings for the federations' results files, which need data only it holds.
KAFKA_ACCOUNTS="registration timing results reader"
KAFKA_ACLS="registration:Write:entries,races,past-results registration:Read:runner-timings:registration-service
  timing:Write:runner-timings,courses,chip-reads timing:Read:entries,chip-reads:timing-service
  results:Read:races,courses,entries,runner-timings,past-results reader:Write:chip-reads"

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

# ---------------------------------------------------------------- secrets
SECRETS=$STACK_DIR/secrets

new_password() { head -c 18 /dev/urandom | base64 | tr -d '/+='; }

# Makes the passwords of a fresh stack, or reads those of the stack kept; a stack kept from before they existed
# cannot be entered with them.
secrets() {
  if [ "${FRESH:-0}" = 1 ]; then
    rm -rf "$SECRETS"
  fi
  if [ ! -s "$SECRETS/stack.env" ]; then
    if [ "${FRESH:-0}" != 1 ] && { [ -f "$(pg_dir)/data/PG_VERSION" ] || [ -f "$(node_dir 1)/data/meta.properties" ]; }; then
      log "this stack's data has no passwords in $SECRETS: start again with --fresh"
      exit 1
    fi
    mkdir -p "$SECRETS"
    {
      echo "PG_SUPERUSER_PASSWORD=$(new_password)"
      echo "ADMIN_KAFKA_PASSWORD=$(new_password)"
      echo "BROKER_KAFKA_PASSWORD=$(new_password)"
      echo "CONTROLLER_KAFKA_PASSWORD=$(new_password)"
    } > "$SECRETS/stack.env"
    {
      echo "REGISTRATION_DB_PASSWORD=$(new_password)"
      echo "TIMING_DB_PASSWORD=$(new_password)"
      echo "RESULTS_DB_PASSWORD=$(new_password)"
      for account in $KAFKA_ACCOUNTS; do
        echo "$(tr a-z A-Z <<<"$account")_KAFKA_PASSWORD=$(new_password)"
      done
    } > "$SECRETS/services.env"
  fi
  # shellcheck source=/dev/null
  . "$SECRETS/stack.env"
  # a stack kept from before results-web had a database gets its password now
  if ! grep -q '^RESULTS_DB_PASSWORD=' "$SECRETS/services.env"; then
    echo "RESULTS_DB_PASSWORD=$(new_password)" >> "$SECRETS/services.env"
  fi
  # shellcheck source=/dev/null
  . "$SECRETS/services.env"
  printf '127.0.0.1:%s:*:postgres:%s\n' "$PG_PORT" "$PG_SUPERUSER_PASSWORD" > "$SECRETS/postgres.pgpass"
  local account password
  for account in admin reader; do
    password=$(tr a-z A-Z <<<"$account")_KAFKA_PASSWORD
    cat > "$SECRETS/kafka-$account.properties" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$account" password="${!password}";
PROPS
  done
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
  PGPASSFILE=$SECRETS/postgres.pgpass "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"
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
    # every connection, socket and loopback, gives its password; the superuser's goes through a file its owner
    # (postgres, as root) reads
    printf '%s\n' "$PG_SUPERUSER_PASSWORD" | as_pg tee "$(pg_dir)/initdb.pw" >/dev/null
    as_pg "$BIN/initdb" -D "$data" -U postgres -A scram-sha-256 --pwfile="$(pg_dir)/initdb.pw" -E UTF8 \
      --locale=C.UTF-8 >/dev/null
    rm -f "$(pg_dir)/initdb.pw"
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
  # one database and one owner per service: no service can read another's tables. Each start sets the password
  # services.env holds.
  local password
  for svc in registration timing results; do
    if [ -z "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$svc'")" ]; then
      psql_admin -c "CREATE ROLE $svc LOGIN"
    fi
    password=$(tr a-z A-Z <<<"$svc")_DB_PASSWORD
    # on standard input, never on a command line that anyone may list (the passwords are letters and digits)
    psql_admin <<<"ALTER ROLE $svc PASSWORD '${!password}'" >/dev/null
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
# One broker (the default) lives in KDIR itself; with KAFKA_BROKERS=3 each node (broker and controller in one
# process, the three controllers voting together) has its folder KDIR/<n>, client port KAFKA_PORT+2(n-1) and its
# controller's port above it. Topics are then replicated on all three and a write waits for two of them
# (min.insync.replicas 2), so one node may stop without losing or refusing anything.
KAFKA_BROKERS=${KAFKA_BROKERS:-1}
case "$KAFKA_BROKERS" in 1|3) ;; *) log "KAFKA_BROKERS is 1 or 3, not $KAFKA_BROKERS"; exit 2 ;; esac
KAFKA_MIN_ISR=$([ "$KAFKA_BROKERS" = 1 ] && echo 1 || echo 2)

node_dir() { if [ "$KAFKA_BROKERS" = 1 ]; then echo "$KDIR"; else echo "$KDIR/$1"; fi; }
node_port() { echo $((KAFKA_PORT + 2 * ($1 - 1))); }
# every node's client port, as clients take them (bootstrap.servers)
kafka_bootstrap() {
  local n list=
  for n in $(seq "$KAFKA_BROKERS"); do list+="${list:+,}127.0.0.1:$(node_port "$n")"; done
  echo "$list"
}

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

node_running() {
  local dir
  dir=$(node_dir "$1")
  [ -f "$dir/broker.pid" ] && kill -0 "$(cat "$dir/broker.pid")" 2>/dev/null
}

kafka_running() {
  local n
  for n in $(seq "$KAFKA_BROKERS"); do node_running "$n" && return 0; done
  return 1
}

# Creates the topics a new broker lacks and checks those it has: a topic kept from an older stack keeps its
# partitions, and the platform would run on a wrong contract. Grants each account its operations, nothing more:
# writing implies the idempotent producer's cluster right, reading or writing the right to describe the topic.
# Every start does both, a broker already running too, in one JVM (Kafka's tools take one topic or grant per run).
kafka_setup() {
  kafka_java "$ROOT/deploy/kafka/StackSetup.java" "$(kafka_bootstrap)" "$SECRETS/kafka-admin.properties" \
    "$TOPICS" "$KAFKA_ACLS" "$KAFKA_BROKERS" $([ "$KAFKA_BROKERS" = 1 ] || echo "$KAFKA_MIN_ISR") || exit 1
}

# A Kafka Uuid (16 random bytes, URL-safe base64 without padding), as `StorageTool random-uuid` prints it but
# without a JVM each; one starting with '-' would read as an option.
kafka_uuid() {
  local id
  while :; do
    id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
    [ "${id:0:1}" != - ] && { echo "$id"; return; }
  done
}

# Writes node n's settings. Clients sign in with SCRAM (their credentials live in the cluster's metadata, set at
# format time); the brokers and their controllers, on loopback, with PLAIN, since a controller cannot read SCRAM
# credentials from the metadata it serves. Only the admin and the brokers themselves are above the ACLs.
node_properties() {
  local n=$1 dir port controllers= i
  dir=$(node_dir "$n")
  port=$(node_port "$n")
  for i in $(seq "$KAFKA_BROKERS"); do controllers+="${controllers:+,}127.0.0.1:$(($(node_port "$i") + 1))"; done
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=$n
controller.quorum.bootstrap.servers=$controllers
listeners=CLIENT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$((port + 1))
advertised.listeners=CLIENT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=CLIENT
listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \
  username="broker" password="$BROKER_KAFKA_PASSWORD";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \
  username="broker" password="$CONTROLLER_KAFKA_PASSWORD" user_broker="$CONTROLLER_KAFKA_PASSWORD";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin;User:broker
allow.everyone.if.no.acl.found=false
log.dirs=$dir/data
num.partitions=3
offsets.topic.replication.factor=$KAFKA_BROKERS
transaction.state.log.replication.factor=$KAFKA_BROKERS
transaction.state.log.min.isr=$KAFKA_MIN_ISR
share.coordinator.state.topic.replication.factor=$KAFKA_BROKERS
share.coordinator.state.topic.min.isr=$KAFKA_MIN_ISR
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  if [ "$KAFKA_BROKERS" != 1 ]; then
    {
      echo "default.replication.factor=$KAFKA_BROKERS"
      echo "min.insync.replicas=$KAFKA_MIN_ISR"
      # a stopped node's partitions move their leadership at once, and back when it returns
      echo "unclean.leader.election.enable=false"
    } >> "$dir/server.properties"
  fi
}

# Formats every node's storage: one alone as its own quorum (--standalone), three as the three first voters,
# each node's metadata folder named by the directory id the voters' list gives it.
kafka_format() {
  local scram=() account password cluster voters= n
  for account in admin broker $KAFKA_ACCOUNTS; do
    password=$(tr a-z A-Z <<<"$account")_KAFKA_PASSWORD
    scram+=(--add-scram "SCRAM-SHA-512=[name=$account,password=${!password}]")
  done
  if [ "$KAFKA_BROKERS" = 1 ]; then
    kafka_java kafka.tools.StorageTool format --standalone -t "$(kafka_java kafka.tools.StorageTool random-uuid)" \
      -c "$KDIR/server.properties" "${scram[@]}" >/dev/null
    return
  fi
  cluster=$(kafka_uuid)
  for n in $(seq "$KAFKA_BROKERS"); do
    voters+="${voters:+,}$n@127.0.0.1:$(($(node_port "$n") + 1)):$(kafka_uuid)"
  done
  for n in $(seq "$KAFKA_BROKERS"); do
    [ -f "$(node_dir "$n")/data/meta.properties" ] && continue
    kafka_java kafka.tools.StorageTool format --initial-controllers "$voters" -t "$cluster" \
      -c "$(node_dir "$n")/server.properties" "${scram[@]}" >/dev/null &
  done
  wait
}

# Starts node n's process, its storage formatted already.
node_start() {
  local n=$1 dir port
  dir=$(node_dir "$n")
  port=$(node_port "$n")
  if node_running "$n"; then
    log "Kafka node $n already running on port $port"
    return
  fi
  if port_open "$port"; then
    log "port $port is taken by another program: set KAFKA_PORT"
    exit 1
  fi
  nohup java -Xms256m -Xmx1g -Dlog4j2.configurationFile="$ROOT/deploy/kafka/log4j2.properties" \
    -Dkafka.logs.dir="$dir" -cp "$CP" kafka.Kafka "$dir/server.properties" >"$dir/broker.out" 2>&1 &
  echo $! > "$dir/broker.pid"
}

node_await() {
  local dir
  dir=$(node_dir "$1")
  if ! wait_port "$(node_port "$1")" Kafka; then
    tail -n 30 "$dir/broker.out" "$dir/broker.log" >&2 || true
    exit 1
  fi
}

kafka_start() {
  local n
  if [ "${FRESH:-0}" = 1 ]; then
    kafka_stop
    for n in $(seq "$KAFKA_BROKERS"); do rm -rf "$(node_dir "$n")/data"; done
  fi
  mkdir -p "$KDIR"
  CP=$(kafka_classpath)
  if [ "$KAFKA_BROKERS" = 1 ] && kafka_running; then
    log "Kafka already running on port $KAFKA_PORT"
    kafka_setup
    return
  fi
  for n in $(seq "$KAFKA_BROKERS"); do
    mkdir -p "$(node_dir "$n")"
    node_running "$n" || node_properties "$n"
  done
  [ -f "$(node_dir 1)/data/meta.properties" ] || kafka_format
  for n in $(seq "$KAFKA_BROKERS"); do node_start "$n"; done
  for n in $(seq "$KAFKA_BROKERS"); do node_await "$n"; done
  kafka_setup
  if [ "$KAFKA_BROKERS" = 1 ]; then
    log "Kafka started on port $KAFKA_PORT (topics: $TOPICS; accounts: admin $KAFKA_ACCOUNTS)"
  else
    log "Kafka started: $KAFKA_BROKERS nodes on $(kafka_bootstrap) (topics: $TOPICS, replicated $KAFKA_BROKERS" \
      "times, min.insync.replicas $KAFKA_MIN_ISR; accounts: admin $KAFKA_ACCOUNTS)"
  fi
}

# Stops node n (TERM: it hands its partitions' leadership over first); kill -9 if it is not gone in 30 s.
node_stop() {
  local dir pid
  dir=$(node_dir "$1")
  if node_running "$1"; then
    pid=$(cat "$dir/broker.pid")
    kill "$pid"
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    [ "$KAFKA_BROKERS" = 1 ] && log "Kafka stopped" || log "Kafka node $1 stopped"
  fi
  rm -f "$dir/broker.pid"
}

kafka_stop() {
  local n
  # the last nodes of a quorum cannot hand anything over: they are stopped together rather than wait on each other
  for n in $(seq "$KAFKA_BROKERS"); do node_stop "$n" & done
  wait
}

# the one node named on the command line of broker-stop / broker-start (1 to KAFKA_BROKERS)
node_arg() {
  case "${1:-}" in
    [1-9]) [ "$1" -le "$KAFKA_BROKERS" ] && return ;;
  esac
  log "name a node from 1 to $KAFKA_BROKERS (KAFKA_BROKERS=$KAFKA_BROKERS)"
  exit 2
}

case "${1:-}" in
  start)
    [ "${2:-}" = --fresh ] && FRESH=1
    mkdir -p "$STACK_DIR"
    secrets
    pg_start
    kafka_start
    ;;
  stop)
    kafka_stop
    pg_stop
    ;;
  status)
    port_open "$PG_PORT" && echo "PostgreSQL: up on $PG_PORT" || echo "PostgreSQL: down"
    if [ "$KAFKA_BROKERS" = 1 ]; then
      kafka_running && echo "Kafka: up on $KAFKA_PORT" || echo "Kafka: down"
    else
      for n in $(seq "$KAFKA_BROKERS"); do
        node_running "$n" && echo "Kafka node $n: up on $(node_port "$n")" || echo "Kafka node $n: down"
      done
    fi
    ;;
  broker-stop)
    node_arg "${2:-}"
    node_stop "$2"
    ;;
  broker-start)
    node_arg "${2:-}"
    CP=$(kafka_classpath)
    node_start "$2"
    node_await "$2"
    log "Kafka node $2 started on port $(node_port "$2")"
    ;;
  *)
    echo "usage: $0 start [--fresh] | stop | status | broker-stop N | broker-start N" >&2
    exit 2
    ;;
esac
