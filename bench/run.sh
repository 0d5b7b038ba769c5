#!/usr/bin/env bash
# End-to-end benchmark of the extension on a generated multi-module project (see bench/README.md).
#
#   bash bench/run.sh [--modules N] [--classes M] [--runs R] [options]
#
#   --modules N      modules of the generated project (default 40)
#   --classes M      main classes per module, each with a test class (default 25)
#   --runs R         timed runs of every scenario; the table shows the median (default 3)
#   --peer-version V version of org.apache.maven.extensions:maven-build-cache-extension (default 1.2.3)
#   --work DIR       work folder: projects, stores, logs (default bench/target/bench-work, emptied first)
#   --results FILE   the Markdown table (default bench/target/results.md)
#   --timeout SEC    bound on each Maven build (default 1800)
#   --no-install     do not build the extension first (it must already be in ~/.m2, Maven 3.9 unpacked)
#   --keep           keep every built project copy (default: only logs and report.json files are kept)
#   --settle SEC     before each timed build: sync, then wait (at most SEC seconds) until creating files is
#                    fast again, since the untimed deleting of project folders around it can stall file
#                    creation for seconds on some virtual disks (default 60; 0: no wait)
#
# Every build uses the Maven that the repository's build unpacks (it/target/maven/apache-maven-<version>),
# with -B -ntp, whatever mvn is on the PATH. Not part of `mvn verify`.
set -euo pipefail

usage() {
    sed -n '2,20s/^# \{0,1\}//p' "$0"
    exit "${1:-0}"
}

bench=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$bench/.." && pwd)

modules=40
classes=25
runs=3
peer_version=1.2.3
work="$bench/target/bench-work"
results="$bench/target/results.md"
timeout_s=1800
install=true
keep=false
settle=60
while [ $# -gt 0 ]; do
    case "$1" in
        --modules) modules=$2; shift 2 ;;
        --classes) classes=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --peer-version) peer_version=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --results) results=$2; shift 2 ;;
        --timeout) timeout_s=$2; shift 2 ;;
        --no-install) install=false; shift ;;
        --keep) keep=true; shift ;;
        --settle) settle=$2; shift 2 ;;
        -h|--help) usage 0 ;;
        *) echo "run.sh: unknown argument $1" >&2; usage 2 ;;
    esac
done
[[ "$settle" =~ ^[0-9]+$ ]] || { echo "run.sh: --settle must be a whole number of seconds" >&2; exit 2; }
for n in "$modules" "$classes" "$runs" "$timeout_s"; do
    [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] || { echo "run.sh: '$n' is not a positive number" >&2; exit 2; }
done
[ "$modules" -ge 2 ] || { echo "run.sh: --modules must be at least 2" >&2; exit 2; }
for tool in jq java timeout awk; do
    command -v "$tool" >/dev/null || { echo "run.sh: needs $tool on the PATH" >&2; exit 2; }
done
mkdir -p "$work" "$(dirname "$results")"
work=$(cd "$work" && pwd)
case "$work" in
    "$root"|"$bench"|/) echo "run.sh: refusing to use $work as the work folder (it is emptied)" >&2; exit 2 ;;
esac

# shellcheck source=common.sh
. "$bench/common.sh"

prepare_tools run.sh

find "$work" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
logs="$work/logs"
mkdir -p "$logs" "$work/pristine"

