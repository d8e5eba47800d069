#!/usr/bin/env bash
# A real Prometheus (Debian package) scraping the platform's services on loopback, for race day's dashboard
# (deploy/observability/grafana-race-day.json).
#
#   deploy/observability/prometheus.sh start    write the configuration, start Prometheus (installs it when missing, as root)
#   deploy/observability/prometheus.sh stop
#   deploy/observability/prometheus.sh config   only write the configuration, and check it with promtool when there
#   deploy/observability/prometheus.sh install  install the Debian package prometheus when missing (as root)
#
# Settings (environment):
#   STACK_DIR           where its configuration, data, log and pid go (STACK_DIR/prometheus; default .stack/cluster)
#   PROMETHEUS_PORT     its web and API port on 127.0.0.1 (default 9090)
#   PROMETHEUS_TARGETS  the services to scrape, one job per kind: space-separated job=host:port,host:port, e.g.
#                       "registration=127.0.0.1:57110,127.0.0.1:57111 timing=127.0.0.1:57120 results=127.0.0.1:57130"
#                       Each is scraped at /q/metrics every 5 s; an instance down shows as up == 0.
set -euo pipefail
umask 077

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STACK_DIR=${STACK_DIR:-$ROOT/.stack/cluster}
case "$STACK_DIR" in /*) ;; *) STACK_DIR=$ROOT/$STACK_DIR ;; esac
DIR=$STACK_DIR/prometheus
PROMETHEUS_PORT=${PROMETHEUS_PORT:-9090}
PROMETHEUS_TARGETS=${PROMETHEUS_TARGETS:-}

log() { printf '[prometheus] %s\n' "$*" >&2; }

install_when_missing() {
  command -v prometheus >/dev/null && return 0
  if [ "$(id -u)" != 0 ]; then
    log "install the Debian package prometheus first (apt-get install prometheus)"
    exit 1
  fi
  log "installing the Debian package prometheus"
  apt-get update -qq >&2
  # the package's own service (all interfaces, port 9090) is not wanted: this script runs its Prometheus on loopback
  # with its own configuration, so services are kept from starting while it installs, where nothing else does so
  local policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >&2 || {
    [ -z "$policy" ] || rm -f "$policy"
    exit 1
  }
  [ -z "$policy" ] || rm -f "$policy"
}

# job=host:port,host:port ... → one scrape job per service kind
write_config() {
  if [ -z "$PROMETHEUS_TARGETS" ]; then
    log "PROMETHEUS_TARGETS is empty: say which services to scrape (job=host:port,host:port ...)"
    exit 1
  fi
  mkdir -p "$DIR/data"
  {
    printf 'global:\n  scrape_interval: 5s\n  evaluation_interval: 5s\n'
    printf '  external_labels:\n    platform: tpn\n'
    printf 'scrape_configs:\n'
    local entry job targets target
    for entry in $PROMETHEUS_TARGETS; do
      job=${entry%%=*}
      targets=${entry#*=}
      if [ "$job" = "$entry" ] || [ -z "$targets" ] || ! [[ "$job" =~ ^[a-z][a-z0-9_-]*$ ]]; then
        log "target '$entry' is not job=host:port,host:port"
        exit 1
      fi
      printf '  - job_name: %s\n    metrics_path: /q/metrics\n    static_configs:\n      - targets:\n' "$job"
      IFS=, read -ra hosts <<<"$targets"
      for target in "${hosts[@]}"; do
        if ! [[ "$target" =~ ^[A-Za-z0-9.-]+:[0-9]+$ ]]; then
          log "target '$target' of $job is not host:port"
          exit 1
        fi
        printf '          - "%s"\n' "$target"
      done
    done
  } >"$DIR/prometheus.yml"
  if command -v promtool >/dev/null; then
    promtool check config "$DIR/prometheus.yml" >&2
  fi
  log "configuration in $DIR/prometheus.yml"
}

running() { [ -f "$DIR/prometheus.pid" ] && kill -0 "$(cat "$DIR/prometheus.pid")" 2>/dev/null; }

start() {
  install_when_missing
  write_config
  if running; then
    log "already running (pid $(cat "$DIR/prometheus.pid")): configuration reloaded"
    kill -HUP "$(cat "$DIR/prometheus.pid")"
    return 0
  fi
  nohup prometheus --config.file="$DIR/prometheus.yml" --storage.tsdb.path="$DIR/data" \
    --storage.tsdb.retention.time=7d --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" \
    >"$DIR/prometheus.log" 2>&1 </dev/null &
  echo $! >"$DIR/prometheus.pid"
  for _ in $(seq 60); do
    if curl -fsS "http://127.0.0.1:$PROMETHEUS_PORT/-/ready" >/dev/null 2>&1; then
      log "ready on http://127.0.0.1:$PROMETHEUS_PORT (log $DIR/prometheus.log)"
      return 0
    fi
    running || break
    sleep 0.5
  done
  log "did not become ready; see $DIR/prometheus.log"
  exit 1
}

stop() {
  if running; then
    local pid
    pid=$(cat "$DIR/prometheus.pid")
    kill "$pid"
    for _ in $(seq 40); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    log "stopped"
  fi
  rm -f "$DIR/prometheus.pid"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  config) write_config ;;
  install) install_when_missing ;;
  *) echo "usage: $0 start|stop|config|install" >&2; exit 2 ;;
esac
