# Sourced by start.sh and stop.sh: where Debian's package keeps the newest PostgreSQL's programs, and how to run them
# as the server's owner (PostgreSQL refuses to run as root: as root, the package's `postgres` account does).
bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

as_server() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
