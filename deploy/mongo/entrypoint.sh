#!/bin/sh
# mongod refuses a replica-set keyfile that anyone but its owner can read, and compose's file
# secrets keep the host file's owner and mode: copy it to a private file owned by mongodb, then
# hand over to the image's own entrypoint (which creates the root user on first start).
set -eu
install -m 0400 -o mongodb -g mongodb /run/secrets/mongo_keyfile /data/configdb/keyfile
exec docker-entrypoint.sh "$@"