width=${#modules}
[ "$width" -ge 2 ] || width=2
name() { printf "m%0${width}d" "$1"; }
leaf=$(name "$modules")
nearroot=$(name 2)

# ---------------------------------------------------------------------------------------------------------
# The three variants of one generated project: without extension, with ours, with the peer.
bash "$bench/generate.sh" --out "$work/pristine/plain" --modules "$modules" --classes "$classes"
cp -r "$work/pristine/plain" "$work/pristine/ours"
cp -r "$work/pristine/plain" "$work/pristine/peer"
mkdir -p "$work/pristine/ours/.mvn" "$work/pristine/peer/.mvn"
extensions_xml io.github.ghacache gha-cache-maven-extension "$ext_version" >"$work/pristine/ours/.mvn/extensions.xml"
extensions_xml org.apache.maven.extensions maven-build-cache-extension "$peer_version" \
    >"$work/pristine/peer/.mvn/extensions.xml"

# ---------------------------------------------------------------------------------------------------------
# Running Maven (clean_env, gha_env: common.sh).
seconds=""   # wall time of the last build
last_log=""  # its log

probes=0
settle_disk() { # sync, then wait until 100 new files take under 20 ms to create (or --settle seconds passed)
    [ "$settle" -gt 0 ] || return 0
    sync
    local waited=0 t0 t1 i dir
    while :; do
        probes=$((probes + 1))
        dir="$work/settle-probes/$probes"
        mkdir -p "$dir"
        t0=$(date +%s%N)
        for ((i = 0; i < 100; i++)); do : >"$dir/$i"; done
        t1=$(date +%s%N)
        [ $(((t1 - t0) / 1000000)) -ge 20 ] && [ "$waited" -lt "$settle" ] || break
        sleep 1
        waited=$((waited + 1))
    done
}

mvn_run() { # log dir args...: runs Maven in dir, times it, keeps the log; a failed build stops the benchmark
    local log=$1 dir=$2
    shift 2
    local start end rc=0
    settle_disk
    start=$(date +%s%N)
    (cd "$dir" && timeout --kill-after=30s "$timeout_s" "${clean_env[@]}" ${gha_env[@]+"${gha_env[@]}"} \
        "$MVN" -B -ntp "$@" >"$log" 2>&1) || rc=$?
    end=$(date +%s%N)
    if [ "$rc" -ne 0 ]; then
        tail -n 40 "$log" >&2
        if [ "$rc" -eq 124 ]; then
            echo "run.sh: the build timed out after ${timeout_s}s; its log is $log" >&2
        else
            echo "run.sh: the build failed (exit $rc); its log is $log" >&2
        fi
        exit 1
    fi
    seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
    last_log=$log
}

fresh_copy() { # variant dest: a pristine copy (no target/), as a fresh checkout would be
    rm -rf "$2"
    cp -r "$work/pristine/$1" "$2"
}

change_module() { # project module n: one real change to one main source file (a new method)
    local file="$1/$2/src/main/java/bench/$2/C1.java"
    sed -i "s|// bench:change-here|public static int benchChange() { return $3; }|" "$file"
    grep -q benchChange "$file" || { echo "run.sh: could not change $file" >&2; exit 1; }
}

change_test() { # project module n: one real change to one test source file (a new test)
    local file="$1/$2/src/test/java/bench/$2/C1Test.java"
    sed -i "s|^class C1Test {|class C1Test {\n    @Test\n    void benchChange$3() {\n        assertEquals($3, $3);\n    }|" "$file"
    grep -q "benchChange$3" "$file" || { echo "run.sh: could not change $file" >&2; exit 1; }
}

# Per-module wall times from Maven's reactor summary: "artifactId seconds" lines.
module_times() {
    sed -n 's/^\[INFO\] \([^ ]*\) \.* SUCCESS \[ *\([0-9.:]*\) \(s\|min\)\]$/\1 \2 \3/p' "$1" \
        | awk '{ t = $2; if ($3 == "min") { split($2, p, ":"); t = p[1] * 60 + p[2] } print $1, t }'
}

# Maven's own "Total time" of a build (excludes JVM start, extension loading, reading the POMs).
maven_total() {
    sed -n 's/^\[INFO\] Total time: *\([0-9.:]*\) \(s\|min\)$/\1 \2/p' "$1" | tail -n 1 \
        | awk '{ t = $1; if ($2 == "min") { split($1, p, ":"); t = p[1] * 60 + p[2] } printf "%.2f", t }'
}

# Outcome counts of one of our builds, from report.json, e.g. "hit=41" or "hit=40 miss=1".
ours_outcomes() {
    jq -r '[.modules[].outcome] | group_by(.) | map("\(.[0])=\(length)") | join(" ")' "$1"
}
ours_missed() { # the artifactIds that were not restored in full
    jq -r '.modules[] | select(.outcome != "hit" and .outcome != "off") | .module | sub("^[^:]*:"; "")' "$1"
}
ours_saved() {
    jq -r '[.modules[] | select(.saved)] | length' "$1"
}
ours_cache_seconds() { # the time the cache itself spent, summed over modules
    jq -r '[.modules[].cacheMs // 0] | add / 1000 | . * 100 | round / 100' "$1"
}
peer_missed() { # the artifactIds the peer built (its log says "Local build was not found ... for g:a")
    sed -n 's/.*Local build was not found by checksum [^ ]* for [^:]*:\(.*\)$/\1/p' "$1"
}
peer_hits() {
    grep -c 'Found cached build, restoring' "$1" || true
}

# ---------------------------------------------------------------------------------------------------------
declare -A times      # scenario -> "s1 s2 ..." (one per run)
declare -A totals     # scenario -> Maven's own "Total time" of each run
declare -A ideal      # scenario -> "s1 s2 ..." floor + the plain-build time of the modules it rebuilt
declare -A notes      # scenario -> what the last run restored / rebuilt
warnings=()

record() { # scenario [note]: after mvn_run, whose log is $last_log
    times[$1]="${times[$1]:-} $seconds"
    totals[$1]="${totals[$1]:-} $(maven_total "$last_log")"
    [ $# -lt 2 ] || notes[$1]=$2
    printf '  %-12s %7s s  %s\n' "$1" "$seconds" "${2:-}"
}
warn() {
    warnings+=("$1")
    echo "  WARNING: $1" >&2
}
keep_or_drop() {
    $keep || rm -rf "$1"
}

# Sum of the plain build's module times (this run) of the given modules.
rebuilt_time() { # plain_times_file module...
    local file=$1
    shift
    [ $# -gt 0 ] || { echo 0; return; }
    printf '%s\n' "$@" | awk 'NR == FNR { t[$1] = $2; next } { s += t[$1] } END { printf "%.2f", s }' "$file" -
}


# Check that a warm build of ours restored every module.
check_all_hit() { # scenario report
    local missed
    missed=$(ours_missed "$2" | tr '\n' ' ')
    [ -z "$missed" ] || warn "$1 run $r: not restored: $missed($(ours_outcomes "$2"))"
}

check_none_hit() { # scenario report
    local n
    n=$(jq '[.modules[] | select(.outcome == "hit" or .outcome == "partial")] | length' "$2")
    [ "$n" -eq 0 ] || warn "$1 run $r: the empty store restored $n modules ($(ours_outcomes "$2"))"
}

# ---------------------------------------------------------------------------------------------------------
echo "Warming up (untimed): downloads plugins and dependencies, loads both extensions once..."
fresh_copy plain "$work/warmup-plain"
mvn_run "$logs/warmup-plain.log" "$work/warmup-plain" verify
fresh_copy ours "$work/warmup-ours"
mvn_run "$logs/warmup-ours.log" "$work/warmup-ours" validate -Dgha.cache.backend=local -Dgha.cache.dir="$work/warmup-store"
fresh_copy peer "$work/warmup-peer"
mvn_run "$logs/warmup-peer.log" "$work/warmup-peer" validate -Dmaven.build.cache.location="$work/warmup-peer-cache"
rm -rf "$work/warmup-plain" "$work/warmup-ours" "$work/warmup-peer" "$work/warmup-store" "$work/warmup-peer-cache"

# The floor any core extension starts from: `validate` with a jar that is only declared in extensions.xml
# (JUnit's apiguardian-api, in the local repository since the warm-up build): Maven then builds a second
# container at start to resolve and load it, which a build without .mvn/extensions.xml never does.
cp -r "$work/pristine/plain" "$work/pristine/anyext"
mkdir -p "$work/pristine/anyext/.mvn"
extensions_xml org.apiguardian apiguardian-api 1.1.2 >"$work/pristine/anyext/.mvn/extensions.xml"

# The leaf's own cold build: the leaf alone (-pl) in a fresh JVM, its upstream modules installed in a local
# repository of the benchmark's own, layered over the user's (read-only: Maven's maven.repo.local.tail).
# Its own time is Maven's "Total time" of that build (a one-module build prints no reactor summary).
user_repo=""
if [ -f "$HOME/.m2/settings.xml" ]; then
    user_repo=$(sed -n 's:.*<localRepository>\(.*\)</localRepository>.*:\1:p' "$HOME/.m2/settings.xml" | head -n 1)
fi
user_repo=${user_repo:-$HOME/.m2/repository}
leaf_repo=(-Dmaven.repo.local="$work/leaf-repo" -Dmaven.repo.local.tail="$user_repo")
fresh_copy plain "$work/leaf-install"
mvn_run "$logs/leaf-install.log" "$work/leaf-install" install -DskipTests "${leaf_repo[@]}"
rm -rf "$work/leaf-install"

ours_local=(-Dgha.cache.backend=local)
ours_gha=(-Dgha.cache.backend=gha)

for ((r = 1; r <= runs; r++)); do
    echo "Run $r of $runs ($modules modules x $classes classes):"
    rd="$work/run$r"
    mkdir -p "$rd"

    # 1. plain, and the floor
    fresh_copy plain "$rd/plain"
    mvn_run "$logs/run$r-plain.log" "$rd/plain" verify
    record plain
    module_times "$logs/run$r-plain.log" >"$logs/run$r-plain.times"
    mvn_run "$logs/run$r-floor.log" "$rd/plain" validate
    floor=$seconds
    record floor
    keep_or_drop "$rd/plain"
    fresh_copy anyext "$rd/anyext"
    mvn_run "$logs/run$r-floor-anyext.log" "$rd/anyext" validate
    record floor-anyext
    keep_or_drop "$rd/anyext"
    fresh_copy plain "$rd/leaf-alone"
    mvn_run "$logs/run$r-leaf-alone.log" "$rd/leaf-alone" verify -pl "$leaf" "${leaf_repo[@]}"
    record leaf-alone "the leaf's own time (Maven's Total time): $(maven_total "$last_log") s"
    keep_or_drop "$rd/leaf-alone"
    fresh_copy ours "$rd/floor-ours"
    mvn_run "$logs/run$r-floor-ours.log" "$rd/floor-ours" validate "${ours_local[@]}" -Dgha.cache.dir="$rd/floor-store"
    record floor-ours
    keep_or_drop "$rd/floor-ours"

    # 2-4. ours, local store: cold, warm, one change in the leaf, one change near the root
    store="$rd/store-local"
    for s in cold-local warm-local leaf-local root-local; do
        fresh_copy ours "$rd/$s"
        case "$s" in
            leaf-local) change_module "$rd/$s" "$leaf" "$r" ;;
            root-local) change_module "$rd/$s" "$nearroot" "$r" ;;
        esac
        mvn_run "$logs/run$r-$s.log" "$rd/$s" verify "${ours_local[@]}" -Dgha.cache.dir="$store"
        report="$logs/run$r-$s.report.json"
        cp "$rd/$s/target/gha-cache/report.json" "$report"
        record "$s" "$(ours_outcomes "$report"), saved=$(ours_saved "$report"), cache $(ours_cache_seconds "$report") s"
        case "$s" in
            cold-*) check_none_hit "$s" "$report" ;;
            warm-*) check_all_hit "$s" "$report" ;;
            *)
                mapfile -t rebuilt < <(ours_missed "$report")
                ideal[$s]="${ideal[$s]:-} $(awk -v f="$floor" -v m="$(rebuilt_time "$logs/run$r-plain.times" ${rebuilt[@]+"${rebuilt[@]}"})" 'BEGIN { printf "%.2f", f + m }')"
                notes[$s]="${notes[$s]}; rebuilt: ${rebuilt[*]:-none}"
                ;;
        esac
        keep_or_drop "$rd/$s"
    done

    # mode=max, local store: cold, warm, the leaf's main source changed, and only a test of the leaf changed
    store="$rd/store-max"
    for s in cold-max warm-max leaftest-max leaf-max; do
        fresh_copy ours "$rd/$s"
        case "$s" in
            leaf-max) change_module "$rd/$s" "$leaf" "$r" ;;
            leaftest-max) change_test "$rd/$s" "$leaf" "$r" ;;
        esac
        mvn_run "$logs/run$r-$s.log" "$rd/$s" verify "${ours_local[@]}" -Dgha.cache.mode=max -Dgha.cache.dir="$store"
        report="$logs/run$r-$s.report.json"
        cp "$rd/$s/target/gha-cache/report.json" "$report"
        case "$s" in
            cold-*) check_none_hit "$s" "$report" ;;
            warm-*) check_all_hit "$s" "$report" ;;
        esac
        leaf_line=$(jq -r --arg m "$leaf" '.modules[] | select(.module | endswith(":" + $m))
            | "\(.restoredSteps)/\(.cacheableSteps) steps restored, \(.bytesDown) B read of the leaf"' "$report")
        record "$s" "$(ours_outcomes "$report"), saved=$(ours_saved "$report"), cache $(ours_cache_seconds "$report") s; leaf: $leaf_line"
        keep_or_drop "$rd/$s"
    done

    # 2-3. ours, the cache service (cache-server on 127.0.0.1): cold, warm
    start_server "$rd/server" "$logs/server-run$r"
    for s in cold-gha warm-gha; do
        fresh_copy ours "$rd/$s"
        mvn_run "$logs/run$r-$s.log" "$rd/$s" verify "${ours_gha[@]}"
        report="$logs/run$r-$s.report.json"
        cp "$rd/$s/target/gha-cache/report.json" "$report"
        backend=$(jq -r '.backend' "$report")
        record "$s" "$(ours_outcomes "$report"), saved=$(ours_saved "$report"), cache $(ours_cache_seconds "$report") s, $backend"
        case "$backend" in gha*) ;; *) warn "$s run $r: backend was $backend, not the cache service" ;; esac
        case "$s" in
            cold-*) check_none_hit "$s" "$report" ;;
            warm-*) check_all_hit "$s" "$report" ;;
        esac
        keep_or_drop "$rd/$s"
    done
    stop_server

    # 6. the peer, its own local cache: cold, warm, the same two changes
    peer_cache="$rd/peer-cache"
    for s in cold-peer warm-peer leaf-peer root-peer; do
        fresh_copy peer "$rd/$s"
        case "$s" in
            leaf-peer) change_module "$rd/$s" "$leaf" "$r" ;;
            root-peer) change_module "$rd/$s" "$nearroot" "$r" ;;
        esac
        log="$logs/run$r-$s.log"
        mvn_run "$log" "$rd/$s" verify -Dmaven.build.cache.location="$peer_cache"
        mapfile -t rebuilt < <(peer_missed "$log")
        record "$s" "restored=$(peer_hits "$log") built=${#rebuilt[@]}"
        case "$s" in
            cold-*) [ "$(peer_hits "$log")" -eq 0 ] || warn "$s run $r: the peer's empty cache restored something" ;;
            warm-*) [ "${#rebuilt[@]}" -eq 0 ] || warn "$s run $r: the peer rebuilt ${rebuilt[*]}" ;;
            *)
                ideal[$s]="${ideal[$s]:-} $(awk -v f="$floor" -v m="$(rebuilt_time "$logs/run$r-plain.times" ${rebuilt[@]+"${rebuilt[@]}"})" 'BEGIN { printf "%.2f", f + m }')"
                notes[$s]="${notes[$s]}; rebuilt: ${rebuilt[*]:-none}"
                ;;
        esac
        keep_or_drop "$rd/$s"
    done
