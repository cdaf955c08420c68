#!/usr/bin/env bash
# Whole-process timings of kubecon on generated corpora, side by side with ripgrep over the raw
# report files and the sqlite3 shell over an FTS5 table of the same files. Writes BENCHMARKS.md
# (the tables) and .build/bench/results.tsv (every median).
#
#   Scripts/bench.sh                          # sizes 100 1000 10000, 5 runs per measure
#   SIZES="100 1000" RUNS=3 Scripts/bench.sh  # smaller, quicker
#   BASE=52efad4 SIZES=1000 Scripts/bench.sh  # also times that revision's build and searches, side by side
#
# Medians of RUNS runs (BUILD_RUNS for build and add, default 3; a build of under 10,000 reports
# takes under a second and is run SMALL_BUILD_RUNS times, default 11: more runs where they are
# cheap), from process start to the last byte of output (written to /dev/null). Peak memory is GNU
# time's maximum resident set size.
set -euo pipefail
cd "$(dirname "$0")/.."
# Times are read from bash's clock (EPOCHREALTIME, bash 5), not from `date`: a `date` started after
# the command is measured with it (1.7-1.8 ms here, a fifth of a search).
[ -n "${EPOCHREALTIME:-}" ] || { echo "bench.sh needs bash 5 or later (EPOCHREALTIME)" >&2; exit 1; }
SIZES=${SIZES:-"100 1000 10000"}
RUNS=${RUNS:-5}
BUILD_RUNS=${BUILD_RUNS:-3}
SMALL_BUILD_RUNS=${SMALL_BUILD_RUNS:-11}
PAIRED_RUNS=${PAIRED_RUNS:-31}   # searches of the base and this tree, alternated
work=.build/bench
mkdir -p "$work"

rare=zq1            # one report has it (the generator writes "zq" + its number in base 36)
common=kubernetes   # nearly every report has it
french="sécurité plateforme"
results=$work/results.tsv
# TABLES_ONLY=1 rewrites BENCHMARKS.md from the last results.tsv without measuring again.
if [ "${TABLES_ONLY:-}" != 1 ]; then

# Tools for the comparison, installed when missing (never dependencies of kubecon).
missing=()
command -v rg >/dev/null || missing+=(ripgrep)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} ..."
  (apt-get install -y "${missing[@]}" || (apt-get update && apt-get install -y "${missing[@]}")) >/dev/null
fi

echo "building release binaries ..."
# Built as the README advises for daily use: the Swift runtime and Foundation linked in (no shared
# libraries to load at start-up, about 4 ms instead of 9 here), and a position-dependent
# executable (no relocations to apply at start-up, about 2.5 ms instead of 4.7).
swift build -c release --product kubecon --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie 2>&1 | tail -1
bin=$PWD/.build/release/kubecon
# BASE: a revision built the same way, timed beside this tree on the same corpora (before/after).
basebin=
if [ -n "${BASE:-}" ]; then
  rm -rf "$work/base" && mkdir -p "$work/base"
  git archive "$BASE" | tar -x -C "$work/base"
  git rev-parse --short "$BASE" > "$work/base-revision"
  (cd "$work/base" && swift build -c release --product kubecon --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie 2>&1 | tail -1)
  basebin=$PWD/$work/base/.build/release/kubecon
fi
swiftc -O Benchmarks/GenerateReports/main.swift Sources/KubeConKit/Text/SeededGenerator.swift -o "$work/generate-reports"
printf 'import Foundation\nprint(ProcessInfo.processInfo.processName)\n' > "$work/hello.swift"
swiftc -O "$work/hello.swift" -o "$work/hello"
swiftc -O -static-stdlib "$work/hello.swift" -o "$work/hello-static"

