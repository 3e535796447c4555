#!/usr/bin/env bash
# Stops the server tools/postgres/start.sh started in FOLDER (at once: its data is thrown away) and deletes FOLDER.
#   usage: tools/postgres/stop.sh FOLDER
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 FOLDER" >&2; exit 2; }
folder=$1
. "$(dirname "$0")/server.sh"
if [ -f "$folder/data/postmaster.pid" ]; then
  as_server "$(bin_dir)/pg_ctl" stop -D "$folder/data" -m immediate -w >/dev/null
fi
rm -rf "$folder"
