# shellcheck shell=bash
# The beginning of every nginx configuration this project writes, sourced by deploy/cluster.sh and the cluster
# benchmark: the benchmark's static nginx must differ from the cluster's only by what it serves (same workers, TLS,
# certificate and access log), or its rate would not be the yardstick it is taken for.
#   nginx_head DIR TLS_DIR    DIR holds the pid, logs and temporary files; TLS_DIR the cluster's cert.pem, key.pem
nginx_head() {
  local dir=$1 tls=$2
  # as root nginx's workers would run as nobody, who cannot enter the stack's folder (its owner's only)
  if [ "$(id -u)" = 0 ]; then echo "user $(id -un) $(id -gn);"; fi
  cat <<CONF
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
  access_log $dir/access.log;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  ssl_certificate $tls/cert.pem;
  ssl_certificate_key $tls/key.pem;
  ssl_protocols TLSv1.2 TLSv1.3;
CONF
}
