#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang, ASan + UBSan), makes each a seed corpus
# from ../shared/samples (when it is there) and tests/fuzz/seeds, and runs each with its
# dictionary for SECONDS (default 60). A crash fails the run and leaves the input in
# build/fuzz/crashes/TARGET: it becomes a regression test (the crash-* file in tests/fuzz/seeds).
# The same seed each run (-seed=1), so that a run is repeatable. Prints the coverage (edges) each
# reached. Usage: tests/fuzz/run-fuzzers.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
if ! command -v clang++ >/dev/null; then
    echo "run-fuzzers: clang++ is not installed; skipping the fuzzers." >&2
    exit 0
fi
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
samples=../shared/samples
work=build/fuzz/corpus
rm -rf "$work"
for target in FuzzCaptureLine FuzzPayload FuzzRecording FuzzRoster FuzzSettings FuzzHealthQuestions FuzzFrame; do
    mkdir -p "$work/$target" "build/fuzz/crashes/$target"
    cp tests/fuzz/seeds/$target/* "$work/$target/"
done
if [ -d "$samples" ]; then
    # Capture lines: every 50th line of the lobbies (malformed ones included).
    for capture in "$samples"/ble/*.jsonl; do
        awk -v dir="$work/FuzzCaptureLine" -v stem="$(basename "$capture" .jsonl)" \
            'NR % 50 == 1 { print > (dir "/" stem "-" NR ".json"); close(dir "/" stem "-" NR ".json") }' "$capture"
    done
    # Payloads: the text of every code of the camera-like frames and of the peer's QR set.
    python3 - "$samples/qr-frames/expect.json" "$work/FuzzPayload" <<'PY'
import json, sys, pathlib
expect = json.load(open(sys.argv[1]))
items = expect.items() if isinstance(expect, dict) else enumerate(expect)
for name, item in items:
    text = item.get("text") if isinstance(item, dict) else None
    if text:
        pathlib.Path(sys.argv[2], f"frame-{name}.txt").write_text(text)
PY
    for text in "$samples"/qr-zxing/*.txt; do cp "$text" "$work/FuzzPayload/zxing-$(basename "$text")"; done
    export GATEHOUSE_FUZZ_PASS_KEY="$samples/qr-frames/keys/site.pub.pem"
fi
status=0
for target in FuzzCaptureLine FuzzPayload FuzzRecording FuzzRoster FuzzSettings FuzzHealthQuestions FuzzFrame; do
    log="build/fuzz/$target.log"
    if ASAN_OPTIONS=detect_leaks=0 "build/fuzz/bin/$target" -seed=1 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
        -dict="tests/fuzz/$target.dict" -artifact_prefix="build/fuzz/crashes/$target/" -print_final_stats=1 \
        "$work/$target" >"$log" 2>&1; then
        edges=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
        echo "run-fuzzers: $target: ${runs:-?} runs, ${edges:-?} edges, no crash"
    else
        echo "run-fuzzers: $target FAILED: see $log and build/fuzz/crashes/$target" >&2
        tail -n 30 "$log" >&2
        status=1
    fi
done
exit $status
