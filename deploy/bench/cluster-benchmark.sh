#!/usr/bin/env bash
# Cluster benchmark: a fresh deploy/cluster.sh cluster on its own ports and folder, a field registered through
# nginx, then (deploy/bench/ClusterBench.java for 1 and 2):
#  1. read -> live event: mats' reads at 1,000 a second on the 110, 55 and 35 km written to Kafka with the readers'
#     account; probe reads one at a time on the 22 km, each timed from its send to the "race changed" event on
#     three live streams of the 22 km through nginx (https). p50/p99 steady, then while Kafka node 2 is stopped and
#     started again (deploy/stack.sh broker-stop / broker-start);
#  2. takeover: kill -9 of timing-1 under the same load, a probe read on each chip-reads partition at that moment:
#     time until each one's runner timing is on runner-timings (the killed instance's partitions wait for the group
#     to notice, KAFKA_SESSION_TIMEOUT_MS 10 s in cluster.sh);
#  3. the 110 km ranking page through nginx over the three results-web replicas against a second nginx serving
#     the same bytes as a static file, both https, with wrk (Debian package, installed when missing): rate, p99.
# Prints a summary table (kept in STACK_DIR/bench/summary.txt) and stops the cluster. About 6 minutes on 2 cores.
#   deploy/bench/cluster-benchmark.sh        (run it alone: flock /tmp/mvn.lock deploy/bench/cluster-benchmark.sh)
# Settings: CLUSTER_PORT_BASE (27400), STACK_DIR (.stack/bench-cluster), BENCH_READS_PER_SECOND (1000),
# BENCH_RUNNERS (400), BENCH_WRK ("-t2 -c32 -d15s"). The services are packaged first when their jars are missing.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
# shellcheck source=deploy/nginx-head.sh
. deploy/nginx-head.sh
export CLUSTER_PORT_BASE=${CLUSTER_PORT_BASE:-27400}
export STACK_DIR=${STACK_DIR:-$ROOT/.stack/bench-cluster}
B=$CLUSTER_PORT_BASE
# what cluster.sh gives stack.sh, for the broker's stop and start in ClusterBench
export KAFKA_BROKERS=3 KAFKA_PORT=$((B + 10)) PG_PORT=$((B + 20)) PG_STANDBY_PORT=$((B + 21))
# the race day of the simulated field (reads on 2027-03-20 are in timing's window), runners all from this address
export EVENT_ZONE=Europe/Paris EVENT_DATE=2027-03-20 CHECKPOINT_ACCEPT_AHEAD=P3650D REGISTRATION_RATE_LIMIT=0
export MAILER_MOCK=true PAYMENT_PROVIDER=none
secret() { head -c 18 /dev/urandom | base64 | tr -d '/+='; }
# the official who fires the guns; the other roles unused, but cluster.sh wants them all
export BENCH_OFFICIAL="bench-official:$(secret)"
export TIMING_ACCOUNTS="$BENCH_OFFICIAL:official,bench-volunteer:$(secret):volunteer:*,bench-mats:$(secret):device:*"
BENCH=$STACK_DIR/bench
STATIC_PORT=$((B + 90))
WRK_OPTIONS=${BENCH_WRK:--t2 -c32 -d15s}

log() { printf '[bench] %s\n' "$*" >&2; }

cleanup() {
  [ -f "$BENCH/nginx.pid" ] && nginx -e "$BENCH/error.log" -c "$BENCH/nginx.conf" -s stop 2>/dev/null || true
  deploy/cluster.sh stop || true
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  [ "$(id -u)" = 0 ] || { log "wrk is missing: install the Debian package 'wrk' (needs root)"; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi
missing=0
for jar in registration-service timing-service results-web; do
  [ -f "$jar/target/quarkus-app/quarkus-run.jar" ] || missing=1
done
[ -f deploy/simulator/target/classpath.txt ] || missing=1
if [ "$missing" = 1 ]; then
  log "packaging the services and the simulator"
  mvn -B -q -Dstyle.color=never package -DskipTests -pl registration-service,timing-service,results-web,deploy/simulator -am
fi

began=$(date +%s)
deploy/cluster.sh start --fresh
rm -rf "$BENCH" && mkdir -p "$BENCH/static" "$BENCH/tmp"
SUMMARY=$BENCH/summary.tsv
CP=deploy/simulator/target/classes:$(cat deploy/simulator/target/classpath.txt)
# the benchmark's JVM trusts the certificate the cluster made, and nothing else
keytool -importcert -noprompt -alias cluster -file "$STACK_DIR/nginx/tls/cert.pem" -keystore "$BENCH/trust.p12" \
  -storetype PKCS12 -storepass bench-trust >/dev/null
java -Xmx512m -Djavax.net.ssl.trustStore="$BENCH/trust.p12" -Djavax.net.ssl.trustStorePassword=bench-trust \
  -Djavax.net.ssl.trustStoreType=PKCS12 -cp "$CP" deploy/bench/ClusterBench.java "$SUMMARY"

# ---------------------------------------------------------------- 3. ranking pages
CERT=$STACK_DIR/nginx/tls/cert.pem
PAGE=https://127.0.0.1:$B/races/110K
curl -fsS --cacert "$CERT" "$PAGE" >"$BENCH/static/ranking.html"
# the same TLS, certificate, worker count and access log as the cluster's nginx: only the page's origin differs
{
  nginx_head "$BENCH" "$STACK_DIR/nginx/tls"
  cat <<CONF
  server {
    listen 127.0.0.1:$STATIC_PORT ssl;
    root $BENCH/static;
    default_type text/html;
  }
}
CONF
} >"$BENCH/nginx.conf"
nginx -e "$BENCH/error.log" -c "$BENCH/nginx.conf"
# shellcheck disable=SC2086
wrk $WRK_OPTIONS --latency "$PAGE" >"$BENCH/wrk-cluster.txt"
# shellcheck disable=SC2086
wrk $WRK_OPTIONS --latency "https://127.0.0.1:$STATIC_PORT/ranking.html" >"$BENCH/wrk-static.txt"
rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99() { awk '$1 == "99%" {print $2}' "$1"; }
errors() { awk '/Non-2xx|Socket errors/ {$1 = $1; printf "%s; ", $0}' "$1"; }
{
  printf 'ranking page (%s bytes) via nginx -> 3 replicas: pages/s, p99\t%s /s, %s %s\n' \
    "$(wc -c <"$BENCH/static/ranking.html")" "$(rate "$BENCH/wrk-cluster.txt")" "$(p99 "$BENCH/wrk-cluster.txt")" \
    "$(errors "$BENCH/wrk-cluster.txt")"
  printf 'same bytes, nginx static file: pages/s, p99\t%s /s, %s %s\n' "$(rate "$BENCH/wrk-static.txt")" \
    "$(p99 "$BENCH/wrk-static.txt")" "$(errors "$BENCH/wrk-static.txt")"
  printf 'ratio cluster / static\t%s\n' "$(awk -v a="$(rate "$BENCH/wrk-cluster.txt")" \
    -v s="$(rate "$BENCH/wrk-static.txt")" 'BEGIN {printf "%.2f", a / s}')"
  printf 'benchmark time (cluster start included)\t%s s\n' "$(($(date +%s) - began))"
} >>"$SUMMARY"

echo
echo "Cluster benchmark ($(nproc) cores, wrk $WRK_OPTIONS):"
column -t -s $'\t' "$SUMMARY" | tee "$BENCH/summary.txt"
