# Sourced by the benchmarks that compare verdict-api with nginx: start_nginx ROOT PORT WORKDIR serves the files
# in ROOT on 127.0.0.1:PORT (gzip_static: FILE.gz for Accept-Encoding: gzip, ETags on), as nginx's master
# process in the background, sets nginx_pid and returns once nginx answers (5 s at most). Its workers run as
# www-data: ROOT must be readable by them.
start_nginx() {
  local root=$1 port=$2 work=$3
  cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; default_type application/json; gzip_static on; gzip_vary on;
  server { listen 127.0.0.1:$port; root $root; location / { etag on; } } }
CONF
  nginx -c "$work/nginx.conf" -g 'daemon off;' & nginx_pid=$!
  for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0; sleep 0.1; done
}
