#!/usr/bin/env bash
# Timing ingest benchmark: puts the runners' entries on a fresh bench stack and lets timing-service take them in and
# the 22 km start, as on race morning; then puts READS chip reads (default 2,000,000, ten per passage) on it, starts
# timing-service on them and measures how long it takes until every passage is stored and published
# (consumer lag 0), then runs Kafka's own ConsumerPerformance on the same topic in the same run. Both consume a
# topic already written, so neither shares the two cores with the producer. Goal: timing >= 0.5 of raw consume.
#   timing-service/bench/ingest-benchmark.sh [READS]
# BENCH_JAVA_OPTS adds JVM options to timing-service (e.g. Hibernate statistics); batch timings are in
# .stack/bench/timing.log.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
READS=${1:-2000000}
export STACK_DIR=$ROOT/.stack/bench PG_PORT=${BENCH_PG_PORT:-55434} KAFKA_PORT=${BENCH_KAFKA_PORT:-59292}
HTTP_PORT=${BENCH_HTTP_PORT:-18082}
# shellcheck source=timing-service/bench/bench-stack.sh
. timing-service/bench/bench-stack.sh
export PGPASSFILE=$STACK_DIR/secrets/postgres.pgpass
KAFKA_ADMIN=$STACK_DIR/secrets/kafka-admin.properties
mvn -B -q -Dstyle.color=never package -DskipTests -pl timing-service,deploy/simulator -am
KCP=$(cat "$STACK_DIR/kafka/classpath.txt")

flood() { java -cp "$(cat deploy/simulator/target/classpath.txt)" timing-service/bench/ReadFlood.java \
  "127.0.0.1:$KAFKA_PORT" "$KAFKA_ADMIN" "$READS" "$1"; }
sql() { psql -X -tA -h 127.0.0.1 -p "$PG_PORT" -U postgres timing -c "$1"; }
# the timing-service group's lag on the given topics; -1 while a partition has no committed offset yet
lag() {
  java -cp "$KCP" org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server \
    "127.0.0.1:$KAFKA_PORT" --command-config "$KAFKA_ADMIN" --describe --group timing-service 2>/dev/null \
    | awk -v topics=" $* " 'index(topics, " " $2 " ") { if ($6 ~ /^[0-9]+$/) lag += $6; else unknown = 1; seen = 1 }
           END { print (unknown || !seen) ? -1 : lag + 0 }'
}
export TIMING_ACCOUNTS=bench-official:bench-secret:official
# the flood's reads are dated on the sample race day
export EVENT_DATE=2027-03-20
launch() {
  java -Xmx2g ${BENCH_JAVA_OPTS:-} -Dquarkus.log.category.\"fr.pyramidesnoires.timing.ingest\".level=DEBUG \
    -Dtpn.pg.port="$PG_PORT" -Dtpn.kafka.port="$KAFKA_PORT" -Dquarkus.http.port="$HTTP_PORT" \
    -jar timing-service/target/quarkus-app/quarkus-run.jar >"$STACK_DIR/$1.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$HTTP_PORT/q/health/ready" >/dev/null; do sleep 0.1; done
}

# Race morning: the entries came days before, and the 22 km is started before its reads come in (a checkpoint
# read before any start signal is one quarantine may list, kept one by one).
runners=$(flood entries | tee /dev/stderr | awk '/flood: runners/ {print $3}')
launch race-morning
# every entry stored and its offset committed, so that the measured run does not take them in again
alive() { kill -0 "$pid" 2>/dev/null || { echo "timing-service stopped: see $STACK_DIR/$1.log" >&2; exit 1; }; }
until [ "$(sql "SELECT count(*) FROM chipassignment")" -ge "$runners" ] && [ "$(lag entries)" = 0 ]; do
  alive race-morning
  sleep 0.5
done
curl -fsS -u bench-official:bench-secret -H 'Content-Type: application/json' -X PUT \
  -d '{"time": "2027-03-20T09:00:00Z", "reason": "benchmark start"}' \
  "http://127.0.0.1:$HTTP_PORT/api/races/22K/gun-start" >/dev/null
kill "$pid"; wait "$pid" || true; pid=

reads=$(flood reads)
echo "$reads"
passages=$(echo "$reads" | awk '/flood: passages/ {print $3}')

launch_ms=$(date +%s%3N)
launch timing
start_ms=$(date +%s%3N)
at_ready=$(sql "SELECT count(*) FROM passage")

while [ "$(sql "SELECT count(*) FROM passage")" -lt "$passages" ] || [ "$(lag chip-reads entries)" != 0 ]; do
  alive timing
  sleep 0.5
done
end_ms=$(date +%s%3N)

perf=$(java -cp "$KCP" org.apache.kafka.tools.ConsumerPerformance --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
  --consumer.config "$KAFKA_ADMIN" --topic chip-reads --messages "$READS" --group "bench-raw-$$" --hide-header 2>/dev/null | tail -n 1)
raw_rate=$(echo "$perf" | awk -F', *' '{print $6}')
# Two clocks: from the launch, start-up included, and from readiness, as ConsumerPerformance's own clock starts once
# it runs; the passages already stored at readiness tell how much the second misses.
awk -v reads="$READS" -v passages="$passages" -v ms=$((end_ms - launch_ms)) -v boot=$((start_ms - launch_ms)) \
  -v raw="$raw_rate" -v at_ready="$at_ready" 'BEGIN {
  rate = reads / (ms / 1000)
  ready_rate = reads / ((ms - boot) / 1000)
  printf "timing:  %d reads -> %d passages stored and published in %.1f s from launch (ready after %.1f s, with %d passages stored)\n", \
    reads, passages, ms / 1000, boot / 1000, at_ready
  printf "         %.0f reads/s, %.0f passages/s from launch; %.0f reads/s from ready\n", rate, passages / (ms / 1000), \
    ready_rate
  printf "kafka ConsumerPerformance on the same topic: %.0f reads/s\n", raw
  printf "ratio timing / raw consume: %.2f from launch, %.2f from ready (goal >= 0.5)\n", rate / raw, ready_rate / raw
}'
