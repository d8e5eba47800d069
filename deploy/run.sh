#!/usr/bin/env bash
# Runs the platform locally: PostgreSQL, Kafka and the three services, then (unless --no-demo) a simulated race
# day on the sample event, played an hour of race time per minute. Ctrl-C stops everything.
#
#   deploy/run.sh                  fresh stack, services, simulated race
#   deploy/run.sh --no-demo        fresh stack and services only
#   deploy/run.sh --agents         the same race, each mat's reads through an emulated reader and its own mat agent
#                                  (journal, volunteer's page on 8090 and up, forwarding to the device gateway)
#   deploy/run.sh --keep-data      keep what the previous run stored (no simulated race: its runners exist already)
#   deploy/run.sh --no-payments    entries are not paid online (with any of the above): confirmed at once, as before
#                                  payments. Otherwise registration takes the fees through the payment emulator, a
#                                  local Stripe on loopback (PAYMENT_EMULATOR_PORT, 12111) whose page takes no money,
#                                  with secrets made for this run; the simulated runners pay there. PAYMENT_PROVIDER
#                                  in the environment or event.env (none, or stripe with its STRIPE_* settings) wins
#   deploy/run.sh --event DIR [--no-demo|--keep-data]
#                                  another event: DIR/event.env's settings (EVENT_*, RACES_FILE, COURSES_FILE,
#                                  EVENT_DATE; sourced and exported), e.g. deploy/events/cache-creek-100. No simulated
#                                  race and no past edition: the simulator plays the sample event's races only
#   deploy/run.sh --cluster [--no-demo]
#                                  the same demo on the production cluster of deploy/cluster.sh (three Kafka nodes,
#                                  2 registration, 2 timing, 3 results-web behind nginx with TLS; ports from
#                                  CLUSTER_PORT_BASE, 27100; STACK_DIR .stack/cluster): the simulator registers and
#                                  plays the people through nginx, its reads go to the three nodes. No payments
#   deploy/run.sh --simulate --official USER:PASSWORD --volunteer USER:PASSWORD [options]
#                                  only the simulator, against a platform already running, with the accounts
#                                  that run printed (options: --runners N --seed N --speed X; see SimulatorMain);
#                                  the runners pay their held places on the emulator at PAYMENT_EMULATOR_PORT
#
# Ports (environment): RESULTS_PORT 8080, REGISTRATION_PORT 8081, TIMING_PORT 8082, PG_PORT 55432, KAFKA_PORT 59092.
# Also: STACK_DIR (.stack/run), EVENT_ZONE (Europe/Paris, for all three services), TIMING_ACCOUNTS and
# ORGANISER_ACCOUNTS (else demo accounts with fresh passwords, printed once the platform is up).
set -euo pipefail
# the services' logs (the demo's mails among them) and the passwords printed are their owner's alone
umask 077

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
event=
if [ "${1:-}" = --event ]; then
  if [ ! -f "${2:-}/event.env" ]; then
    echo "[run] --event takes an event directory holding event.env, e.g. deploy/events/cache-creek-100" >&2
    exit 2
  fi
  event=$2
  shift 2
  # the event's settings before the defaults below, which keep what the environment gives
  set -a
  # shellcheck source=/dev/null
  . "$event/event.env"
  set +a
fi
# --no-payments goes with any other option
payments=1
cluster=0
options=()
for option in "$@"; do
  case "$option" in
    --no-payments) payments=0 ;;
    --cluster) cluster=1 ;;
    *) options+=("$option") ;;
  esac