done

# ---------------------------------------------------------------------------------------------------------
median() { # numbers...
    printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) printf "%.2f", a[(NR + 1) / 2]; else printf "%.2f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
med_total() { # scenario
    # shellcheck disable=SC2086
    median ${totals[$1]}
}
med() { # scenario
    # shellcheck disable=SC2086
    median ${times[$1]}
}
spread() { # scenario: "min-max"
    # shellcheck disable=SC2086
    printf '%s\n' ${times[$1]} | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.1f-%.1f", lo, hi }'
}
ratio() { # a b
    awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'
}

declare -A label=(
    [plain]="plain \`mvn verify\`, no extension"
    [floor]="\`mvn validate\`, no extension (the floor)"
    [floor-anyext]="\`mvn validate\` with an empty core extension"
    [floor-ours]="\`mvn validate\` with ours"
    [leaf-alone]="plain \`mvn verify -pl $leaf\`: the leaf alone, cold (upstream installed)"
    [cold-local]="ours, cold (empty local store)"
    [warm-local]="ours, warm (fresh copy, full local store)"
    [leaf-local]="ours, leaf \`$leaf\` changed (local)"
    [root-local]="ours, near-root \`$nearroot\` changed (local)"
    [cold-max]="ours, mode=max, cold (empty local store)"
    [warm-max]="ours, mode=max, warm"
    [leaf-max]="ours, mode=max, leaf \`$leaf\` main source changed"
    [leaftest-max]="ours, mode=max, only a test of the leaf \`$leaf\` changed"
    [cold-gha]="ours, cold (empty cache service)"
    [warm-gha]="ours, warm (cache service)"
    [cold-peer]="peer, cold (empty cache)"
    [warm-peer]="peer, warm (fresh copy, full cache)"
    [leaf-peer]="peer, leaf \`$leaf\` changed"
    [root-peer]="peer, near-root \`$nearroot\` changed"
)
order=(plain floor floor-anyext floor-ours leaf-alone cold-local warm-local leaf-local root-local cold-max warm-max leaftest-max leaf-max
    cold-gha warm-gha cold-peer warm-peer leaf-peer root-peer)

