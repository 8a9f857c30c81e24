#!/usr/bin/env bash
# Precision of GenGuard on mature code: downloads binary and sources jars of popular libraries from Maven
# Central, runs both engines with a profile (default: "default") and prints findings per rule per 1,000
# non-blank lines and per 1,000 classes, then every finding for review. Run on demand, not in verify.
#   bench/realworld.sh [profile]
set -euo pipefail
# CORPUS=security selects the security-framework corpus (bench/corpus.sh).
cd "$(dirname "$0")/.."
profile=${1:-default}
mvn -B -ntp -q package -DskipTests -pl maven-plugin -am
source bench/corpus.sh
work=$corpus_work
specs=("${corpus_specs[@]}")
mvn -B -ntp -q -pl engine dependency:build-classpath -Dmdep.outputFile="$PWD/$work/engine.classpath" -Dmdep.includeScope=runtime
cp=$(cat "$work/engine.classpath")
plugin=$(ls spotbugs-detectors/target/genguard-spotbugs-detectors-*.jar | grep -v sources | head -n 1)
java -Xmx2g -cp "engine/target/classes:rulesets/target/classes:pmd-rules/target/classes:$cp" bench/RealWorld.java "$profile" "$plugin" "${specs[@]}"
