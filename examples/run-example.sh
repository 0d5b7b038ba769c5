#!/usr/bin/env bash
# The main job: builds the extension, then builds the bundled example twice against a fresh local store
# (the second run restores every module), and for reference times the same project without the extension
# and `mvn validate`. Runs the example with the Maven that the build unpacks, whatever `mvn` is on the PATH.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
maven_version=$(sed -n 's:.*<maven.it.version>\(.*\)</maven.it.version>.*:\1:p' pom.xml)

echo "Building the extension (and unpacking Maven $maven_version)..."
mvn -B -q -ntp install -DskipTests

MVN="$root/it/target/maven/apache-maven-$maven_version/bin/mvn"
work="$root/target/example-run"
rm -rf "$work"
mkdir -p "$work"
cp -r examples/multi-module "$work/project"
cp -r examples/multi-module "$work/plain"
rm -rf "$work/plain/.mvn"  # the same project without the extension
store="$work/store"

declare -A seconds
run() { # label dir args...
    local label=$1 dir=$2
    shift 2
    local start end
    start=$(date +%s%N)
    if ! (cd "$dir" && "$MVN" -B -ntp "$@" >"$work/$label.log" 2>&1); then
        tail -n 60 "$work/$label.log"
        echo "The $label build failed; its log is $work/$label.log" >&2
        exit 1
    fi
    end=$(date +%s%N)
    seconds[$label]=$(awk "BEGIN { printf \"%.1f\", ($end - $start) / 1e9 }")
    echo
    echo "== $label: mvn $* (${seconds[$label]} s)"
    grep -F '[gha-cache]' "$work/$label.log" || true
}

run first "$work/project" verify -Dgha.cache.dir="$store"
find "$work/project" -name target -type d -prune -exec rm -rf {} +
run second "$work/project" verify -Dgha.cache.dir="$store"
run without-extension "$work/plain" verify
run validate "$work/plain" validate

hits=$(grep -c '\[gha-cache\] HIT ' "$work/second.log" || true)
modules=$(grep -c '\[gha-cache\] \(HIT\|MISS\|PARTIAL\)' "$work/second.log" || true)
echo
echo "| build | wall time |"
echo "| --- | --- |"
echo "| without the extension (mvn verify) | ${seconds[without-extension]} s |"
echo "| first run, empty store (mvn verify) | ${seconds[first]} s |"
echo "| second run, fresh checkout (mvn verify) | ${seconds[second]} s |"
echo "| mvn validate | ${seconds[validate]} s |"
echo
if [ "$hits" -ne "$modules" ] || [ "$modules" -eq 0 ]; then
    echo "The second run restored $hits of $modules modules; see $work/second.log" >&2
    exit 1
fi
echo "The second run restored all $modules modules. Logs and the store are in $work."
