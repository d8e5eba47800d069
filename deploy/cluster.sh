#!/usr/bin/env bash
# The platform as a production cluster on this one machine: three Kafka nodes, PostgreSQL (with its standby when
# deploy/stack.sh makes one), two registration-service and two timing-service instances (one consumer group),
# three results-web replicas, and nginx in front as the only public entry (TLS, load balancing, server-sent events
# unbuffered, gzip). The services listen on loopback only; nginx is what a browser reaches.
#
#   deploy/cluster.sh start [--fresh]          start (or reuse) everything; --fresh wipes the stack's data first
#   deploy/cluster.sh stop                     stop everything
#   deploy/cluster.sh status                   each instance, up or down
#   deploy/cluster.sh kill INSTANCE            kill -9 one instance (registration-1|2, timing-1|2, results-1..3,
#                                              kafka-1..3): for the failure drills
#   deploy/cluster.sh start-instance INSTANCE  start it again, with the settings of the cluster's start
#
# Ports from CLUSTER_PORT_BASE (B, default 27100; keep every port below Linux's ephemeral range, 32768-60999: there
# the cluster's own outgoing connections may take a port before nginx or an instance binds it, as a drill once saw):
#   B     https results pages (and the results API)    B+1  https registration    B+2  https timing
#   B+10, B+12, B+14  Kafka nodes 1-3 (each controller one above)     B+20  PostgreSQL     B+21  its standby
#   B+31.. registration-N    B+41.. timing-N    B+51.. results-N     (loopback, plain HTTP, behind nginx)
#   B+9   Prometheus (loopback), scraping every instance's /q/metrics: deploy/observability/prometheus.sh
# nginx listens on CLUSTER_LISTEN (127.0.0.1; 0.0.0.0 to open the cluster to the network). One server per service
# rather than paths under one: the three services share paths (/, /api, /q, static files), and nginx would have to
# rewrite their pages' links.
#
# Settings (environment): STACK_DIR (.stack/cluster), EVENT_ZONE, EVENT_DATE, TIMING_ACCOUNTS, ORGANISER_ACCOUNTS
# (else demo accounts with fresh passwords, printed), CHECKPOINT_ACCEPT_AHEAD, RESULTS_REPLAY_CLOCK, MAILER_MOCK
# (true), REGISTRATION_RATE_LIMIT, PAYMENT_PROVIDER (none: the cluster runs no payment emulator), CLUSTER_JAVA_OPTIONS
# (the service JVMs' options). They are kept in
# STACK_DIR/cluster.env at start, so that start-instance starts an instance as its siblings were.
set -euo pipefail
umask 077

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=deploy/nginx-head.sh
. deploy/nginx-head.sh
export STACK_DIR=${STACK_DIR:-$ROOT/.stack/cluster}
case "$STACK_DIR" in /*) ;; *) STACK_DIR=$ROOT/$STACK_DIR ;; esac
B=${CLUSTER_PORT_BASE:-27100}
LISTEN=${CLUSTER_LISTEN:-127.0.0.1}
export KAFKA_BROKERS=3 KAFKA_PORT=$((B + 10)) PG_PORT=$((B + 20)) PG_STANDBY_PORT=$((B + 21))
RESULTS_HTTPS=$B REGISTRATION_HTTPS=$((B + 1)) TIMING_HTTPS=$((B + 2))
RUN=$STACK_DIR/cluster
LOGS=$STACK_DIR/logs
NGINX=$STACK_DIR/nginx
INSTANCES="registration-1 registration-2 timing-1 timing-2 results-1 results-2 results-3"
KAFKA_BOOTSTRAP=127.0.0.1:$KAFKA_PORT,127.0.0.1:$((KAFKA_PORT + 2)),127.0.0.1:$((KAFKA_PORT + 4))
# the settings start-instance must give an instance as the cluster's start gave its siblings
SETTINGS="EVENT_ZONE EVENT_DATE TIMING_ACCOUNTS ORGANISER_ACCOUNTS CHECKPOINT_ACCEPT_AHEAD RESULTS_REPLAY_CLOCK
  MAILER_MOCK REGISTRATION_RATE_LIMIT PAYMENT_PROVIDER"

# seven service JVMs share this machine's cores: small heaps, one GC thread, and the quick compiler only, which
# halves their start on two cores (a real deployment gives each instance its own cores and drops the last two)
JAVA_OPTIONS=${CLUSTER_JAVA_OPTIONS:--Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}

log() { printf '[cluster] %s\n' "$*" >&2; }

# instance -> module, port, the service's name in its settings (REGISTRATION_DB_URL...) and database
module_of() {
  case "$1" in
    registration-[12]) echo registration-service ;;
    timing-[12]) echo timing-service ;;
    results-[123]) echo results-web ;;
    *) return 1 ;;
  esac
}
port_of() {
  local n=${1##*-}
  case "$1" in
    registration-*) echo $((B + 30 + n)) ;;
    timing-*) echo $((B + 40 + n)) ;;
    results-*) echo $((B + 50 + n)) ;;
  esac
}
service_of() { echo "${1%-*}"; }

running() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

ready() { curl -fs -o /dev/null "http://127.0.0.1:$(port_of "$1")/q/health/ready"; }

new_password() { head -c 18 /dev/urandom | base64 | tr -d '/+='; }

# The cluster's settings: kept from its start, or made now (demo accounts unless the environment has some).
settings() {
  if [ -f "$RUN/cluster.env" ]; then
    # shellcheck source=/dev/null
    . "$RUN/cluster.env"
    return
  fi
  if [ -z "${TIMING_ACCOUNTS:-}" ]; then
    TIMING_ACCOUNTS="official:$(new_password):official,volunteer:$(new_password):volunteer:*,mats:$(new_password):device:*"
  fi
  ORGANISER_ACCOUNTS=${ORGANISER_ACCOUNTS:-organiser:$(new_password)}
  EVENT_ZONE=${EVENT_ZONE:-Europe/Paris}
  EVENT_DATE=${EVENT_DATE:-}
  CHECKPOINT_ACCEPT_AHEAD=${CHECKPOINT_ACCEPT_AHEAD:-PT15M}
  RESULTS_REPLAY_CLOCK=${RESULTS_REPLAY_CLOCK:-false}
  MAILER_MOCK=${MAILER_MOCK:-true}
  REGISTRATION_RATE_LIMIT=${REGISTRATION_RATE_LIMIT:-30}
  PAYMENT_PROVIDER=${PAYMENT_PROVIDER:-none}
  mkdir -p "$RUN"
  local name
  for name in $SETTINGS; do printf 'export %s=%q\n' "$name" "${!name}"; done > "$RUN/cluster.env"
  # shellcheck source=/dev/null
  . "$RUN/cluster.env"
}

# Starts one service instance from its packaged jar, with only its own passwords in its environment (never on its
# command line), the three Kafka nodes and the database as a list of hosts where the primary is looked for.
start_instance() {
  local instance=$1 module port service upper db
  module=$(module_of "$instance") || { log "no instance $instance"; exit 2; }
  if running "$instance"; then
    log "$instance already running"
    return
  fi
  port=$(port_of "$instance")
  service=$(service_of "$instance")
  upper=$(tr a-z- A-Z_ <<<"$service")
  db=$service
  local own=("${upper}_DB_PASSWORD" "${upper}_KAFKA_PASSWORD") others=() name
  for name in $(sed -n 's/^\([A-Z_]*_PASSWORD\)=.*/\1/p' "$STACK_DIR/secrets/services.env"); do
    case " ${own[*]} " in *" $name "*) ;; *) others+=(-u "$name") ;; esac
  done
  local extra=()
  case "$service" in
    registration) extra=("PUBLIC_URL=https://127.0.0.1:$REGISTRATION_HTTPS") ;;
    results) extra=("RESULTS_PUBLIC_URL=https://127.0.0.1:$RESULTS_HTTPS") ;;
    # a killed instance's partitions go to its sibling after 10 s without its heartbeat, not the default 45
    timing) extra=("KAFKA_SESSION_TIMEOUT_MS=10000") ;;
  esac
  mkdir -p "$LOGS" "$RUN"
  (
    # shellcheck source=/dev/null
    set -a; . "$STACK_DIR/secrets/services.env"; set +a
    exec env "${others[@]}" -u ADMIN_KAFKA_PASSWORD KAFKA_BOOTSTRAP="$KAFKA_BOOTSTRAP" \
      "${upper}_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT,127.0.0.1:$PG_STANDBY_PORT/$db?targetServerType=primary" \
      QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true \
      QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1 "${extra[@]}" \
      nohup java $JAVA_OPTIONS -Dquarkus.http.port="$port" -Dtpn.pg.port="$PG_PORT" \
      -Dtpn.kafka.port="$KAFKA_PORT" -jar "$module/target/quarkus-app/quarkus-run.jar"
  ) >>"$LOGS/$instance.log" 2>&1 &
  echo $! > "$RUN/$instance.pid"
}

