# Sourced by the benchmarks, from the repository's root, with STACK_DIR, PG_PORT and KAFKA_PORT exported: starts a
# fresh stack of their own, puts its services' passwords in the environment, and on exit stops timing-service (its
# process id in pid, once started) and the stack.
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; deploy/stack.sh stop; }
trap cleanup EXIT

deploy/stack.sh start --fresh
# the stack's fresh passwords: the service's own, the PostgreSQL superuser's and the Kafka admin's for the bench
set -a
# shellcheck source=/dev/null
. "$STACK_DIR/secrets/services.env"
set +a
