#!/usr/bin/env bash
# Checks the Debian packages the release build makes (the kiosk, the command line, the province's console): what it holds and with which modes, its
# maintainer scripts and control files (lintian, with the overrides in packaging/debian), and the
# kiosk session's unit (systemd-analyze verify, and the exposure `systemd-analyze security`
# gives it). The test suite runs it on its own build (ctest: CheckPackage).
#
# Usage: packaging/check-package.sh [BUILD_DIR]   (default build/release, built already)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build/release}
fail() { echo "check-package: $*" >&2; exit 1; }

(cd "$build" && cpack >/dev/null 2>&1) || fail "cpack could not make the packages in $build."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# check PACKAGE FILE...: what the package holds (each "mode owner path" as dpkg will install
# it), stripped programs, valid maintainer scripts and lintian clean or overridden with reasons.
# Sets $deb and unpacks the package into $tmp/PACKAGE.
check() {
    local package=$1
    shift
    deb=$(ls -t "$build"/"${package}"_*.deb | head -n1)
    echo "== $deb"
    local listing
    listing=$(dpkg-deb -c "$deb" | awk '{print $1, $2, $6}')
    for entry in "$@" \
        "-rw-r--r-- root/root ./usr/share/doc/$package/copyright" \
        "-rw-r--r-- root/root ./usr/share/doc/$package/changelog.gz" \
        "-rw-r--r-- root/root ./usr/share/doc/$package/README.md" \
        "-rw-r--r-- root/root ./usr/share/lintian/overrides/$package"; do
        grep -qxF -- "$entry" <<<"$listing" || fail "$package lacks '$entry' (it holds:
$listing)"
    done
    mkdir -p "$tmp/$package"
    dpkg-deb -x "$deb" "$tmp/$package"
    for program in "$tmp/$package"/usr/bin/*; do
        if readelf -S "$program" | grep -q '\.debug_info'; then fail "${program#"$tmp/$package"} is not stripped."; fi
    done
    dpkg-deb -e "$deb" "$tmp/$package/DEBIAN"
    for script in postinst prerm postrm; do
        [ -e "$tmp/$package/DEBIAN/$script" ] || continue
        [ -x "$tmp/$package/DEBIAN/$script" ] || fail "$script of $package is not executable."
        sh -n "$tmp/$package/DEBIAN/$script" || fail "$script of $package is not valid sh."
    done
    # lintian: clean, or each finding overridden with its reason (packaging/debian/*.lintian-overrides).
    if command -v lintian >/dev/null; then
        findings=$(lintian --fail-on error,warning "$deb" 2>&1 | grep -v '^running with root privileges' || true)
        [ -z "$findings" ] || fail "lintian says:
$findings"
        echo "   lintian: clean"
    else
        echo "   lintian is not installed: skipped (packaging/install-deps.sh installs it)"
    fi
}
depends_on() { # PACKAGE DEPENDENCY...
    local depends
    depends=$(dpkg-deb -f "$(ls -t "$build"/"$1"_*.deb | head -n1)" Depends)
    local package=$1
    shift
    for dependency in "$@"; do
        grep -qE "(^|, )$dependency( |,|$)" <<<"$depends" || fail "Depends of $package lacks $dependency: $depends"
    done
}

# The kiosk: its program, session, configuration (a conffile) and maintainer scripts.
check gatehouse "-rwxr-xr-x root/root ./usr/bin/gatehouse" \
    "-rw-r--r-- root/root ./lib/systemd/system/gatehouse-kiosk.service" \
    "-rw-r----- root/root ./etc/gatehouse/gatehouse.ini"
for script in postinst prerm postrm; do
    [ -x "$tmp/gatehouse/DEBIAN/$script" ] || fail "no executable $script in the kiosk's package."
done
grep -qxF /etc/gatehouse/gatehouse.ini "$tmp/gatehouse/DEBIAN/conffiles" || fail "gatehouse.ini is not a conffile."
depends_on gatehouse gatehouse-cli cage qt6-wayland bluez adduser fonts-noto-core qt6-virtualkeyboard-plugin
[ ! -e "$tmp/gatehouse/usr/bin/gatehouse-central" ] || fail "the kiosk's package holds the province's console."

# The command line, on kiosks and on the province's server.
check gatehouse-cli "-rwxr-xr-x root/root ./usr/bin/gatehouse-cli"

# The province's console: no display, no Bluetooth, no kiosk session.
check gatehouse-central "-rwxr-xr-x root/root ./usr/bin/gatehouse-central" \
    "-rw-r--r-- root/root ./lib/systemd/system/gatehouse-central.service" \
    "-rw-r--r-- root/root ./etc/default/gatehouse-central" \
    "-rw-r--r-- root/root ./etc/gatehouse/central.ini"
for file in /etc/default/gatehouse-central /etc/gatehouse/central.ini; do
    grep -qxF "$file" "$tmp/gatehouse-central/DEBIAN/conffiles" || fail "$file is not a conffile."
done
depends_on gatehouse-central gatehouse-cli
central_depends=$(dpkg-deb -f "$(ls -t "$build"/gatehouse-central_*.deb | head -n1)" Depends)
for unwanted in cage bluez qt6-wayland libqt6widgets6; do
    if grep -qE "(^|, )$unwanted( |,|$)" <<<"$central_depends"; then fail "the console's package depends on $unwanted."; fi
done
echo "   contents, modes, scripts and dependencies as expected"

# The unit as systemd reads it (the programs it names must exist: those of the package).
unit=$repo/packaging/systemd/gatehouse-kiosk.service
if command -v systemd-analyze >/dev/null; then
    missing=""
    for program in /usr/bin/cage /usr/bin/gatehouse; do [ -x "$program" ] || missing="$missing $program"; done
    if [ -z "$missing" ]; then
        systemd-analyze verify "$unit" || fail "systemd-analyze verify finds fault with the unit."
    else
        # Not installed here: check a copy that names the build's program and any executable.
        sed -e "s|/usr/bin/cage -d --|/bin/true|" -e "s|/usr/bin/gatehouse |$tmp/gatehouse/usr/bin/gatehouse |" "$unit" \
            >"$tmp/gatehouse-kiosk.service"
        systemd-analyze verify "$tmp/gatehouse-kiosk.service" || fail "systemd-analyze verify finds fault with the unit."
    fi
    exposure=$(systemd-analyze security --offline=true "$unit" 2>/dev/null | tail -n1)
    echo "   systemd-analyze verify: clean; security: ${exposure#→ }"
fi

# The console's unit, on a copy that names the build's program.
if command -v systemd-analyze >/dev/null; then
    unit=$repo/packaging/systemd/gatehouse-central.service
    sed -e "s|/usr/bin/gatehouse-central |$tmp/gatehouse-central/usr/bin/gatehouse-central |" "$unit" \
        >"$tmp/gatehouse-central.service"
    systemd-analyze verify "$tmp/gatehouse-central.service" || fail "systemd-analyze verify finds fault with the console's unit."
    exposure=$(systemd-analyze security --offline=true "$unit" 2>/dev/null | tail -n1)
    echo "   gatehouse-central.service: systemd-analyze verify clean; security: ${exposure#→ }"
fi
