# Sourced by run.sh and memory.sh (not run on its own): what every benchmark build shares. Expects $root,
# the repository's root folder.

# The Maven that the repository's build unpacks, whatever mvn is on the PATH, and the extension's version.
maven_version=$(sed -n 's:.*<maven.it.version>\(.*\)</maven.it.version>.*:\1:p' "$root/pom.xml")
ext_version=$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml")
MVN="$root/it/target/maven/apache-maven-$maven_version/bin/mvn"

# Every build runs in a clean environment as far as the caches are concerned: no runner variables (so
# `auto` cannot pick the cache service by accident), no job summary.
clean_env=(env -u ACTIONS_CACHE_URL -u ACTIONS_RESULTS_URL -u ACTIONS_RUNTIME_TOKEN -u ACTIONS_CACHE_SERVICE_V2
    -u ACTIONS_CACHE_MODE -u GITHUB_STEP_SUMMARY -u GITHUB_ACTIONS -u MAVEN_ARGS)

# .mvn/extensions.xml declaring one core extension.
extensions_xml() { # groupId artifactId version
    cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<extensions>
  <extension>
    <groupId>$1</groupId>
    <artifactId>$2</artifactId>
    <version>$3</version>
  </extension>
</extensions>
XML
}

# Our cache-server on 127.0.0.1 (any free port), for builds that use the cache service; it stops with the
# script (stop_server, which the caller traps on EXIT).
SERVER_JAR="$root/cache-server/target/gha-cache-server.jar"
server_pid=""
gha_env=() # NAME=value words for the builds that use the service, set while it runs

start_server() { # store-dir log-file-prefix
    local out="$2.out" err="$2.err"
    mkdir -p "$1"
    java -jar "$SERVER_JAR" --port 0 --host 127.0.0.1 --dir "$1" >"$out" 2>"$err" &
    server_pid=$!
    local line="" i
    for ((i = 0; i < 300; i++)); do
        line=$(head -n 1 "$out" 2>/dev/null || true)
        [ -z "$line" ] || break
        kill -0 "$server_pid" 2>/dev/null || { cat "$err" >&2; echo "cache-server died" >&2; exit 1; }
        sleep 0.1
    done
    [ -n "$line" ] || { echo "cache-server printed nothing in 30 s" >&2; exit 1; }
    gha_env=(ACTIONS_CACHE_SERVICE_V2=True)
    local word
    for word in $line; do
        case "$word" in
            ACTIONS_CACHE_URL=*|ACTIONS_RESULTS_URL=*|ACTIONS_RUNTIME_TOKEN=*) gha_env+=("$word") ;;
        esac
    done
    [ "${#gha_env[@]}" -eq 4 ] || { echo "unexpected first line from cache-server" >&2; exit 1; }
}

stop_server() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
    gha_env=()
}

# Builds and installs the extension when asked ($install), checks that Maven and cache-server are there, and
# stops the server whatever way the script ends.
prepare_tools() { # script-name
    if $install; then
        echo "Building and installing the extension (and unpacking Maven $maven_version)..."
        (cd "$root" && mvn -B -q -ntp install -DskipTests)
    fi
    [ -x "$MVN" ] || { echo "$1: $MVN is missing; run without --no-install" >&2; exit 1; }
    [ -f "$SERVER_JAR" ] || { echo "$1: $SERVER_JAR is missing; run without --no-install" >&2; exit 1; }
    trap stop_server EXIT
    trap 'exit 130' INT TERM
}
