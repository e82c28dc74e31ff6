#!/bin/sh
# Creates the secrets docker-compose.yml reads, once (existing files are kept). The folder is
# private (0700), the files readable (0444) so the containers' own users (mongodb 999, node 1000)
# can read them through their bind mounts; nobody else on the host can reach them.
#   sh deploy/make-secrets.sh [folder, default ./secrets]
set -eu
dir="${1:-./secrets}"
mkdir -p "$dir"
chmod 0700 "$dir"
make() {
  [ -s "$dir/$1" ] && return 0
  sh -c "$2" > "$dir/$1"
  chmod 0444 "$dir/$1"
  echo "created $dir/$1"
}
make mongo_root_password 'openssl rand -hex 32'
make mongo_app_password 'openssl rand -hex 32'
make mongo_backup_password 'openssl rand -hex 32'
# The replica set's members authenticate to each other with this shared key (6 to 1024 base64 chars).
make mongo_keyfile 'openssl rand -base64 756'
make session_secret 'openssl rand -base64 48'