ext_commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$root" status --porcelain -- extension 2>/dev/null)" ]; then
    ext_commit="$ext_commit + uncommitted changes"
fi
java_version=$(java -version 2>&1 | head -n 1)
{
    echo "# gha-cache benchmark"
    echo
    echo "$modules modules x $classes classes (+ as many test classes), $runs run(s) per scenario, median wall time of"
    echo "the whole Maven process. Maven $maven_version, $java_version, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)."
    echo "Ours: gha-cache-maven-extension $ext_version ($ext_commit). Peer: maven-build-cache-extension $peer_version."
    echo
    echo "| scenario | median (s) | min-max (s) | Maven's Total time (s) | last run |"
    echo "| --- | ---: | ---: | ---: | --- |"
    for s in "${order[@]}"; do
        echo "| ${label[$s]} | $(med "$s") | $(spread "$s") | $(med_total "$s") | ${notes[$s]:-} |"
    done
    for w in ${warnings[@]+"${warnings[@]}"}; do
        echo "| **WARNING** | | | | $w |"
    done
    echo
    echo "| ratio | value |"
    echo "| --- | ---: |"
    echo "| warm ours (local) / floor | $(ratio "$(med warm-local)" "$(med floor)") |"
    echo "| warm ours (local) / \`validate\` with an empty core extension | $(ratio "$(med warm-local)" "$(med floor-anyext)") |"
    echo "| warm ours (local) / \`validate\` with ours | $(ratio "$(med warm-local)" "$(med floor-ours)") |"
    echo "| warm ours (local) / warm peer | $(ratio "$(med warm-local)" "$(med warm-peer)") |"
    echo "| cold ours (local) / cold peer | $(ratio "$(med cold-local)" "$(med cold-peer)") |"
    echo "| cold ours (local) / plain | $(ratio "$(med cold-local)" "$(med plain)") |"
    echo "| cold ours (gha) / plain | $(ratio "$(med cold-gha)" "$(med plain)") |"
    echo "| warm ours (gha) / warm ours (local) | $(ratio "$(med warm-gha)" "$(med warm-local)") |"
    for s in leaf-local root-local leaf-peer root-peer; do
        # shellcheck disable=SC2086
        local_ideal=$(median ${ideal[$s]:-})
        echo "| ${label[$s]} / (floor + plain time of the modules it rebuilt = $local_ideal s) | $(ratio "$(med "$s")" "$local_ideal") |"
    done
    # shellcheck disable=SC2046
    leaf_own=$(median $(for ((i = 1; i <= runs; i++)); do maven_total "$logs/run$i-leaf-alone.log"; echo; done))
    leaf_bound=$(awk -v f="$(med floor)" -v o="$leaf_own" 'BEGIN { printf "%.2f", f + 1.2 * o }')
    echo "| ${label[leaf-local]} / (floor + 1.2 x the leaf's own cold time $leaf_own s = $leaf_bound s) | $(ratio "$(med leaf-local)" "$leaf_bound") |"
    echo "| ${label[leaf-peer]} / (the same bound) | $(ratio "$(med leaf-peer)" "$leaf_bound") |"
    echo "| leaf change ours / leaf change peer | $(ratio "$(med leaf-local)" "$(med leaf-peer)") |"
    echo "| cold ours (mode=max) / cold ours (mode=min) | $(ratio "$(med cold-max)" "$(med cold-local)") |"
    echo "| leaf test change, mode=max / leaf main change, mode=min | $(ratio "$(med leaftest-max)" "$(med leaf-local)") |"
    echo
    echo "Plain build's own time of the leaf \`$leaf\`: $(median $(for ((i = 1; i <= runs; i++)); do awk -v m="$leaf" '$1 == m { print $2 }' "$logs/run$i-plain.times"; done)) s;"
    echo "of \`$nearroot\`: $(median $(for ((i = 1; i <= runs; i++)); do awk -v m="$nearroot" '$1 == m { print $2 }' "$logs/run$i-plain.times"; done)) s (median of the reactor summaries)."
    echo "Logs and report.json of every build: \`$logs\`."
} >"$results"

echo
cat "$results"
echo
echo "Written to $results"
[ "${#warnings[@]}" -eq 0 ] || exit 3
