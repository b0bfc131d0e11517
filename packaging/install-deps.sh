#!/usr/bin/env bash
# Installs the Debian 12 packages that Gatehouse needs to build, test and run.
# Idempotent: installs only what is missing and prints nothing when everything is there.
# Runs as root (or through sudo when it is available).
set -euo pipefail

# One list, grouped by why we need it. Debian 12 (bookworm) package names.
packages=(
    # toolchain
    cmake ninja-build g++ pkg-config clang-format
    # CPack's DEB generator works out library dependencies with dpkg-shlibdeps
    dpkg-dev file
    # Qt 6.4 modules (see ARCHITECTURE.md); Charts needs the OpenGL dev files
    qt6-base-dev qt6-base-dev-tools qt6-connectivity-dev qt6-multimedia-dev qt6-svg-dev
    qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    # spoken guidance ([kiosk] speech): Qt TextToSpeech and its speech-dispatcher plugin
    # (its CMake package needs Qt Qml's, from qt6-declarative-dev)
    qt6-speech-dev qt6-speech-speechd-plugin qt6-declarative-dev
    # run time: SQLite driver, platform plugins (xcb, offscreen), on-screen keyboard, image formats
    libqt6sql6-sqlite qt6-qpa-plugins qt6-virtualkeyboard-plugin qt6-image-formats-plugins
    # the on-screen keyboard is QML: the modules its panel imports
    qml6-module-qtquick qml6-module-qtquick-layouts qml6-module-qtquick-window
    qml6-module-qtqml-workerscript qml6-module-qt-labs-folderlistmodel
    # tests only: a Vietnamese dictionary for the keyboard's word learning (TestOnScreenKeyboard)
    hunspell-vi
    # QR decoding (ZXing-cpp, and zbar for what ZXing-cpp cannot read) and crypto
    libzxing-dev libzbar-dev libssl-dev
    # SQLite's own C API, for streaming exports at the speed of the sqlite3 shell
    libsqlite3-dev
    # XLSX exports for officials; zlib reads a written workbook back to prove it whole
    libxlsxwriter-dev zlib1g-dev
    # the central store's client (app/central); the tests start a PostgreSQL 15 of their own,
    # with btree_gist from contrib for the stays' GiST index, and psql to check it
    libpq-dev postgresql-15 postgresql-contrib postgresql-client-15
    # a province's synchronous standby and automatic failover (issue 27): pg_auto_failover's
    # extension and its pg_autoctl keeper and monitor; the failover tests run them on this machine
    postgresql-15-auto-failover pg-auto-failover-cli
    # the province's console (gatehouse-central): cpp-httplib serves HTTPS over OpenSSL
    libcpp-httplib-dev
    # tests only: LibreOffice reads exported workbooks back, poppler renders the PDF report,
    # the openssl tool makes the test CA and checks signatures as an official would
    libreoffice-calc-nogui poppler-utils openssl
    # tests only: Wireshark decodes the Bluetooth recordings the reader reads (tshark), and
    # writes sniffer recordings from packets (text2pcap, in wireshark-common)
    tshark wireshark-common
    # tests only: a fake BlueZ on a private bus of the tests' own (tests/fakes/bluez) runs Qt's
    # real BlueZ backend without a controller
    dbus-daemon python3-dbus python3-gi
    # the peer QR decoder the benchmarks compare with (zbarimg)
    zbar-tools
    # the peer the export benchmark compares with (sqlite3 -csv)
    sqlite3
    # the kiosk session (packaging/systemd): cage, a Wayland compositor for one full-screen
    # application, and Qt's Wayland platform; tests take its screenshot with grim (xwayland is
    # what cage 0.1.4 starts beside it)
    cage qt6-wayland xwayland grim
    # packaging/check-package.sh: lintian checks the .deb
    lintian
    # the fuzz targets (tests/fuzz: libFuzzer is clang's, in its runtime package)
    clang libclang-rt-14-dev
    # fonts with Vietnamese diacritics for offscreen rendering and the kiosk
    fontconfig fonts-dejavu-core fonts-noto-core
    # tests only: the console's browser tests (tests/browser) drive Debian's chromium with
    # playwright-core from npm, on Node.js
    chromium nodejs
)
# Debian's nodejs leaves npm to a package of its own; other builds of nodejs (NodeSource's)
# carry it and conflict with Debian's npm, so ask for it only when the command is missing.
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
        as_root=(sudo)
    else
        echo "install-deps: these packages are missing and installing them needs root: ${missing[*]}" >&2
        exit 2
    fi
fi

echo "install-deps: installing ${#missing[@]} Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