await_ready() {
  local instance
  for instance in "$@"; do
    for _ in $(seq 360); do
      ready "$instance" && break
      running "$instance" || { log "$instance died: see $LOGS/$instance.log"; tail -n 20 "$LOGS/$instance.log" >&2; exit 1; }
      sleep 0.5
    done
    ready "$instance" || { log "$instance not ready in 3 minutes: see $LOGS/$instance.log"; exit 1; }
  done
}

stop_instance() {
  local pid
  if running "$1"; then
    pid=$(cat "$RUN/$1.pid")
    kill "$pid"
    for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN/$1.pid"
}

# ---------------------------------------------------------------- nginx
nginx_pid() { cat "$NGINX/nginx.pid" 2>/dev/null; }
nginx_running() { [ -n "$(nginx_pid)" ] && kill -0 "$(nginx_pid)" 2>/dev/null; }

upstream() {
  local name=$1 instance
  echo "  upstream $name {"
  # registration counts registrations per client address and sign-in failures per account in each instance's
  # memory: a client kept on one instance meets the limits it would meet on one (the next one if it dies)
  [ "$name" = registration ] && echo "    hash \$remote_addr consistent;"
  for instance in $INSTANCES; do
    # a refused or timed-out instance is left out for 10 s, then tried again with the next request
    [ "$(service_of "$instance")" = "$name" ] \
      && echo "    server 127.0.0.1:$(port_of "$instance") max_fails=1 fail_timeout=10s;"
  done
  echo "    keepalive 16;"
  echo "  }"
}

