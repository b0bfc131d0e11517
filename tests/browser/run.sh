#!/usr/bin/env bash
# The console's browser tests (console.test.mjs) as CTest runs them: WORK is a folder of the build
# where playwright-core, exactly as package-lock.json names it, is installed once with npm.
# Exit 77 (CTest: skipped) with a sentence when this machine cannot run them: no Node.js 18 or
# later, no chromium, no PostgreSQL 15, or npm cannot reach its registry.
# Usage: run.sh WORK   (environment: GATEHOUSE_CLI, GATEHOUSE_CENTRAL, GATEHOUSE_PICTURES)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=${1:?usage: run.sh WORK}

skip() {
    echo "SKIPPED: the console's browser tests need $* (packaging/install-deps.sh installs it)"
    exit 77
}
command -v node >/dev/null || skip "Node.js"
command -v npm >/dev/null || skip "npm"
[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 18 ] || skip "Node.js 18 or later"
chromium=${GATEHOUSE_CHROMIUM:-$(command -v chromium || true)}
[ -n "$chromium" ] || skip "chromium"
[ -x /usr/lib/postgresql/15/bin/initdb ] || skip "PostgreSQL 15"
command -v openssl >/dev/null || skip "the openssl tool"

if ! cmp -s "$here/package-lock.json" "$work/package-lock.json" || [ ! -d "$work/node_modules/playwright-core" ]; then
    mkdir -p "$work"
    cp "$here/package.json" "$here/package-lock.json" "$work/"
    if ! (cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error); then
        rm -f "$work/package-lock.json"
        echo "SKIPPED: npm could not install playwright-core from its registry"
        exit 77
    fi
fi

export GATEHOUSE_NODE_MODULES="$work/node_modules" GATEHOUSE_CHROMIUM="$chromium"
exec node --test --test-reporter=spec "$here/console.test.mjs"
