#!/usr/bin/env bash
# Registration rush benchmark, on its own stack and ports: ATTEMPTS distinct runners (default 5,000) register at
# once, at most CLIENTS in flight (BENCH_CLIENTS, default 64), into one race of CAPACITY places (default 1,000)
# of the packaged registration-service. Prints accepted (must equal CAPACITY), waitlisted, errors, rate, p50/p99
# latency and the CPU an attempt costs; then pgbench's single-row INSERT rate on the same PostgreSQL in the same
# run, with as many clients, and the ratio (goal >= 0.3); then checks in the database that no place was sold
# twice over and no bib given twice.
#   registration-service/bench/registration-rush.sh [ATTEMPTS] [CAPACITY]
# BENCH_JAVA_OPTS adds JVM options to registration-service (e.g. a flight recording).
# BENCH_PAID=1 runs the rush on the paid flow: both races have a fee and registration takes payments through the
# payment emulator (its jar, started here on BENCH_EMULATOR_PORT, default 18112, with secrets made for the run).
# A runner's request then ends with the place held while they pay (HELD, no bib yet): accepted counts the held
# places, and the database's check counts the places confirmed or held.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
ATTEMPTS=${1:-5000}
CAPACITY=${2:-1000}
CLIENTS=${BENCH_CLIENTS:-64}
# the warm-up gives places and waitlists: the rush then meets a service whose request path the JIT has compiled, as
# after hours of taking entries (with 1,500 warm-up attempts, most of it still ran interpreted at twice the CPU)
WARMUP=${BENCH_WARMUP:-20000}
export STACK_DIR=$ROOT/.stack/bench-registration PG_PORT=${BENCH_PG_PORT:-55436} KAFKA_PORT=${BENCH_KAFKA_PORT:-59692}
HTTP_PORT=${BENCH_HTTP_PORT:-18083}
PAID=${BENCH_PAID:-0}
EMULATOR_PORT=${BENCH_EMULATOR_PORT:-18112}
BENCH=registration-service/bench
pid= emulator_pid=
cleanup() {
  for p in $pid $emulator_pid; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null || true
  deploy/stack.sh stop
}
trap cleanup EXIT

deploy/stack.sh start --fresh
# the stack's fresh passwords: the service's own, the PostgreSQL superuser's for the bench
set -a
# shellcheck source=/dev/null
. "$STACK_DIR/secrets/services.env"
set +a
export PGPASSFILE=$STACK_DIR/secrets/postgres.pgpass
mvn -B -q -Dstyle.color=never package -DskipTests -pl registration-service -am
mkdir -p "$STACK_DIR"
# the rush race, with exactly as many bibs as places, and a race that warms the service up first (on the paid flow,
# both with a fee: the warm-up compiles the path the rush takes)
fee=
[ "$PAID" = 1 ] && fee=', "fee": 25'
cat >"$STACK_DIR/races-rush.json" <<RACES
[
  {"code": "RUSH", "name": "Benchmark rush", "distanceKm": 22, "elevationGainM": 400,
   "startTime": "2027-03-20T10:00:00+01:00", "capacity": $CAPACITY, "bibFirst": 1, "bibLast": $CAPACITY$fee},
  {"code": "WARMUP", "name": "Benchmark warm-up", "distanceKm": 22, "elevationGainM": 400,
   "startTime": "2027-03-20T10:00:00+01:00", "capacity": $((WARMUP / 2)), "bibFirst": 1, "bibLast": $WARMUP$fee}
]
RACES
if [ "$PAID" = 1 ]; then
  # Stripe played by the emulator, its secrets the run's own, handed over in the environment only
  STRIPE_SECRET_KEY="sk_test_$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  STRIPE_WEBHOOK_SECRET="whsec_$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  export STRIPE_SECRET_KEY STRIPE_WEBHOOK_SECRET PAYMENT_PROVIDER=stripe STRIPE_API_BASE=http://127.0.0.1:$EMULATOR_PORT
  PAYMENT_EMULATOR_PORT=$EMULATOR_PORT PAYMENT_EMULATOR_WEBHOOK_URL=http://127.0.0.1:$HTTP_PORT/api/payments/stripe/webhook \
    java -Xmx128m -jar registration-service/payment-emulator/target/payment-emulator.jar >"$STACK_DIR/emulator.log" 2>&1 &
  emulator_pid=$!
else
  export PAYMENT_PROVIDER=none
fi
# no mail server here: as in deploy/run.sh, each mail is rendered and handed to the mock mailer, instead of failing
# to connect and logging a stack trace per entry, which no race day with a mail server pays; nor does it pay the
# mock's writing every whole mail to the log (nor the relay's line per mail, link left out, that replaces it).
# The registrations per address limit is off (REGISTRATION_RATE_LIMIT=0): the whole rush comes from this one address.
MAILER_MOCK=true REGISTRATION_RATE_LIMIT=0 RACES_FILE=$STACK_DIR/races-rush.json java -Xmx1g ${BENCH_JAVA_OPTS:-} -Dtpn.pg.port="$PG_PORT" -Dtpn.kafka.port="$KAFKA_PORT" \
  -Dquarkus.log.category.\"quarkus-mailer\".level=WARN \
  -Dquarkus.log.category.\"fr.pyramidesnoires.registration.mail.MailRelay\".level=WARN \
  -Dquarkus.http.port="$HTTP_PORT" -jar registration-service/target/quarkus-app/quarkus-run.jar \
  >"$STACK_DIR/registration.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$HTTP_PORT/q/health/ready" >/dev/null; do sleep 0.5; done

