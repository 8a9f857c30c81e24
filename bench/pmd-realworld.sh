#!/usr/bin/env bash
# The GenGuard PMD rules on mature code (issue 3's evidence). Downloads the binary and sources jars of popular
# libraries from Maven Central (bench/corpus.sh), then in one JVM:
#   - runs the default and strict profiles and prints findings per rule per 1,000 non-blank lines, and every
#     finding for review;
#   - times PMD with the default profile against PMD with a do-nothing rule (parse and AST processing only) and
#     against a rule that resolves every type, ROUNDS times each after a warm-up, and prints the medians and ratios.
# Run on demand, not in verify:  bench/pmd-realworld.sh [ROUNDS] [PROFILES]   (defaults: 5 default,strict)
set -euo pipefail
# CORPUS=security selects the security-framework corpus (bench/corpus.sh).
cd "$(dirname "$0")/.."
rounds=${1:-5}
profiles=${2:-default,strict}
mvn -B -ntp -q package -DskipTests -pl pmd-rules -am
source bench/corpus.sh
mvn -B -ntp -q -pl engine dependency:build-classpath -Dmdep.outputFile="$PWD/$corpus_work/engine.classpath" -Dmdep.includeScope=runtime
cp=$(cat "$corpus_work/engine.classpath")
java -Xmx2g -cp "rulesets/target/classes:pmd-rules/target/classes:$cp" bench/PmdRealWorld.java "$rounds" "$profiles" "${corpus_specs[@]}"
