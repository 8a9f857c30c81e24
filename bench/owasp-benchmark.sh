#!/usr/bin/env bash
# GenGuard's SpotBugs plugin and FindSecBugs 1.14.0 (com.h3xstream.findsecbugs:findsecbugs-plugin, downloaded from
# Maven Central into target/bench/jars, never into the repository) scored side by side on the OWASP Benchmark for
# Java v1.2 with the Benchmark's own scoring method (per category TPR, FPR and Youden = TPR - FPR, their average),
# and their cost against SpotBugs parsing the Benchmark with a do-nothing detector: medians of CPU and wall time,
# ratios, peak used heap (bench/OwaspBenchmark.java says what is replicated from BenchmarkUtils, and how).
# BENCHMARK_DIR is a local checkout of https://github.com/OWASP-Benchmark/BenchmarkJava; it is compiled when its
# target/classes is missing. False positives and negatives per tool and category, and every finding, are written
# to target/bench/owasp/. Run on demand, not in verify:
#   bench/owasp-benchmark.sh BENCHMARK_DIR
# ROUNDS (default 1): with more than 1, a warm-up round and then ROUNDS timed rounds. HEAP (default 2g): -Xmx.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 BENCHMARK_DIR (a checkout of OWASP-Benchmark/BenchmarkJava)" >&2; exit 2; }
bench=$(cd "$1" && pwd)
[ -f "$bench/expectedresults-1.2.csv" ] || { echo "$bench: no expectedresults-1.2.csv (Benchmark v1.2 expected)" >&2; exit 2; }
cd "$(dirname "$0")/.."
work=target/bench
out=$work/owasp
mkdir -p "$work/jars" "$out"
[ -d "$bench/target/classes" ] || mvn -B -ntp -q -f "$bench/pom.xml" compile
mvn -B -ntp -q -f "$bench/pom.xml" dependency:build-classpath -Dmdep.outputFile="$PWD/$out/benchmark.classpath"
mvn -B -ntp -q package -DskipTests -pl spotbugs-detectors -am
fsb=$work/jars/findsecbugs-plugin-1.14.0.jar
[ -f "$fsb" ] || mvn -B -ntp -q dependency:copy -Dartifact=com.h3xstream.findsecbugs:findsecbugs-plugin:1.14.0:jar -DoutputDirectory="$work/jars"
mvn -B -ntp -q -pl engine dependency:build-classpath -Dmdep.outputFile="$PWD/$work/engine.classpath" -Dmdep.includeScope=runtime
cp=$(cat "$work/engine.classpath")
plugin=$(ls spotbugs-detectors/target/genguard-spotbugs-detectors-*.jar | grep -v sources | head -n 1)
java "-Xmx${HEAP:-2g}" -cp "engine/target/classes:rulesets/target/classes:$cp" bench/OwaspBenchmark.java \
  "${ROUNDS:-1}" "$bench" "$out/benchmark.classpath" "$plugin" "$fsb" "$out"
