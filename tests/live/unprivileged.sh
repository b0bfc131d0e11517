#!/bin/sh
# Runs a test as the kiosk's unit runs Gatehouse: an ordinary user without any capability
# (packaging/systemd/gatehouse-kiosk.service: User=gatehouse, CapabilityBoundingSet= empty). As
# root (CI), it becomes `nobody` with no capability at all and a home of its own; as anyone else
# it runs as they are, which is already the case.
set -eu
if [ "$(id -u)" -ne 0 ]; then
    exec "$@"
fi
home=$(mktemp -d /tmp/gatehouse-live.XXXXXX)
chown nobody:nogroup "$home"
chmod 0700 "$home"
status=0
env HOME="$home" XDG_RUNTIME_DIR="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
    TMPDIR="$home" \
    setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all --bounding-set=-all \
    --no-new-privs -- "$@" || status=$?
rm -rf "$home"
exit "$status"
