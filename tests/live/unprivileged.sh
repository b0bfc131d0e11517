#!/bin/sh
# Runs a test as the kiosk's unit runs Gatehouse: an ordinary user without any capability
# (packaging/systemd/gatehouse-kiosk.service: User=gatehouse, CapabilityBoundingSet= empty). As
# root (CI), it becomes `nobody` with no capability at all and a home of its own; as anyone else
# it runs as they are, which is already the case.
#   unprivileged.sh [--writable DIR]... COMMAND [ARGS...]
# --writable: a folder the test writes its pictures to, made and handed to that user.
set -eu
writable=""
while [ "${1:-}" = "--writable" ]; do
    writable="$writable $2"
    shift 2
done
if [ "$(id -u)" -ne 0 ]; then
    for dir in $writable; do mkdir -p "$dir"; done
    exec "$@"
fi
home=$(mktemp -d /tmp/gatehouse-live.XXXXXX)
chown nobody:nogroup "$home"
chmod 0700 "$home"
for dir in $writable; do
    mkdir -p "$dir"
    chown nobody:nogroup "$dir"
done
status=0
env HOME="$home" XDG_RUNTIME_DIR="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
    TMPDIR="$home" \
    setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all --bounding-set=-all \
    --no-new-privs -- "$@" || status=$?
rm -rf "$home"
exit "$status"