# One TLS server per service: its pages and API, health but no other /q/ (metrics, dev UI, OpenAPI stay private).
server() {
  local name=$1 port=$2 live=${3:-}
  cat <<CONF
  server {
    listen $LISTEN:$port ssl;
    server_name _;
    location /q/ { return 404; }
    error_page 502 504 \$unavailable;
    location ^~ /_unavailable/ {
      internal;
      root $NGINX/errors;
      types { text/html html; application/problem+json json; }
      charset utf-8;
      add_header Retry-After 5 always;
    }
    location = /q/health/ready { proxy_pass http://$name; }
    location = /q/health/live { proxy_pass http://$name; }
CONF
  if [ -n "$live" ]; then
    # server-sent events: passed on as they come, held open for an hour, not compressed (gzip would buffer them)
    cat <<CONF
    location ~ $live {
      proxy_pass http://$name;
      proxy_buffering off;
      proxy_cache off;
      gzip off;
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
    }
CONF
  fi
  cat <<CONF
    location / { proxy_pass http://$name; }
  }
CONF
}

# What nginx answers when no instance of a service answers, French first as the services' own problems.
unavailable_answers() {
  local title="Service momentanément indisponible / Service briefly unavailable"
  local detail="Le service ne répond pas en ce moment. Si vous envoyiez quelque chose, vérifiez dans un instant s'il\
 a été pris en compte avant de l'envoyer à nouveau / The service is not answering right now. If you were sending\
 something, check in a moment whether it was taken before sending it again"
  mkdir -p "$NGINX/errors/_unavailable"
  cat >"$NGINX/errors/_unavailable/problem.json" <<JSON
{"type":"https://pyramides-noires.fr/problems/service-unavailable","title":"$title","detail":"$detail"}
JSON
  cat >"$NGINX/errors/_unavailable/page.html" <<HTML
<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 1rem auto; padding: 0 1rem">
<main><h1>$title</h1>
<p role="alert">$detail</p>
<p><a href="">Réessayer / Try again</a></p></main></body></html>
HTML
}

nginx_conf() {
  mkdir -p "$NGINX/tmp" "$NGINX/tls"
  if [ ! -s "$NGINX/tls/cert.pem" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
      -keyout "$NGINX/tls/key.pem" -out "$NGINX/tls/cert.pem" 2>/dev/null
    # the certificate is public: browsers and the drills trust it from here
    chmod 644 "$NGINX/tls/cert.pem"
  fi
  unavailable_answers
  {
    nginx_head "$NGINX" "$NGINX/tls"
    cat <<CONF
  include /etc/nginx/mime.types;
  gzip on;
  gzip_proxied any;
  gzip_min_length 512;
  gzip_types text/css text/csv text/plain application/javascript application/json application/problem+json
    image/svg+xml application/geo+json;
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host \$host;
  proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
  proxy_set_header X-Forwarded-Proto https;
  proxy_set_header X-Forwarded-Host \$host;
  proxy_set_header X-Forwarded-Port \$server_port;
  # a dead instance refuses the connection: the request goes to the next one (a request already sent to an
  # instance is not sent again unless it is idempotent, so a registration is never posted twice)
  proxy_connect_timeout 2s;
  proxy_next_upstream error timeout http_502 http_503;
  proxy_next_upstream_tries 3;
  client_max_body_size 20m;
  # nginx's own answers when no instance of a service answers (all down, or the one holding a request killed): in
  # the platform's words, a page for a browser and problem+json for an API client (as the services choose, by
  # text/html in Accept). The services' own errors, their 503s with Retry-After among them, pass as they are.
  map \$http_accept \$unavailable {
    ~*text/html /_unavailable/page.html;
    default /_unavailable/problem.json;
  }
$(upstream results)
$(upstream registration)
$(upstream timing)
$(server results "$RESULTS_HTTPS" '^/races/[^/]+/live$')
$(server registration "$REGISTRATION_HTTPS")
$(server timing "$TIMING_HTTPS")
}
CONF
  } >"$NGINX/nginx.conf"
}

nginx_start() {
  if ! command -v nginx >/dev/null; then
    [ "$(id -u)" = 0 ] || { log "nginx is missing: install the Debian package 'nginx' (needs root)"; exit 1; }
    log "installing nginx (Debian package)"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >&2
  fi
  nginx_conf
  if nginx_running; then
    nginx -e "$NGINX/error.log" -c "$NGINX/nginx.conf" -s reload
  else
    nginx -e "$NGINX/error.log" -c "$NGINX/nginx.conf"
  fi
}

nginx_stop() {
  if nginx_running; then
    nginx -e "$NGINX/error.log" -c "$NGINX/nginx.conf" -s stop
    for _ in $(seq 20); do nginx_running || break; sleep 0.25; done
  fi
}

# ---------------------------------------------------------------- commands
package() {
  local module missing=0
  for module in registration-service timing-service results-web; do
    [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || missing=1
  done
  if [ "$missing" = 1 ]; then
    log "packaging the services"
    mvn -B -q -Dstyle.color=never package -DskipTests -pl registration-service,timing-service,results-web -am >&2
  fi
}

start() {
  local fresh=${1:-} instance
  if [ "$fresh" = --fresh ]; then
    stop
    rm -rf "$RUN" "$LOGS" "$NGINX" "$STACK_DIR/prometheus"
  fi
  settings
  package
  deploy/stack.sh start $fresh
  # the instances of one service start together; each service waits for the last (the JVMs share two cores)
  for instance in $INSTANCES; do start_instance "$instance"; done
  await_ready $INSTANCES
  nginx_start
  prometheus start
  urls
}

# Debian's Prometheus scraping every instance on loopback, for race day's dashboard
# (deploy/observability/grafana-race-day.json)
prometheus() {
  local targets="" service instance list
  for service in registration timing results; do
    list=
    for instance in $INSTANCES; do
      [ "$(service_of "$instance")" = "$service" ] && list+="${list:+,}127.0.0.1:$(port_of "$instance")"
    done
    targets+="${targets:+ }$service=$list"
  done
  PROMETHEUS_PORT=$((B + 9)) PROMETHEUS_TARGETS=$targets deploy/observability/prometheus.sh "$1"
}

urls() {
  cat <<URLS
[cluster] up (logs in $LOGS; nginx's certificate $NGINX/tls/cert.pem, made for this cluster)
  Live results    https://127.0.0.1:$RESULTS_HTTPS/                   (results-1..3)
  Registration    https://127.0.0.1:$REGISTRATION_HTTPS/                   (registration-1..2)
  Organisers      https://127.0.0.1:$REGISTRATION_HTTPS/admin              (ORGANISER_ACCOUNTS: ${ORGANISER_ACCOUNTS/:/ password })
  Race control    https://127.0.0.1:$TIMING_HTTPS/race-control       (timing-1..2)
  Mat board       https://127.0.0.1:$TIMING_HTTPS/mats
  Checkpoint page https://127.0.0.1:$TIMING_HTTPS/checkpoint
  Timing accounts ${TIMING_ACCOUNTS//,/ ; }
  Kafka           $KAFKA_BOOTSTRAP (SASL/SCRAM; readers' account: $STACK_DIR/secrets/kafka-reader.properties)
  PostgreSQL      127.0.0.1:$PG_PORT (standby port $PG_STANDBY_PORT)
  Prometheus      http://127.0.0.1:$((B + 9))/   (dashboard for Grafana: deploy/observability/grafana-race-day.json)
URLS
}

stop() {
  local instance
  prometheus stop
  nginx_stop
  for instance in $INSTANCES; do stop_instance "$instance" & done
  wait
  deploy/stack.sh stop
}

status() {
  local instance n
  for instance in $INSTANCES; do
    if ready "$instance"; then echo "$instance: ready on $(port_of "$instance")"
    elif running "$instance"; then echo "$instance: starting on $(port_of "$instance")"
    else echo "$instance: down"; fi
  done
  deploy/stack.sh status | sed 's/^Kafka node \([0-9]\)/kafka-\1/'
  nginx_running && echo "nginx: up on $LISTEN:$RESULTS_HTTPS-$TIMING_HTTPS" || echo "nginx: down"
}

kill_instance() {
  case "${1:-}" in
    kafka-[123])
      local pid
      pid=$(cat "$STACK_DIR/kafka/${1#kafka-}/broker.pid" 2>/dev/null || true)
      [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
      ;;
    *)
      module_of "${1:-}" >/dev/null || { log "no instance ${1:-}: $INSTANCES kafka-1..3"; exit 2; }
      running "$1" && kill -9 "$(cat "$RUN/$1.pid")"
      rm -f "$RUN/$1.pid"
      ;;
  esac
  log "$1 killed (kill -9)"
}

start_one() {
  case "${1:-}" in
    kafka-[123]) deploy/stack.sh broker-start "${1#kafka-}" ;;
    *)
      settings
      start_instance "${1:-}"
      await_ready "$1"
      log "$1 ready on $(port_of "$1")"
      ;;
  esac
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop ;;
  status) status ;;
  kill) kill_instance "${2:-}" ;;
  start-instance) start_one "${2:-}" ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed '$d' >&2; exit 2 ;;
esac