done
set -- ${options[@]+"${options[@]}"}
# the cluster runs no payment emulator: its entries are confirmed at once
[ "$cluster" = 1 ] && payments=0
[ "$payments" = 0 ] && export PAYMENT_PROVIDER=none
# the payment emulator plays Stripe unless the environment or the event names the provider
emulator=0
[ -z "${PAYMENT_PROVIDER:-}" ] && emulator=1
export PAYMENT_EMULATOR_PORT=${PAYMENT_EMULATOR_PORT:-12111}
export STACK_DIR=${STACK_DIR:-$ROOT/.stack/$([ "$cluster" = 1 ] && echo cluster || echo run)}
# a relative STACK_DIR is the project's, as deploy/stack.sh takes it
case "$STACK_DIR" in /*) ;; *) STACK_DIR=$ROOT/$STACK_DIR ;; esac
export PG_PORT=${PG_PORT:-55432} KAFKA_PORT=${KAFKA_PORT:-59092}
export RESULTS_PORT=${RESULTS_PORT:-8080} REGISTRATION_PORT=${REGISTRATION_PORT:-8081} TIMING_PORT=${TIMING_PORT:-8082}
LOGS=$STACK_DIR/logs
# the demo's runners have made-up addresses: their e-mails are logged, not sent (set SMTP_* and false to send)
export MAILER_MOCK=${MAILER_MOCK:-true}
# the demo's simulator registers its ~1,000 runners from this machine's one address: no registrations per address limit
export REGISTRATION_RATE_LIMIT=${REGISTRATION_RATE_LIMIT:-0}
# one event, one time zone: registration, timing and the results pages all read this one
export EVENT_ZONE=${EVENT_ZONE:-Europe/Paris}
# user:password of the first TIMING_ACCOUNTS entry (user:password:role[|role][:scope]) with this role, and for
# every point or mat when the role has a scope: the simulator plays them all. Empty when there is none.
timing_account() {
  local entry user password roles scope entries
  IFS=, read -ra entries <<<"$TIMING_ACCOUNTS"
  for entry in "${entries[@]}"; do
    IFS=: read -r user password roles scope <<<"$entry"
    user=${user//[[:space:]]/} roles=${roles//[[:space:]]/} scope=${scope//[[:space:]]/}
    case "|$roles|" in *"|$1|"*) ;; *) continue ;; esac
    if [ "$1" = official ] || [ "$scope" = '*' ]; then
      echo "$user:$password"
      return
    fi
  done
}
new_password() { head -c 18 /dev/urandom | base64 | tr -d '/+='; }
# Without accounts in the environment, demo accounts for this run only, with fresh passwords: the simulator plays
# the officials and volunteers with them, and you can sign in to the mat board and the checkpoint page with them,
# and to the organiser API. (24 characters drawn, at least 12 kept; the volunteer may record at every point: *;
# the mat agents' device account, used with --agents, at every mat.) Accounts from the environment are used as
# they are, and their passwords are not printed.
if [ -n "${TIMING_ACCOUNTS:-}" ]; then
  timing_given=1
  OFFICIAL=$(timing_account official) VOLUNTEER=$(timing_account volunteer) DEVICE=$(timing_account device)
else
  timing_given=0
  OFFICIAL="official:$(new_password)" VOLUNTEER="volunteer:$(new_password)" DEVICE="mats:$(new_password)"
  export TIMING_ACCOUNTS=$OFFICIAL:official,$VOLUNTEER:volunteer:*,$DEVICE:device:*
fi
if [ -n "${ORGANISER_ACCOUNTS:-}" ]; then
  ORGANISER=
else
  ORGANISER="organiser:$(new_password)"
  export ORGANISER_ACCOUNTS=$ORGANISER
fi
# the simulated race runs an hour a minute: its volunteers type times hours ahead of the real clock
export CHECKPOINT_ACCEPT_AHEAD=${CHECKPOINT_ACCEPT_AHEAD:-P2D}

# the simulator writes the mats' reads to Kafka with the readers' account; it plays the officials and volunteers
# with the accounts found (options given after them win)
simulate() {
  local people=()
  [ -n "$OFFICIAL" ] && people+=(--official "$OFFICIAL")
  [ -n "$VOLUNTEER" ] && people+=(--volunteer "$VOLUNTEER")
  # the only pages the simulated runners pay on: the emulator's (a held place elsewhere stops the simulator)
  [ "$payments" = 1 ] && people+=(--pay-emulated "http://127.0.0.1:$PAYMENT_EMULATOR_PORT")
  java ${SIMULATOR_TRUST[@]+"${SIMULATOR_TRUST[@]}"} \
    -cp "deploy/simulator/target/classes:$(cat deploy/simulator/target/classpath.txt)" \
    fr.pyramidesnoires.simulator.SimulatorMain --registration "${REGISTRATION_URL:-http://127.0.0.1:$REGISTRATION_PORT}" \
    --kafka "${KAFKA_SERVERS:-127.0.0.1:$KAFKA_PORT}" --kafka-config "$STACK_DIR/secrets/kafka-reader.properties" \
    --timing "${TIMING_URL:-http://127.0.0.1:$TIMING_PORT}" "${people[@]}" "$@"
}

demo=1
fresh=--fresh
agents=()
case "${1:-}" in
  --simulate)
    shift
    # accounts made up just now are not the running platform's: only those of the environment or the options
    [ "$timing_given" = 1 ] || OFFICIAL= VOLUNTEER=
    [ -f deploy/simulator/target/classpath.txt ] || mvn -B -q -Dstyle.color=never package -DskipTests -pl deploy/simulator -am
    simulate "$@"
    exit
    ;;
  --no-demo) demo=0 ;;
  --agents)
    if [ -z "$DEVICE" ]; then
      echo "[run] --agents needs a device account for every mat in TIMING_ACCOUNTS (user:password:device:*)" >&2
      exit 2
    fi
    agents=(--agents "$DEVICE")
    ;;
  --keep-data) demo=0; fresh= ;;
  "") ;;
  *) sed -n '2,20p' "$0" >&2; exit 2 ;;
esac
if [ -n "$event" ]; then
  [ "$demo" = 0 ] || echo "[run] $event: no simulated race (the simulator plays the sample event's races only)" >&2
  demo=0
  [ "${#agents[@]}" = 0 ] || { echo "[run] --agents plays the sample event's race: not with --event" >&2; exit 2; }
fi
if [ "$demo" = 1 ] && [ "$emulator" = 0 ] && [ "$PAYMENT_PROVIDER" != none ]; then
  echo "[run] PAYMENT_PROVIDER=$PAYMENT_PROVIDER from the environment: no simulated race (its runners pay only the" \
    "payment emulator's page)" >&2
  demo=0
fi
if [ "$demo" = 1 ] && { [ -z "$OFFICIAL" ] || [ -z "$VOLUNTEER" ]; }; then
  echo "[run] TIMING_ACCOUNTS has no official, or no volunteer for every point (:volunteer:*): the simulated race" \
    "plays the mats only. To play them too, run deploy/run.sh --no-demo, then deploy/run.sh --simulate" \
    "--official USER:PASSWORD --volunteer USER:PASSWORD" >&2
fi

if [ "$cluster" = 1 ]; then
  case "${1:-}" in
    "") ;;
    --no-demo) demo=0 ;;
    *) echo "[run] --cluster goes with --no-demo only" >&2; exit 2 ;;
  esac
  [ -z "$event" ] || { echo "[run] --cluster plays the sample event only" >&2; exit 2; }
  base=${CLUSTER_PORT_BASE:-27100}
  export CLUSTER_PORT_BASE=$base RESULTS_REPLAY_CLOCK=$([ "$demo" = 1 ] && echo true || echo false)
  trap 'trap - EXIT INT TERM; echo "[run] stopping"; deploy/cluster.sh stop' EXIT INT TERM
  echo "[run] building the services"
  mvn -B -q -Dstyle.color=never package -DskipTests
  deploy/cluster.sh start --fresh
  tls=$STACK_DIR/nginx/tls
  # the simulator's JVM trusts the certificate the cluster made for nginx, and it only
  rm -f "$tls/truststore.p12"
  keytool -importcert -noprompt -alias cluster -file "$tls/cert.pem" -keystore "$tls/truststore.p12" \
    -storetype PKCS12 -storepass cluster >/dev/null 2>&1
  SIMULATOR_TRUST=("-Djavax.net.ssl.trustStore=$tls/truststore.p12" -Djavax.net.ssl.trustStorePassword=cluster)
  REGISTRATION_URL=https://127.0.0.1:$((base + 1)) TIMING_URL=https://127.0.0.1:$((base + 2))
  KAFKA_SERVERS=127.0.0.1:$((base + 10)),127.0.0.1:$((base + 12)),127.0.0.1:$((base + 14))
  if [ "$demo" = 1 ] && [ -n "$ORGANISER" ]; then
    curl -fsS -o /dev/null --cacert "$tls/cert.pem" -u "$ORGANISER" -H 'Content-Type: text/csv' \
      --data-binary @deploy/demo/edition-2026-22K.csv \
      "$REGISTRATION_URL/api/admin/editions/2026/races/22K/results?raceName=Trail%20du%209-9bis%2022%20km&distanceKm=22" \
      && echo "[run] past edition 2026 (22 km, made-up runners) at https://127.0.0.1:$base/editions"
  fi
  if [ "$demo" = 1 ]; then
    echo "[run] simulated race day (seed 2027, x${DEMO_SPEED:-60}): follow it at https://127.0.0.1:$base/races/110K"
    simulate --runners "${DEMO_RUNNERS:-1000}" --speed "${DEMO_SPEED:-60}"
  fi
  echo "[run] Ctrl-C to stop"
  # waiting on a child, not in one: the trap runs as soon as the signal comes
  while :; do sleep 3600 & wait $!; done
fi

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
if [ "$emulator" = 1 ]; then
  if (exec 3<>"/dev/tcp/127.0.0.1/$PAYMENT_EMULATOR_PORT") 2>/dev/null; then
    echo "[run] port $PAYMENT_EMULATOR_PORT is taken: set PAYMENT_EMULATOR_PORT, or run with --no-payments" >&2
    exit 1
  fi
  # Stripe's secrets, the emulator's for this run only: registration and the emulator alone take them, from their
  # environment, never from a command line anyone may list; they are not printed
  stripe_key="sk_test_$(new_password)" stripe_webhook="whsec_$(new_password)"
  STRIPE_SECRET_KEY=$stripe_key STRIPE_WEBHOOK_SECRET=$stripe_webhook \
    PAYMENT_EMULATOR_WEBHOOK_URL=http://127.0.0.1:$REGISTRATION_PORT/api/payments/stripe/webhook \
    java -Xmx128m -jar registration-service/payment-emulator/target/payment-emulator.jar \
    >"$LOGS/payment-emulator.log" 2>&1 &
  pids+=($!)
  PAYMENT_PROVIDER=stripe STRIPE_API_BASE=http://127.0.0.1:$PAYMENT_EMULATOR_PORT \
    STRIPE_SECRET_KEY=$stripe_key STRIPE_WEBHOOK_SECRET=$stripe_webhook \
    REGISTRATION_DB_PASSWORD=$REGISTRATION_DB_PASSWORD REGISTRATION_KAFKA_PASSWORD=$REGISTRATION_KAFKA_PASSWORD \
    launch registration-service
else
  REGISTRATION_DB_PASSWORD=$REGISTRATION_DB_PASSWORD REGISTRATION_KAFKA_PASSWORD=$REGISTRATION_KAFKA_PASSWORD \
    launch registration-service
fi
TIMING_DB_PASSWORD=$TIMING_DB_PASSWORD TIMING_KAFKA_PASSWORD=$TIMING_KAFKA_PASSWORD launch timing-service
# the demo's race runs an hour a minute, its passages ahead of the wall clock: runners are placed at its latest
RESULTS_REPLAY_CLOCK=$([ "$demo" = 1 ] && echo true || echo false) \
  RESULTS_DB_PASSWORD=$RESULTS_DB_PASSWORD RESULTS_KAFKA_PASSWORD=$RESULTS_KAFKA_PASSWORD launch results-web
for port in "$REGISTRATION_PORT" "$TIMING_PORT" "$RESULTS_PORT"; do
  for _ in $(seq 240); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null || { echo "[run] a service on port $port did not start: see $LOGS"; exit 1; }
done
if [ "$emulator" = 1 ] && ! curl -s -o /dev/null "http://127.0.0.1:$PAYMENT_EMULATOR_PORT/"; then
  echo "[run] the payment emulator did not start: see $LOGS/payment-emulator.log"
  exit 1
fi

# who signs in where: the demo accounts with their passwords, or only the names of the accounts given
if [ -n "$ORGANISER" ]; then
  organiser="organiser: ${ORGANISER/:/ password }"
else
  organiser="accounts of ORGANISER_ACCOUNTS"
fi
if [ "$timing_given" = 0 ]; then
  official="official: ${OFFICIAL/:/ password }" volunteer="volunteer: ${VOLUNTEER/:/ password }"
else
  official="accounts of TIMING_ACCOUNTS" volunteer="accounts of TIMING_ACCOUNTS"
fi
cat <<URLS
[run] the platform is up (logs in $LOGS; event time zone $EVENT_ZONE)
  Live results    http://127.0.0.1:$RESULTS_PORT/
  Registration    http://127.0.0.1:$REGISTRATION_PORT/   (the API: /q/swagger-ui)
  Organisers      http://127.0.0.1:$REGISTRATION_PORT/admin   ($organiser; API /api/admin/...)
  Race control    http://127.0.0.1:$TIMING_PORT/race-control ($official)
  Mat board       http://127.0.0.1:$TIMING_PORT/mats
  Checkpoint page http://127.0.0.1:$TIMING_PORT/checkpoint   ($volunteer)
URLS
case "$emulator:${PAYMENT_PROVIDER:-}" in
  1:*) echo "  Payments        emulated on http://127.0.0.1:$PAYMENT_EMULATOR_PORT/pay/... (a local Stripe: no money is" \
    "taken; log $LOGS/payment-emulator.log)" ;;
  *:none) echo "  Payments        none: entries are confirmed at once (--no-payments or PAYMENT_PROVIDER=none)" ;;
  *) echo "  Payments        PAYMENT_PROVIDER=$PAYMENT_PROVIDER with the environment's STRIPE_* settings" ;;
esac
if [ "$demo" = 1 ] && [ -n "$ORGANISER" ]; then
  # a past edition for the demo's results to link to: made-up runners named like the simulator's, not real results
  curl -fsS -o /dev/null -u "$ORGANISER" -H 'Content-Type: text/csv' --data-binary @deploy/demo/edition-2026-22K.csv \
    "http://127.0.0.1:$REGISTRATION_PORT/api/admin/editions/2026/races/22K/results?raceName=Trail%20du%209-9bis%2022%20km&distanceKm=22" \
    && echo "[run] past edition 2026 (22 km, made-up runners) at http://127.0.0.1:$RESULTS_PORT/editions"
fi
if [ "$demo" = 1 ]; then
  echo "[run] simulated race day (seed 2027, x${DEMO_SPEED:-60}): follow it at http://127.0.0.1:$RESULTS_PORT/races/110K"
  simulate --runners "${DEMO_RUNNERS:-1000}" --speed "${DEMO_SPEED:-60}" "${agents[@]}"
fi
echo "[run] Ctrl-C to stop"
wait
