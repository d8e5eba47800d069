#!/usr/bin/env bash
# Runs the platform locally: PostgreSQL, Kafka and the three services, then (unless --no-demo) a simulated race
# day on the sample event, played an hour of race time per minute. Ctrl-C stops everything.
#
#   deploy/run.sh                  fresh stack, services, simulated race
#   deploy/run.sh --no-demo        fresh stack and services only
#   deploy/run.sh --agents         the same race, each mat's reads through an emulated reader and its own mat agent
#                                  (journal, volunteer's page on 8090 and up, forwarding to the device gateway)
#   deploy/run.sh --keep-data      keep what the previous run stored (no simulated race: its runners exist already)
#   deploy/run.sh --simulate --official USER:PASSWORD --volunteer USER:PASSWORD [options]
#                                  only the simulator, against a platform already running, with the accounts
#                                  that run printed (options: --runners N --seed N --speed X; see SimulatorMain)
#
# Ports (environment): RESULTS_PORT 8080, REGISTRATION_PORT 8081, TIMING_PORT 8082, PG_PORT 55432, KAFKA_PORT 59092.
set -euo pipefail
# the services' logs (the demo's mails among them) and the passwords printed are their owner's alone
umask 077

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export STACK_DIR=$ROOT/.stack/run
export PG_PORT=${PG_PORT:-55432} KAFKA_PORT=${KAFKA_PORT:-59092}
export RESULTS_PORT=${RESULTS_PORT:-8080} REGISTRATION_PORT=${REGISTRATION_PORT:-8081} TIMING_PORT=${TIMING_PORT:-8082}
LOGS=$STACK_DIR/logs
# the demo's runners have made-up addresses: their e-mails are logged, not sent (set SMTP_* and false to send)
export MAILER_MOCK=${MAILER_MOCK:-true}
# the demo's simulator registers its ~1,000 runners from this machine's one address: no registrations per address limit
export REGISTRATION_RATE_LIMIT=${REGISTRATION_RATE_LIMIT:-0}
# Demo accounts for this run only, with fresh passwords: the simulator plays the officials and volunteers with
# them, and you can sign in to the mat board and the checkpoint page with them, and to the organiser API.
# (24 characters drawn, at least 12 kept; the volunteer may record at every point: *)
OFFICIAL="official:$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
VOLUNTEER="volunteer:$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
# the mat agents' device account with --agents, for every mat
DEVICE="mats:$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
export TIMING_ACCOUNTS=${TIMING_ACCOUNTS:-$OFFICIAL:official,$VOLUNTEER:volunteer:*,$DEVICE:device:*}
# the simulated race runs an hour a minute: its volunteers type times hours ahead of the real clock
export CHECKPOINT_ACCEPT_AHEAD=${CHECKPOINT_ACCEPT_AHEAD:-P2D}
ORGANISER="organiser:$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
export ORGANISER_ACCOUNTS=${ORGANISER_ACCOUNTS:-$ORGANISER}

# the simulator writes the mats' reads to Kafka with the readers' account
simulate() {
  java -cp "deploy/simulator/target/classes:$(cat deploy/simulator/target/classpath.txt)" \
    fr.pyramidesnoires.simulator.SimulatorMain --registration "http://127.0.0.1:$REGISTRATION_PORT" \
    --kafka "127.0.0.1:$KAFKA_PORT" --kafka-config "$STACK_DIR/secrets/kafka-reader.properties" --timing "http://127.0.0.1:$TIMING_PORT" --official "$OFFICIAL" \
    --volunteer "$VOLUNTEER" "$@"
}

demo=1
fresh=--fresh
agents=()
case "${1:-}" in
  --simulate)
    shift
    [ -f deploy/simulator/target/classpath.txt ] || mvn -B -q -Dstyle.color=never package -DskipTests -pl deploy/simulator -am
    simulate "$@"
    exit
    ;;
  --no-demo) demo=0 ;;
  --agents) agents=(--agents "$DEVICE") ;;
  --keep-data) demo=0; fresh= ;;
  "") ;;
  *) sed -n '2,14p' "$0" >&2; exit 2 ;;
esac

pids=()
stop_all() {
  trap - EXIT INT TERM
  echo "[run] stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  deploy/stack.sh stop
}
trap stop_all EXIT INT TERM

deploy/stack.sh start $fresh
echo "[run] building the services"
mvn -B -q -Dstyle.color=never package -DskipTests
mkdir -p "$LOGS"
# a stack kept from an older run may hold logs anyone could read
chmod -R go= "$STACK_DIR"
launch() {
  java -Xmx512m -Dtpn.pg.port="$PG_PORT" -Dtpn.kafka.port="$KAFKA_PORT" \
    -jar "$1/target/quarkus-app/quarkus-run.jar" >"$LOGS/$1.log" 2>&1 &
  pids+=($!)
}
# the passwords deploy/stack.sh made, each service given its own only (in its environment, not on a command line)
# shellcheck source=/dev/null
. "$STACK_DIR/secrets/services.env"
REGISTRATION_DB_PASSWORD=$REGISTRATION_DB_PASSWORD REGISTRATION_KAFKA_PASSWORD=$REGISTRATION_KAFKA_PASSWORD \
  launch registration-service
TIMING_DB_PASSWORD=$TIMING_DB_PASSWORD TIMING_KAFKA_PASSWORD=$TIMING_KAFKA_PASSWORD launch timing-service
RESULTS_KAFKA_PASSWORD=$RESULTS_KAFKA_PASSWORD launch results-web
for port in "$REGISTRATION_PORT" "$TIMING_PORT" "$RESULTS_PORT"; do
  for _ in $(seq 240); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null || { echo "[run] a service on port $port did not start: see $LOGS"; exit 1; }
done

cat <<URLS
[run] the platform is up (logs in $LOGS)
  Live results    http://127.0.0.1:$RESULTS_PORT/
  Registration    http://127.0.0.1:$REGISTRATION_PORT/   (the API: /q/swagger-ui)
  Organisers      http://127.0.0.1:$REGISTRATION_PORT/admin   (organiser: ${ORGANISER/:/ password }; API /api/admin/...)
  Race control    http://127.0.0.1:$TIMING_PORT/race-control (official: ${OFFICIAL/:/ password })
  Mat board       http://127.0.0.1:$TIMING_PORT/mats
  Checkpoint page http://127.0.0.1:$TIMING_PORT/checkpoint   (volunteer: ${VOLUNTEER/:/ password })
URLS
if [ "$demo" = 1 ]; then
  echo "[run] simulated race day (seed 2027, x${DEMO_SPEED:-60}): follow it at http://127.0.0.1:$RESULTS_PORT/races/110K"
  simulate --runners "${DEMO_RUNNERS:-1000}" --speed "${DEMO_SPEED:-60}" "${agents[@]}"
fi
echo "[run] Ctrl-C to stop"
wait
