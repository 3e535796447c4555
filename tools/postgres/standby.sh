#!/usr/bin/env bash
# Starts a streaming standby of a server tools/postgres/start.sh started: a base backup of the primary on
# 127.0.0.1:PRIMARY_PORT (pg_basebackup -R, which writes the standby's connection to it) in FOLDER/data, listening only
# on 127.0.0.1:PORT (its socket in FOLDER), with the same superuser USER and the password in FOLDER/password (the
# primary's). Returns once the standby accepts connections; tools/postgres/stop.sh FOLDER stops it and deletes FOLDER.
#   usage: tools/postgres/standby.sh PRIMARY_PORT FOLDER PORT USER
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 PRIMARY_PORT FOLDER PORT USER" >&2; exit 2; }
primary_port=$1 folder=$2 port=$3 user=$4
[ -f "$folder/password" ] || { echo "postgres: $folder/password is missing; write the primary's superuser password there first" >&2; exit 2; }

. "$(dirname "$0")/server.sh"
bin=$(bin_dir)
[ -n "$bin" ] || { echo "postgres: no PostgreSQL programs; start the primary with tools/postgres/start.sh first" >&2; exit 1; }

if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$folder"; fi
chmod 700 "$folder"

# The initdb defaults allow replication connections from 127.0.0.1 with a password (wal_level replica, 10 WAL senders).
as_server env PGPASSWORD="$(head -1 "$folder/password")" "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U "$user" \
  -D "$folder/data" -R -X stream --no-password >"$folder/basebackup.log" 2>&1 ||
  { cat "$folder/basebackup.log" >&2; exit 1; }
as_server "$bin/pg_ctl" start -D "$folder/data" -w -t 60 -l "$folder/server.log" \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $folder -c fsync=off" >/dev/null ||
  { cat "$folder/server.log" >&2; exit 1; }
