#!/usr/bin/env bash
# Stops the server tools/postgres/start.sh started in FOLDER (at once: its data is thrown away) and deletes FOLDER.
#   usage: tools/postgres/stop.sh FOLDER
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 FOLDER" >&2; exit 2; }
folder=$1
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -f "$folder/data/postmaster.pid" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$bin/pg_ctl" stop -D "$folder/data" -m immediate -w >/dev/null
  else
    "$bin/pg_ctl" stop -D "$folder/data" -m immediate -w >/dev/null
  fi
fi
rm -rf "$folder"