# median_ms CMD...: runs CMD $RUNS times, prints the median wall time in ms.
# One untimed run first: it warms the page cache, and a failing command stops the benchmark.
median_ms() {
  local runs=$1; shift
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; kill $$; }
  for _ in $(seq "$runs"); do
    local s e
    s=${EPOCHREALTIME/[.,]/}; "$@" >/dev/null 2>&1; e=${EPOCHREALTIME/[.,]/}
    echo $(( e - s ))
  done | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m / 1000}'
}
# paired_ms RUNS "BASE CMD" "CMD": runs each once untimed, then RUNS times in turn; prints both medians.
paired_ms() {
  local runs=$1 first=$2 second=$3 s e times
  $first >/dev/null 2>&1 && $second >/dev/null 2>&1 || { echo "failed: $first / $second" >&2; kill $$; }
  times=$(for _ in $(seq "$runs"); do
    s=${EPOCHREALTIME/[.,]/}; $first >/dev/null 2>&1; e=${EPOCHREALTIME/[.,]/}; printf '%s ' $(( e - s ))
    s=${EPOCHREALTIME/[.,]/}; $second >/dev/null 2>&1; e=${EPOCHREALTIME/[.,]/}; echo $(( e - s ))
  done)
  median() { sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f", m / 1000}'; }
  echo "$(cut -d' ' -f1 <<<"$times" | median) $(cut -d' ' -f2 <<<"$times" | median)"
}
peak_mb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.1f\n", $1 / 1024}'; }
echo -e "size\tmeasure\tvalue" > "$results"
record() { echo -e "$1\t$2\t$3" >> "$results"; printf '  %-28s %s\n' "$2" "$3"; }

record 0 "runs" "$RUNS"
record 0 "build runs" "$BUILD_RUNS"
record 0 "small build runs" "$SMALL_BUILD_RUNS"
echo "start-up"
record 0 "start swift hello (ms)" "$(median_ms 21 "$work/hello")"
record 0 "start swift hello static (ms)" "$(median_ms 21 "$work/hello-static")"
record 0 "start sqlite3 select 1 (ms)" "$(median_ms 21 sqlite3 :memory: 'select 1')"


for n in $SIZES; do
  echo "size $n"
  reports=$work/reports-$n
  if [ "$(ls "$reports" 2>/dev/null | wc -l)" != "$n" ]; then
    rm -rf "$reports"
    "$work/generate-reports" Data/reports "$reports" "$n"
  fi
  corpus=$work/corpus-$n.json
  bytes=$(cat "$reports"/* | wc -c)
  record "$n" "report text (MB)" "$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}')"
  build_ms=$(median_ms "$([ "$n" -lt 10000 ] && echo "$SMALL_BUILD_RUNS" || echo "$BUILD_RUNS")" "$bin" build --reports "$reports" --out "$corpus")
  record "$n" "build (ms)" "$build_ms"
  record "$n" "build (MB/s)" "$(awk -v b="$bytes" -v ms="$build_ms" 'BEGIN {printf "%.2f", b / 1048576 / (ms / 1000)}')"
  if [ -n "$basebin" ]; then
    # (Its own corpus and index: the formats may differ between revisions.)
    basecorpus=$work/base-corpus-$n.json
    # Alternated, a run of the base then one of this tree: both see the machine's same hour.
    runs=$([ "$n" -lt 10000 ] && echo "$SMALL_BUILD_RUNS" || echo "$BUILD_RUNS")
    read -r b a < <(paired_ms "$runs" "$basebin build --reports $reports --out $basecorpus" "$bin build --reports $reports --out $corpus")
    record "$n" "base build (ms)" "$b"
    record "$n" "build again (ms)" "$a"
    for q in rare common; do
      # Each binary keeps its own cache folder: the program's session cache differs between
      # versions, and one shared folder would have each run rebuild the other's.
      read -r b a < <(paired_ms "$PAIRED_RUNS" "env XDG_CACHE_HOME=$work/cache-base $basebin search --corpus $basecorpus ${!q}" \
        "env XDG_CACHE_HOME=$work/cache-this $bin search --corpus $corpus ${!q}")
      record "$n" "base search $q (ms)" "$b"
      record "$n" "search $q again (ms)" "$a"
    done
  fi
  record "$n" "corpus file (MB)" "$(awk -v b="$(wc -c < "$corpus")" 'BEGIN {printf "%.1f", b / 1048576}')"

  # add: one new report into a copy of the corpus that has its index (any query made it), with
  # an empty journal each run; then the query that rebuilds the index over the journal, and remove,
  # which writes the whole corpus file (what folding the journal in costs too).
  extra=$work/extra-$n
  rm -rf "$extra" && "$work/generate-reports" Data/reports "$extra.all" $((n + 1)) >/dev/null
  mkdir -p "$extra" && mv "$extra.all/$(ls "$extra.all" | tail -1)" "$extra/" && rm -rf "$extra.all"
  add=$work/add.json
  rm -rf "$add" "$add.idx" "$add.journal" && cp "$corpus" "$add"
  "$bin" reports --corpus "$add" >/dev/null
  add_once() {
    rm -rf "$add.journal"
    s=${EPOCHREALTIME/[.,]/}; "$bin" add --corpus "$add" "$extra"/* >"$work/add.out" 2>&1; e=${EPOCHREALTIME/[.,]/}
    echo $(( e - s ))
  }
  record "$n" "add one report (ms)" "$(for _ in $(seq "$BUILD_RUNS"); do add_once; done | sort -n | awk '{a[NR]=$1} END {printf "%.1f\n", a[int((NR+1)/2)] / 1000}')"
  s=${EPOCHREALTIME/[.,]/}; "$bin" search --corpus "$add" $common >/dev/null; e=${EPOCHREALTIME/[.,]/}
  record "$n" "first search after add (ms)" "$(( (e - s) / 1000 ))"
  added=$(awk '/^added /{print $2; exit}' "$work/add.out")
  s=${EPOCHREALTIME/[.,]/}; "$bin" remove --corpus "$add" "$added" >/dev/null; e=${EPOCHREALTIME/[.,]/}
  record "$n" "remove one report (ms)" "$(( (e - s) / 1000 ))"
  cmp -s "$add" "$corpus" || { echo "add then remove did not give back the corpus" >&2; exit 1; }
  rm -rf "$add" "$add.idx" "$add.journal"

  # The first query after the corpus changed builds the index (corpus.json.idx); later ones map it.
  rm -f "$corpus.idx"
  s=${EPOCHREALTIME/[.,]/}; "$bin" search --corpus "$corpus" $common >/dev/null; e=${EPOCHREALTIME/[.,]/}
  record "$n" "first search, index build (ms)" "$(( (e - s) / 1000 ))"
  record "$n" "index file (MB)" "$(awk -v b="$(wc -c < "$corpus.idx")" 'BEGIN {printf "%.1f", b / 1048576}')"
  rm -f "$corpus.idx"
  record "$n" "index build peak (MB)" "$(peak_mb "$bin" search --corpus "$corpus" $common)"
  record "$n" "kubecon search rare (ms)" "$(median_ms "$RUNS" "$bin" search --corpus "$corpus" $rare)"
  record "$n" "kubecon search common (ms)" "$(median_ms "$RUNS" "$bin" search --corpus "$corpus" $common)"
  record "$n" "kubecon search french (ms)" "$(median_ms "$RUNS" "$bin" search --corpus "$corpus" $french)"
  record "$n" "kubecon talks --theme (ms)" "$(median_ms "$RUNS" "$bin" talks --corpus "$corpus" --theme observability)"
  record "$n" "kubecon show (ms)" "$(median_ms "$RUNS" "$bin" show --corpus "$corpus" OpenTelemetry)"
  record "$n" "kubecon diff (ms)" "$(median_ms "$RUNS" "$bin" diff --corpus "$corpus" eu-2024 eu-2025)"
  record "$n" "kubecon search peak (MB)" "$(peak_mb "$bin" search --corpus "$corpus" $common)"
  record "$n" "kubecon talks peak (MB)" "$(peak_mb "$bin" talks --corpus "$corpus" --theme observability)"

  record "$n" "rg rare (ms)" "$(median_ms "$RUNS" rg -i $rare "$reports")"
  record "$n" "rg common (ms)" "$(median_ms "$RUNS" rg -i $common "$reports")"
  record "$n" "rg french (ms)" "$(median_ms "$RUNS" rg -i "sécurité.*plateforme|plateforme.*sécurité" "$reports")"

  db=$work/fts-$n.db
  rm -f "$db"
  s=${EPOCHREALTIME/[.,]/}
  sqlite3 "$db" "CREATE VIRTUAL TABLE docs USING fts5(name, body, tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO docs SELECT name, CAST(data AS TEXT) FROM fsdir('$reports') WHERE name GLOB '*.*';"
  e=${EPOCHREALTIME/[.,]/}
  record "$n" "fts5 index build (ms)" "$(( (e - s) / 1000 ))"
  fts() { sqlite3 "$db" "SELECT name, snippet(docs, 1, '[', ']', '…', 16) FROM docs WHERE docs MATCH '$1' ORDER BY bm25(docs) LIMIT 10;"; }
  record "$n" "fts5 rare (ms)" "$(median_ms "$RUNS" fts $rare)"
  record "$n" "fts5 common (ms)" "$(median_ms "$RUNS" fts $common)"
  record "$n" "fts5 french (ms)" "$(median_ms "$RUNS" fts "$french")"
done
fi
SIZES=$(awk -F'\t' 'NR > 1 && $1 > 0 {print $1}' "$results" | sort -nu | xargs)

# BENCHMARKS.md from the results.
value() { awk -F'\t' -v s="$1" -v m="$2" '$1 == s && $2 == m {print $3}' "$results"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}'; }
{
  echo "## Results"
  echo
  echo "Generated by \`Scripts/bench.sh\` (SIZES=\"$SIZES\" RUNS=$(value 0 runs) BUILD_RUNS=$(value 0 "build runs") SMALL_BUILD_RUNS=$(value 0 "small build runs")) on $(date -u -r "$results" +%Y-%m-%d)."
  echo
  echo "- Machine: $(nproc) cores, $(awk -F: '/model name/ {print $2; exit}' /proc/cpuinfo | xargs), $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo) RAM, $(uname -sr)"
  echo "- Tools: $(swift --version 2>&1 | sed -n 1p); $(rg --version | sed -n 1p); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
  echo "- Corpora: \`Benchmarks/GenerateReports\` makes N reports from the five bundled ones (other editions, added"
  echo "  talks with generated titles, speakers and companies, a rare word per report)."
  echo "- Every figure is the median of whole-process runs in milliseconds unless stated (timed by bash's"
  echo "  \`EPOCHREALTIME\`; builds of under 10,000 reports: SMALL_BUILD_RUNS runs); queries: rare \`$rare\`,"
  echo "  common \`$common\`, French two words \`$french\` (ripgrep: both words on one line, as a regex)."
  echo
  echo "Start-up: a Swift Foundation hello-world $(value 0 "start swift hello (ms)") ms, or $(value 0 "start swift hello static (ms)") ms with the runtime"
  echo "linked in (\`-static-stdlib\`); \`sqlite3 :memory: 'select 1'\` $(value 0 "start sqlite3 select 1 (ms)") ms. kubecon is built with"
  echo "\`swift build -c release --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie\`."
  echo
  first=${SIZES%% *}; last=${SIZES##* }
  printf "| measure |"; for n in $SIZES; do printf " %s reports |" "$n"; done; printf " growth %s→%s |\n" "$first" "$last"
  printf "|---|"; for n in $SIZES; do printf "%s" "---|"; done; echo "---|"
  for m in "report text (MB)" "build (ms)" "build (MB/s)" "corpus file (MB)" "add one report (ms)" "first search after add (ms)" "remove one report (ms)" \
    "first search, index build (ms)" "index file (MB)" "index build peak (MB)" \
    "kubecon search rare (ms)" "kubecon search common (ms)" "kubecon search french (ms)" "kubecon talks --theme (ms)" \
    "kubecon show (ms)" "kubecon diff (ms)" "kubecon search peak (MB)" "kubecon talks peak (MB)" \
    "rg rare (ms)" "rg common (ms)" "rg french (ms)" \
    "fts5 index build (ms)" "fts5 rare (ms)" "fts5 common (ms)" "fts5 french (ms)"; do
    printf "| %s |" "$m"; for n in $SIZES; do printf " %s |" "$(value "$n" "$m")"; done
    printf " ×%s |\n" "$(ratio "$(value "$last" "$m")" "$(value "$first" "$m")")"
  done
  echo
  echo "Growth is the last size's figure over the first's; the sizes grow ×$(ratio "$last" "$first")."
  echo
  if [ -n "$(value "$first" "base build (ms)")" ]; then
    echo "Before/after: this tree against \`BASE=$(cat "$work/base-revision" 2>/dev/null)\`, each run alternated with the other's on the same corpus"
    echo "(build: the base, then this tree again; below 1.25: within 25% of the base)."
    echo
    printf "| after/before |"; for n in $SIZES; do printf " %s |" "$n"; done; echo
    printf "|---|"; for n in $SIZES; do printf "%s" "---|"; done; echo
    printf "| build |"; for n in $SIZES; do printf " %s (%s / %s ms) |" "$(ratio "$(value "$n" "build again (ms)")" "$(value "$n" "base build (ms)")")" "$(value "$n" "build again (ms)")" "$(value "$n" "base build (ms)")"; done; echo
    for q in rare common; do
      printf "| search %s |" "$q"; for n in $SIZES; do printf " %s (%s / %s ms) |" "$(ratio "$(value "$n" "search $q again (ms)")" "$(value "$n" "base search $q (ms)")")" "$(value "$n" "search $q again (ms)")" "$(value "$n" "base search $q (ms)")"; done; echo
    done
    echo
  fi
  echo "Ratios (below 1: kubecon is faster):"
  echo
  printf "| ratio |"; for n in $SIZES; do printf " %s |" "$n"; done; echo
  printf "|---|"; for n in $SIZES; do printf "%s" "---|"; done; echo
  for q in rare common french; do
    printf "| kubecon/ripgrep %s |" "$q"; for n in $SIZES; do printf " %s |" "$(ratio "$(value "$n" "kubecon search $q (ms)")" "$(value "$n" "rg $q (ms)")")"; done; echo
    printf "| kubecon/FTS5 %s |" "$q"; for n in $SIZES; do printf " %s |" "$(ratio "$(value "$n" "kubecon search $q (ms)")" "$(value "$n" "fts5 $q (ms)")")"; done; echo
  done
} > "$work/tables.md"
# The tables replace what sits between the markers of BENCHMARKS.md; the notes around them stay.
if grep -q '<!-- bench:start -->' BENCHMARKS.md 2>/dev/null; then
  awk -v tables="$work/tables.md" '
    /<!-- bench:start -->/ {print; while ((getline line < tables) > 0) print line; skip = 1; next}
    /<!-- bench:end -->/ {skip = 0}
    !skip {print}' BENCHMARKS.md > "$work/BENCHMARKS.md.new"
  mv "$work/BENCHMARKS.md.new" BENCHMARKS.md
else
  { echo '<!-- bench:start -->'; cat "$work/tables.md"; echo '<!-- bench:end -->'; } > BENCHMARKS.md
fi
echo "wrote BENCHMARKS.md"
