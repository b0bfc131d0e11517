#!/usr/bin/env bash
# Checks the Debian package the release build makes: what it holds and with which modes, its
# maintainer scripts and control files (lintian, with the overrides in packaging/debian), and the
# kiosk session's unit (systemd-analyze verify, and the exposure `systemd-analyze security`
# gives it). The test suite runs it on its own build (ctest: CheckPackage).
#
# Usage: packaging/check-package.sh [BUILD_DIR]   (default build/release, built already)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build/release}
fail() { echo "check-package: $*" >&2; exit 1; }

(cd "$build" && cpack >/dev/null 2>&1) || fail "cpack could not make the package in $build."
deb=$(ls -t "$build"/gatehouse_*.deb | head -n1)
echo "== $deb"

# What it holds, with each mode and owner as dpkg will install it.
listing=$(dpkg-deb -c "$deb" | awk '{print $1, $2, $6}')
expect() {
    grep -qxF -- "$1" <<<"$listing" || fail "the package lacks '$1' (it holds:
$listing)"
}
expect "-rwxr-xr-x root/root ./usr/bin/gatehouse"
expect "-rwxr-xr-x root/root ./usr/bin/gatehouse-cli"
expect "-rw-r--r-- root/root ./lib/systemd/system/gatehouse-kiosk.service"
expect "-rw-r----- root/root ./etc/gatehouse/gatehouse.ini"
expect "-rw-r--r-- root/root ./usr/share/doc/gatehouse/copyright"
expect "-rw-r--r-- root/root ./usr/share/doc/gatehouse/changelog.gz"
expect "-rw-r--r-- root/root ./usr/share/doc/gatehouse/README.md"
expect "-rw-r--r-- root/root ./usr/share/lintian/overrides/gatehouse"
# Stripped: no debug information shipped to a site.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp"
for program in gatehouse gatehouse-cli; do
    if readelf -S "$tmp/usr/bin/$program" | grep -q '\.debug_info'; then fail "usr/bin/$program is not stripped."; fi
done

# The control part: the maintainer scripts, the conffile, the session's dependencies.
dpkg-deb -e "$deb" "$tmp/DEBIAN"
for script in postinst prerm postrm; do
    [ -x "$tmp/DEBIAN/$script" ] || fail "no executable $script in the package."
    sh -n "$tmp/DEBIAN/$script" || fail "$script is not valid sh."
done
grep -qxF /etc/gatehouse/gatehouse.ini "$tmp/DEBIAN/conffiles" || fail "gatehouse.ini is not a conffile."
depends=$(dpkg-deb -f "$deb" Depends)
for package in cage qt6-wayland bluez adduser fonts-noto-core qt6-virtualkeyboard-plugin; do
    grep -qE "(^|, )$package(,| |$)" <<<"$depends" || fail "Depends lacks $package: $depends"
done
echo "   contents, modes, scripts and dependencies as expected"

# lintian: clean, or each finding overridden with its reason (packaging/debian/lintian-overrides).
if command -v lintian >/dev/null; then
    findings=$(lintian --fail-on error,warning "$deb" 2>&1 | grep -v '^running with root privileges' || true)
    [ -z "$findings" ] || fail "lintian says:
$findings"
    echo "   lintian: clean"
else
    echo "   lintian is not installed: skipped (packaging/install-deps.sh installs it)"
fi

# The unit as systemd reads it (the programs it names must exist: those of the package).
unit=$repo/packaging/systemd/gatehouse-kiosk.service
if command -v systemd-analyze >/dev/null; then
    missing=""
    for program in /usr/bin/cage /usr/bin/gatehouse; do [ -x "$program" ] || missing="$missing $program"; done
    if [ -z "$missing" ]; then
        systemd-analyze verify "$unit" || fail "systemd-analyze verify finds fault with the unit."
    else
        # Not installed here: check a copy that names the build's program and any executable.
        sed -e "s|/usr/bin/cage -d --|/bin/true|" -e "s|/usr/bin/gatehouse |$tmp/usr/bin/gatehouse |" "$unit" \
            >"$tmp/gatehouse-kiosk.service"
        systemd-analyze verify "$tmp/gatehouse-kiosk.service" || fail "systemd-analyze verify finds fault with the unit."
    fi
    exposure=$(systemd-analyze security --offline=true "$unit" 2>/dev/null | tail -n1)
    echo "   systemd-analyze verify: clean; security: ${exposure#→ }"
fi
