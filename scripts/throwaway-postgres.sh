# Sourced by the scripts that need a PostgreSQL of their own: Debian's package (installed when
# missing), a throwaway cluster with trust auth on loopback, data under a temporary folder, stopped
# and removed when the script exits.
#   start_postgres PORT   sets pgbin, pgdata and run_pg, and starts the cluster on PORT
start_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
  pgdata=$(mktemp -d /tmp/liftback-pg.XXXXXX)
  chown postgres "$pgdata" 2>/dev/null || true
  run_pg "$pgbin/initdb -D $pgdata -A trust -U postgres" >/dev/null
  run_pg "$pgbin/pg_ctl -D $pgdata -o '-c listen_addresses=127.0.0.1 -p $1 -k $pgdata' -l $pgdata/log -w start" >/dev/null
  trap 'run_pg "$pgbin/pg_ctl -D $pgdata -m fast stop" >/dev/null 2>&1 || true; rm -rf "$pgdata"' EXIT
}
run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sh -c "$*"; fi; }
