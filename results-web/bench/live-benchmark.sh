#!/usr/bin/env bash
# Live results benchmark, on its own stack and ports:
#  1. wrk against the ranking page of a RUNNERS-runner race mid-race (default 1,000), and against nginx serving
#     the same bytes as a static file, in the same run: both rates, p99, ratio (goal >= 0.5 of nginx);
#  2. CLIENTS concurrent SSE clients (default 5,000) on that race, and the time from a passage on Kafka to the
#     event on a client (goal p99 < 250 ms).
#   results-web/bench/live-benchmark.sh [RUNNERS] [CLIENTS]
# BENCH_JAVA_OPTS adds JVM options to results-web (e.g. a flight recording).
# wrk and nginx come from Debian's packages (installed when missing, as root). Traffic stays on 127.0.0.1.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
RUNNERS=${1:-1000}
CLIENTS=${2:-5000}
EVENTS=20
export STACK_DIR=$ROOT/.stack/bench-results PG_PORT=${BENCH_PG_PORT:-55435} KAFKA_PORT=${BENCH_KAFKA_PORT:-59492}
APP_PORT=${BENCH_APP_PORT:-18080}
NGINX_PORT=${BENCH_NGINX_PORT:-18081}
DIR=$STACK_DIR/live
pid=
cleanup() {
  [ -f "$DIR/nginx.pid" ] && nginx -c "$DIR/nginx.conf" -s stop 2>/dev/null || true
  [ -n "$pid" ] && kill "$pid" 2>/dev/null
  wait 2>/dev/null || true
  deploy/stack.sh stop
}
trap cleanup EXIT

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx
fi
ulimit -n 65536 2>/dev/null || true
deploy/stack.sh start --fresh
# the stack's fresh passwords: the service's own, the PostgreSQL superuser's and the Kafka admin's for the bench
set -a
# shellcheck source=/dev/null
. "$STACK_DIR/secrets/services.env"
set +a
export PGPASSFILE=$STACK_DIR/secrets/postgres.pgpass
KAFKA_ADMIN=$STACK_DIR/secrets/kafka-admin.properties
mvn -B -q -Dstyle.color=never package -DskipTests -pl results-web,deploy/simulator -am
mkdir -p "$DIR/static"
rm -f "$DIR"/ready "$DIR"/sent.txt
# every simulated spectator comes from 127.0.0.1: the per-client cap on live streams must let them all in
java -Xmx2g ${BENCH_JAVA_OPTS:-} -Dtpn.kafka.port="$KAFKA_PORT" -Dtpn.pg.port="$PG_PORT" -Dquarkus.http.port="$APP_PORT" \
  -Dresults.live.streams-per-client="$CLIENTS" \
  -jar results-web/target/quarkus-app/quarkus-run.jar >"$DIR/results-web.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$APP_PORT/q/health/ready" >/dev/null; do sleep 0.5; done

CP=$(cat deploy/simulator/target/classpath.txt)
java -cp "$CP" results-web/bench/RaceFeed.java "127.0.0.1:$KAFKA_PORT" "$KAFKA_ADMIN" "$RUNNERS"
until [ "$(curl -s "http://127.0.0.1:$APP_PORT/api/races/110K/ranking" | grep -o '"bib"' | wc -l)" -ge "$RUNNERS" ]; do
  sleep 0.5
done
curl -s "http://127.0.0.1:$APP_PORT/races/110K" >"$DIR/static/ranking.html"
# nginx's workers run as this user, not nobody: the stack's folder is its owner's only (it holds the secrets)
cat >"$DIR/nginx.conf" <<CONF
user $(id -un) $(id -gn);
worker_processes 2;
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log;
events { worker_connections 8192; }
http {
  access_log off;
  server { listen 127.0.0.1:$NGINX_PORT; root $DIR/static; default_type text/html; }
}
CONF
nginx -c "$DIR/nginx.conf"

bench() { wrk -t2 -c64 -d15s --latency "$1" | tee "$DIR/wrk-$2.txt" | grep -E "Requests/sec|^ +99%"; }
echo "results-web ranking page ($(wc -c <"$DIR/static/ranking.html") bytes, $RUNNERS runners):"
bench "http://127.0.0.1:$APP_PORT/races/110K" app
echo "nginx, same bytes as a static file:"
bench "http://127.0.0.1:$NGINX_PORT/ranking.html" nginx
awk '/Requests\/sec/ {r[FILENAME] = $2} END {
  app = r[ARGV[1]]; ngx = r[ARGV[2]]; printf "ratio results-web / nginx: %.2f (goal >= 0.5)\n", app / ngx
}' "$DIR/wrk-app.txt" "$DIR/wrk-nginx.txt"

java -Xmx2g -cp "$CP" results-web/bench/SseClients.java "http://127.0.0.1:$APP_PORT/races/110K/live" "$CLIENTS" \
  "$EVENTS" "$DIR/sent.txt" "$DIR/ready" &
sse=$!
until [ -f "$DIR/ready" ]; do sleep 0.5; done
java -cp "$CP" results-web/bench/RaceFeed.java "127.0.0.1:$KAFKA_PORT" "$KAFKA_ADMIN" "$RUNNERS" passages "$EVENTS" >"$DIR/sent.txt"
wait "$sse"
