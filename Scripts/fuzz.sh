#!/usr/bin/env bash
# Fuzzes the report parser with libFuzzer for a bounded time.
#
#   Scripts/fuzz.sh [SECONDS]      (default 300)
#
# Builds .build/fuzz/report-parser from the sources of KubeConKit and Fuzz/ReportParserFuzzer.swift
# with -sanitize=fuzzer,address, seeds it with the bundled reports (and ../shared/dev-reports when
# present), and runs it. Inputs that crash are written to .build/fuzz/crash-*; new interesting
# inputs accumulate in .build/fuzz/corpus between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
out=.build/fuzz
mkdir -p "$out/corpus"

echo "building $out/report-parser ..."
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name KubeConFuzz \
  $(find Sources/KubeConKit -name '*.swift' | sort) Fuzz/ReportParserFuzzer.swift \
  -o "$out/report-parser" 2> "$out/build.log" || { cat "$out/build.log"; exit 1; }

# Seeds: every bundled report, and the dev reports when they are beside the project.
for f in Data/reports/*.md Data/reports/*.txt ../shared/dev-reports/*.md ../shared/dev-reports/*.txt; do
  [ -f "$f" ] && cp "$f" "$out/corpus/seed-$(basename "$f")"
done

echo "fuzzing for ${seconds}s ..."
KUBECON_DATA="$PWD/Data" "$out/report-parser" "$out/corpus" \
  -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len=131072 \
  -artifact_prefix="$out/" -print_final_stats=1 2>&1 | tee "$out/fuzz.log" | grep -E "^#|ERROR|SUMMARY|stat::|Done" | tail -n 25
if ls "$out"/crash-* "$out"/timeout-* "$out"/oom-* >/dev/null 2>&1; then
  echo "findings in $out:"; ls "$out"/crash-* "$out"/timeout-* "$out"/oom-* 2>/dev/null
  exit 1
fi
echo "no crash, timeout or out-of-memory in ${seconds}s"
