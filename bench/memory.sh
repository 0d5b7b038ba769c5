#!/usr/bin/env bash
# Heap the extension adds to Maven's JVM when a module's outputs are large (see bench/README.md).
#
#   bash bench/memory.sh [--mb N] [--heap SIZE] [--work DIR] [--no-install]
#
#   --mb N        size of the module's one large output file, in MiB (default 1024: a 1 GB pack)
#   --heap SIZE   -Xmx of every Maven JVM (default 160m); the young generation is 8 MB, so the JVM collects
#                 every few MB allocated and the heap left after each collection follows what is really held
#   --work DIR    work folder (default bench/target/memory-work, emptied first)
#   --no-install  do not build the extension first (it must already be in ~/.m2, Maven 3.9 unpacked)
#
# One module whose resources hold one file of random bytes (incompressible: the pack is as large as the
# file). Five builds of `mvn verify`, each in a fresh copy, each with -Xmx SIZE -Xmn8m -XX:+UseSerialGC, a GC
# log: without the extension; with it and an empty local store (packs and saves the file); with it and that
# store (restores the file); the last two again against cache-server on 127.0.0.1. The table gives each
# build's wall time, the largest heap occupancy after a collection (the live heap), and the difference to
# the plain build. Not part of `mvn verify`.
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$bench/.." && pwd)
mb=1024
heap=160m
work="$bench/target/memory-work"
install=true
while [ $# -gt 0 ]; do
    case "$1" in
        --mb) mb=$2; shift 2 ;;
        --heap) heap=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --no-install) install=false; shift ;;
        -h|--help) sed -n '2,18s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) echo "memory.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
[[ "$mb" =~ ^[0-9]+$ ]] && [ "$mb" -ge 1 ] || { echo "memory.sh: --mb must be a positive number" >&2; exit 2; }
[[ "$heap" =~ ^[0-9]+[mMgG]$ ]] || { echo "memory.sh: --heap must look like 160m or 1g" >&2; exit 2; }
mkdir -p "$work"
work=$(cd "$work" && pwd)
case "$work" in
    "$root"|"$bench"|/) echo "memory.sh: refusing to use $work as the work folder (it is emptied)" >&2; exit 2 ;;
esac
find "$work" -mindepth 1 -maxdepth 1 -exec rm -rf {} +

# shellcheck source=common.sh
. "$bench/common.sh"
prepare_tools memory.sh

# The project: one module, its large file in src/main/resources, left out of the jar (zipping 1 GB would
# only measure the jar plugin).
plain="$work/pristine/plain"
mkdir -p "$plain/src/main/resources" "$plain/src/main/java/big"
cat >"$plain/pom.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.example.bench</groupId>
  <artifactId>big-output</artifactId>
  <version>1.0.0-SNAPSHOT</version>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <maven.compiler.release>17</maven.compiler.release>
  </properties>
  <build>
    <pluginManagement>
      <plugins>
        <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
        <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
        <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.2</version></plugin>
        <plugin>
          <artifactId>maven-jar-plugin</artifactId>
          <version>3.4.1</version>
          <configuration><excludes><exclude>**/*.bin</exclude></excludes></configuration>
        </plugin>
      </plugins>
    </pluginManagement>
  </build>
</project>
EOF
echo 'package big; public class Big { public static int size() { return 1; } }' >"$plain/src/main/java/big/Big.java"
echo "Writing ${mb} MiB of random bytes..."
head -c "$((mb * 1024 * 1024))" /dev/urandom >"$plain/src/main/resources/big.bin"
ours="$work/pristine/ours"
cp -r "$plain" "$ours"
mkdir -p "$ours/.mvn"
extensions_xml io.github.ghacache gha-cache-maven-extension "$ext_version" >"$ours/.mvn/extensions.xml"

declare -A wall live
keep_dirs=false
run() { # scenario variant args...
    local s=$1 v=$2
    shift 2
    local dir="$work/$s" log="$work/$s.log" gc="$work/$s.gc.log"
    rm -rf "$dir"
    cp -r "$work/pristine/$v" "$dir"
    local start end
    start=$(date +%s%N)
    if ! (cd "$dir" && "${clean_env[@]}" ${gha_env[@]+"${gha_env[@]}"} \
        MAVEN_OPTS="-Xmx$heap -Xmn8m -XX:+UseSerialGC -Xlog:gc:file=$gc" "$MVN" -B -ntp verify "$@" >"$log" 2>&1); then
        tail -n 30 "$log" >&2
        echo "memory.sh: the $s build failed; its log is $log" >&2
        exit 1
    fi
    end=$(date +%s%N)
    wall[$s]=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
    # "GC(3) Pause Young (Allocation Failure) 34M->12M(155M) 3.4ms": the largest "after" figure
    live[$s]=$(sed -n 's/.*Pause.* [0-9]*[KMG]->\([0-9]*\)\([KMG]\)(.*/\1 \2/p' "$gc" \
        | awk '{ v = $1; if ($2 == "K") v /= 1024; if ($2 == "G") v *= 1024; if (v > m) m = v } END { printf "%.0f", m }')
    printf '  %-10s %6s s  live heap after GC at most %s MiB\n' "$s" "${wall[$s]}" "${live[$s]}"
    $keep_dirs || rm -rf "$dir"
}


store="$work/store"
echo "Builds (mvn verify, -Xmx$heap -Xmn8m -XX:+UseSerialGC):"
run warmup ours -Dgha.cache.enabled=false
run plain plain
run cold ours -Dgha.cache.backend=local -Dgha.cache.dir="$store"
grep -q ' saved=[1-9]' "$work/cold.log" || { echo "memory.sh: the cold build saved nothing (see $work/cold.log)" >&2; exit 1; }
run warm ours -Dgha.cache.backend=local -Dgha.cache.dir="$store"
grep -q 'HIT' "$work/warm.log" || { echo "memory.sh: the warm build restored nothing (see $work/warm.log)" >&2; exit 1; }
pack_mb=$(du -sm "$store" | awk '{ print $1 }')
rm -rf "$store"

# The same through the cache service: our cache-server on 127.0.0.1 (uploads in 32 MB blocks, downloads in
# 8 MB ranges, several at a time).
start_server "$work/server" "$work/server"
run cold-gha ours -Dgha.cache.backend=gha
grep -q ' saved=[1-9]' "$work/cold-gha.log" || { echo "memory.sh: the cold gha build saved nothing" >&2; exit 1; }
run warm-gha ours -Dgha.cache.backend=gha
grep -q 'HIT' "$work/warm-gha.log" || { echo "memory.sh: the warm gha build restored nothing" >&2; exit 1; }
stop_server

results="$bench/target/memory.md"
{
    echo "Heap of Maven's JVM with a ${mb} MiB output (pack store ${pack_mb} MiB), -Xmx$heap -Xmn8m, SerialGC"
    echo
    echo "| build | wall (s) | live heap after GC, max (MiB) | difference to plain (MiB) |"
    echo "| --- | ---: | ---: | ---: |"
    for s in plain cold warm cold-gha warm-gha; do
        added=$([ "$s" = plain ] && echo "-" || echo $((live[$s] - live[plain])))
        echo "| $s | ${wall[$s]} | ${live[$s]} | $added |"
    done
} >"$results"
echo
cat "$results"
echo "(also in $results; logs and GC logs in $work)"
