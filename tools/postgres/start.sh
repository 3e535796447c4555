#!/usr/bin/env bash
# Starts a private PostgreSQL server for the tests: Debian's `postgresql` package (installed when missing, as root or
# through sudo), a new cluster in FOLDER/data owned by whoever runs the server, listening only on 127.0.0.1:PORT
# (its socket in FOLDER too), password authentication for the superuser USER with the password in FOLDER/password.
# Returns once the server accepts connections; tools/postgres/stop.sh FOLDER stops it and deletes FOLDER.
#   usage: tools/postgres/start.sh FOLDER PORT USER
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 FOLDER PORT USER" >&2; exit 2; }
folder=$1 port=$2 user=$3
[ -f "$folder/password" ] || { echo "postgres: $folder/password is missing; write the superuser's password there first" >&2; exit 2; }

# Root, or a user who may sudo without a password (a CI runner), may install; anyone else is told what to install.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif sudo -n true 2>/dev/null; then sudo -n "$@"
  else echo "postgres: Debian's postgresql package is not installed and this user may not install it; run: sudo apt-get install postgresql" >&2; exit 1
  fi
}

. "$(dirname "$0")/server.sh"

if [ -z "$(bin_dir)" ] || [ ! -x "$(bin_dir)/initdb" ]; then
  echo "postgres: installing Debian's postgresql package" >&2
  # No cluster of the package's own: the tests start theirs on a private port, and nothing else should run.
  as_root mkdir -p /etc/postgresql-common
  if [ ! -f /etc/postgresql-common/createcluster.conf ]; then
    echo "create_main_cluster = false" | as_root tee /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confold postgresql >&2
fi
bin=$(bin_dir)

# As root, the package's `postgres` account owns the folder and runs the server (as_server).
if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$folder"; fi
chmod 700 "$folder"

as_server "$bin/initdb" -D "$folder/data" -U "$user" --pwfile="$folder/password" \
  --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --no-instructions >"$folder/initdb.log" 2>&1 ||
  { cat "$folder/initdb.log" >&2; exit 1; }
as_server "$bin/pg_ctl" start -D "$folder/data" -w -t 60 -l "$folder/server.log" \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $folder -c fsync=off" >/dev/null ||
  { cat "$folder/server.log" >&2; exit 1; }