# compiled once, so that the client's CPU below is the rush's own
javac -d "$STACK_DIR/client" $BENCH/RegistrationRush.java
# a short-lived client: C1 compiles its loop at once, where C2 spent more CPU compiling than the rush ran
client_java=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$STACK_DIR/client" RegistrationRush "http://127.0.0.1:$HTTP_PORT")
"${client_java[@]}" WARMUP "$WARMUP" "$CLIENTS" >/dev/null
# CPU the service (JIT and GC included), its PostgreSQL sessions and the client spend on the rush, in clock ticks
cpu() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_cpu() { pgrep -f "postgres: registration registration" | while read -r p; do cpu "$p"; done | awk '{s += $1} END {print s + 0}'; }
service_cpu=$(cpu "$pid") db_cpu=$(pg_cpu)
rush=$( (/usr/bin/time -f "rush: client_seconds %U %S" "${client_java[@]}" RUSH "$ATTEMPTS" "$CLIENTS") 2>&1)
# the outbox is relayed after the answers: the rush ends for pgbench, and in the CPU per attempt, once the service is
# idle again (under a tenth of a core for a second). The mails go out at their pace (MAIL_PER_SECOND) for minutes.
answered_cpu=$(( $(cpu "$pid") - service_cpu ))
until before=$(cpu "$pid") && sleep 1 && [ $(( $(cpu "$pid") - before )) -lt $(( $(getconf CLK_TCK) / 10 )) ]; do :; done
service_cpu=$(( $(cpu "$pid") - service_cpu )) db_cpu=$(( $(pg_cpu) - db_cpu ))

sql() { psql -X -tA -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }
# the rush's rows vacuumed and written out first, so that autovacuum and a checkpoint do not slow pgbench down
sql -q registration -c "VACUUM ANALYZE" && sql -q -c "CHECKPOINT"
sql -q -c "CREATE DATABASE pgbench"
sql -q pgbench -c "CREATE TABLE single_row (id bigserial PRIMARY KEY, name text NOT NULL, at timestamptz NOT NULL DEFAULT now())"
echo "INSERT INTO single_row (name) VALUES ('runner');" >"$STACK_DIR/insert.sql"
tps=$(pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -c "$CLIENTS" -j 2 -T 15 -f "$STACK_DIR/insert.sql" pgbench \
  2>/dev/null | awk '/^tps/ {print $3; exit}')

mails=$(sql registration -c "SELECT count(*) FROM runnermail")
confirmed=$(sql registration -c "SELECT count(*) FROM entry WHERE racecode = 'RUSH' AND status = 'CONFIRMED'")
held=$(sql registration -c "SELECT count(*) FROM entry WHERE racecode = 'RUSH' AND status = 'HELD'")
twice=$(sql registration -c "SELECT count(bib) - count(DISTINCT bib) FROM entry WHERE racecode = 'RUSH'")
outside=$(sql registration -c "SELECT count(*) FROM entry WHERE racecode = 'RUSH' AND bib NOT BETWEEN 1 AND $CAPACITY")

echo "$rush" | awk -v attempts="$ATTEMPTS" -v capacity="$CAPACITY" -v clients="$CLIENTS" -v tps="$tps" \
  -v paid="$([ "$PAID" = 1 ] && echo ' (paid flow: places held while the runners pay)')" \
  -v service_cpu="$service_cpu" -v answered_cpu="$answered_cpu" -v db_cpu="$db_cpu" -v hz="$(getconf CLK_TCK)" '
  { v[$2] = $3 }
  $2 == "client_seconds" { client_seconds = $3 + $4 }
  END {
    printf "registration%s: %d attempts, %d in flight, on a race of %d places\n", paid, attempts, clients, capacity
    printf "  accepted %d (must be %d), waitlisted %d, errors %d\n", v["accepted"], capacity, v["waitlisted"], v["errors"]
    printf "  %.0f registrations/s, p50 %.1f ms, p99 %.1f ms\n", v["rate"], v["p50"], v["p99"]
    printf "  CPU per attempt: registration-service %.1f ms until the answers, %.1f ms until idle; its PostgreSQL\n", \
      answered_cpu * 1000 / hz / attempts, service_cpu * 1000 / hz / attempts
    printf "  sessions %.1f ms, the client %.2f ms\n", db_cpu * 1000 / hz / attempts, client_seconds * 1000 / attempts
    printf "pgbench single-row INSERT, %d clients, same PostgreSQL: %.0f tps\n", clients, tps
    printf "ratio registration / pgbench: %.3f (goal >= 0.3)\n", v["rate"] / tps
  }'
echo "mails to runners still waiting for the mail server: $mails (sent at ${MAIL_PER_SECOND:-10} a second)"
echo "database: $confirmed confirmed and $held held in RUSH (capacity $CAPACITY), $twice bibs given twice," \
  "$outside bibs outside 1-$CAPACITY"
[ $((confirmed + held)) = "$CAPACITY" ] && [ "$twice" = 0 ] && [ "$outside" = 0 ] \
  && echo "check: no oversell, no bib twice" || { echo "check FAILED"; exit 1; }
echo "$rush" | awk '$2 == "accepted" && $3 != '"$CAPACITY"' { print "check FAILED: accepted answers differ from the capacity"; exit 1 }'
