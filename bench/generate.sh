#!/usr/bin/env bash
# Generates a synthetic multi-module Maven project for the benchmark (no .mvn/: run.sh adds the extension).
#
#   bash bench/generate.sh --out DIR [--modules N] [--classes M]
#
# Modules m01..mN form a dependency graph: module i depends on module i/2 (a binary tree, depth about
# log2 N) and, when i is a multiple of 3 and i/2 >= 4, also on the sibling of i/2, so the graph is a DAG
# with shared dependencies, not just a tree. m01 is the root; the last module is a leaf (nothing depends
# on it); m02 sits one level below the root and about half of the modules depend on it. Each module has
# M main classes (each calling a class of every module it depends on), one JUnit 5 test class per main
# class, and one resource file.
set -euo pipefail

usage() {
    sed -n '2,11s/^# \{0,1\}//p' "$0"
    exit "${1:-0}"
}

out=""
modules=40
classes=20
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out=$2; shift 2 ;;
        --modules) modules=$2; shift 2 ;;
        --classes) classes=$2; shift 2 ;;
        -h|--help) usage 0 ;;
        *) echo "generate.sh: unknown argument $1" >&2; usage 2 ;;
    esac
done
[ -n "$out" ] || { echo "generate.sh: --out DIR is required" >&2; exit 2; }
[[ "$modules" =~ ^[0-9]+$ ]] && [ "$modules" -ge 2 ] && [ "$modules" -le 999 ] \
    || { echo "generate.sh: --modules must be 2..999" >&2; exit 2; }
[[ "$classes" =~ ^[0-9]+$ ]] && [ "$classes" -ge 1 ] && [ "$classes" -le 999 ] \
    || { echo "generate.sh: --classes must be 1..999" >&2; exit 2; }

width=${#modules}
[ "$width" -ge 2 ] || width=2
name() { printf "m%0${width}d" "$1"; }

# deps i: the modules that module i depends on (space separated numbers)
deps() {
    local i=$1 d=""
    if [ "$i" -gt 1 ]; then
        d=$((i / 2))
        if [ $((i % 3)) -eq 0 ] && [ $((i / 2)) -ge 4 ]; then
            d="$d $(((i / 2) ^ 1))"
        fi
    fi
    echo "$d"
}

rm -rf "$out"
mkdir -p "$out"

{
    cat <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.example.bench</groupId>
  <artifactId>bench-parent</artifactId>
  <version>1.0.0-SNAPSHOT</version>
  <packaging>pom</packaging>

  <modules>
EOF
    for ((i = 1; i <= modules; i++)); do
        echo "    <module>$(name "$i")</module>"
    done
    cat <<'EOF'
  </modules>

  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <maven.compiler.release>17</maven.compiler.release>
  </properties>

  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>org.junit.jupiter</groupId>
        <artifactId>junit-jupiter</artifactId>
        <version>5.14.1</version>
        <scope>test</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>

  <build>
    <pluginManagement>
      <plugins>
        <plugin><artifactId>maven-clean-plugin</artifactId><version>3.4.0</version></plugin>
        <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
        <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
        <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.2</version></plugin>
        <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.1</version></plugin>
        <plugin><artifactId>maven-install-plugin</artifactId><version>3.1.2</version></plugin>
        <plugin><artifactId>maven-deploy-plugin</artifactId><version>3.1.2</version></plugin>
      </plugins>
    </pluginManagement>
  </build>
</project>
EOF
} >"$out/pom.xml"

for ((i = 1; i <= modules; i++)); do
    m=$(name "$i")
    dir="$out/$m"
    main="$dir/src/main/java/bench/$m"
    test="$dir/src/test/java/bench/$m"
    mkdir -p "$main" "$test" "$dir/src/main/resources"
    read -r -a up <<<"$(deps "$i")"

    {
        cat <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.example.bench</groupId>
    <artifactId>bench-parent</artifactId>
    <version>1.0.0-SNAPSHOT</version>
  </parent>
  <artifactId>$m</artifactId>

  <dependencies>
EOF
        for u in ${up[@]+"${up[@]}"}; do
            cat <<EOF
    <dependency>
      <groupId>org.example.bench</groupId>
      <artifactId>$(name "$u")</artifactId>
      <version>\${project.version}</version>
    </dependency>
EOF
        done
        cat <<'EOF'
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
    </dependency>
  </dependencies>
</project>
EOF
    } >"$dir/pom.xml"

    printf 'module=%s\nclasses=%s\n' "$m" "$classes" >"$dir/src/main/resources/$m.properties"

    # the expression a class uses to call into the modules it depends on
    upcall="0"
    for u in ${up[@]+"${up[@]}"}; do
        upcall="$upcall + bench.$(name "$u").C1.mix(seed)"
    done

    for ((c = 1; c <= classes; c++)); do
        cat >"$main/C$c.java" <<EOF
package bench.$m;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Generated class $c of module $m. */
public final class C$c {
    private static final int SALT = $((i * 1000 + c));

    private C$c() {
    }

    /** Mixes the seed with this module's salt and the modules it depends on. */
    public static int mix(int seed) {
        int x = seed * 31 + SALT;
        x ^= x >>> 7;
        return x + upstream(seed & 7);
    }

    static int upstream(int seed) {
        return $upcall;
    }

    public static long sum(int n) {
        long total = 0;
        for (int k = 0; k < n; k++) {
            total += (k % 3 == 0) ? k * 2L : k;
        }
        return total;
    }

    public static List<String> labels(int n) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add("$m-C$c-" + k);
        }
        return out;
    }

    public static Map<String, Integer> histogram(String text) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String word : text.split("\\\\s+")) {
            if (!word.isEmpty()) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        return counts;
    }

    public static String describe(Shape shape) {
        if (shape instanceof Shape.Circle c) {
            return "circle " + c.radius();
        }
        Shape.Square s = (Shape.Square) shape;
        return "square " + s.side();
    }

    public sealed interface Shape permits Shape.Circle, Shape.Square {
        record Circle(double radius) implements Shape {
        }

        record Square(double side) implements Shape {
        }
    }

    // bench:change-here
}
EOF
        cat >"$test/C${c}Test.java" <<EOF
package bench.$m;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class C${c}Test {
    @Test
    void sumCountsMultiplesOfThreeTwice() {
        assertEquals(0L, C$c.sum(0));
        assertEquals(1L + 2 + 6 + 4 + 5, C$c.sum(6) - 0);
    }

    @Test
    void labelsAreNumbered() {
        assertEquals("$m-C$c-2", C$c.labels(3).get(2));
    }

    @Test
    void histogramCountsWords() {
        assertEquals(2, C$c.histogram("a b a").get("a"));
    }

    @Test
    void mixIsStable() {
        assertEquals(C$c.mix(42), C$c.mix(42));
        assertTrue(C$c.describe(new C$c.Shape.Circle(1)).startsWith("circle"));
    }
}
EOF
    done
done

echo "Generated $modules modules x $classes classes in $out (root $(name 1), near-root $(name 2), leaf $(name "$modules"))"
