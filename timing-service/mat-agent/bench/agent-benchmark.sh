#!/usr/bin/env bash
# Mat agent benchmark: on a fresh bench stack with timing-service, the finish mat's agent (in-process, a JChip-style
# line reader played on loopback, its journal on disk) takes READS reads (default 200,000) emitted as fast as the
# reader can and is timed until the gateway acknowledged them all (fsynced on the laptop, on Kafka); then its link
# is cut while the reader makes BACKLOG reads (default 100,000), held cut OUTAGE seconds (default 40: the agent's
# back-off is then at its 15 s cap, as after a 90-minute outage) and restored, timing the first delivery and the
# drain apart; then the same reads are posted straight to the gateway (batches of 2,000 as the agent sends, one thread), and Kafka's own
# ProducerPerformance writes as many ~200-byte records to a scratch topic with timing-service stopped.
#   timing-service/mat-agent/bench/agent-benchmark.sh [READS [BACKLOG [OUTAGE]]]
# BENCH_MVN_ARGS adds Maven options (e.g. -o); timing-service's log is in .stack/agent-bench/timing.log.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cd "$ROOT"
READS=${1:-200000}
BACKLOG=${2:-100000}
OUTAGE=${3:-40}
export STACK_DIR=$ROOT/.stack/agent-bench PG_PORT=${BENCH_PG_PORT:-55436} KAFKA_PORT=${BENCH_KAFKA_PORT:-59392}
HTTP_PORT=${BENCH_HTTP_PORT:-18092}
# shellcheck source=timing-service/bench/bench-stack.sh
. timing-service/bench/bench-stack.sh
KAFKA_ADMIN=$STACK_DIR/secrets/kafka-admin.properties
# the agent's classpath, the field emulators (a test dependency of the agent) included, written by each module
mvn -B -q -Dstyle.color=never ${BENCH_MVN_ARGS:-} package -DskipTests -pl timing-service,timing-service/mat-agent -am \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
AGENT_CP=timing-service/mat-agent/target/mat-agent-1.0.0-SNAPSHOT.jar:$(cat timing-service/mat-agent/target/bench-classpath.txt)
KCP=$(cat "$STACK_DIR/kafka/classpath.txt")

# a device account of the finish mat, made fresh for each run
DEVICE="bench-finish:$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
export TIMING_ACCOUNTS="$DEVICE:device:M-9BIS-FINISH" EVENT_DATE=2027-03-20
java -Xmx2g -Dtpn.pg.port="$PG_PORT" -Dtpn.kafka.port="$KAFKA_PORT" -Dquarkus.http.port="$HTTP_PORT" \
  -jar timing-service/target/quarkus-app/quarkus-run.jar >"$STACK_DIR/timing.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$HTTP_PORT/q/health/ready" >/dev/null; do
  kill -0 "$pid" 2>/dev/null || { echo "timing-service stopped: see $STACK_DIR/timing.log" >&2; exit 1; }
  sleep 0.1
done

JOURNALS=$STACK_DIR/journals
rm -rf "$JOURNALS"
java -cp "$AGENT_CP" timing-service/mat-agent/bench/AgentBench.java "$HTTP_PORT" "$DEVICE" "$JOURNALS" \
  "$READS" "$BACKLOG" "$OUTAGE" | tee "$STACK_DIR/agent-bench.out"
kill "$pid"; wait "$pid" || true; pid=

# Kafka alone, as many records as the agent sent, on a topic partitioned as chip-reads, the cores to itself
java -cp "$KCP" org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
  --command-config "$KAFKA_ADMIN" --create --topic bench-raw-produce --partitions 6 --replication-factor 1 >/dev/null
perf=$(java -cp "$KCP" org.apache.kafka.tools.ProducerPerformance --topic bench-raw-produce --num-records "$READS" \
  --record-size 200 --throughput -1 --producer.config "$KAFKA_ADMIN" \
  --producer-props bootstrap.servers="127.0.0.1:$KAFKA_PORT" 2>/dev/null | tail -n 1)
raw=$(echo "$perf" | awk -F', *' '{split($2, r, " "); print r[1]}')

awk -v raw="$raw" -v reads="$READS" -v backlog="$BACKLOG" '/^result / {
  for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  printf "kafka:   %d records of 200 bytes by ProducerPerformance: %.0f records/s\n", reads, raw
  printf "ratios:  agent / gateway %.2f, agent / raw Kafka %.2f, gateway / raw Kafka %.2f\n", \
    v["agent"] / v["gateway"], v["agent"] / raw, v["gateway"] / raw
  printf "drain:   %d reads of an outage acknowledged %.1f s after the first delivery (%.1f s after the restore)\n", \
    backlog, v["drain_s"], v["first_delivery_s"] + v["drain_s"]
}' "$STACK_DIR/agent-bench.out"
