#!/usr/bin/env bash
# The GenGuard SpotBugs detectors on mature code (issue 4's evidence). Downloads the binary and sources jars of
# popular libraries from Maven Central (bench/corpus.sh), then in one JVM (bench/SpotBugsRealWorld.java):
#   - runs the packaged plugin once per library and applies each profile: findings per detector per 1,000 classes,
#     and every finding for review;
#   - times SpotBugs with only the GenGuard detectors against SpotBugs with a do-nothing detector (its own cost of
#     loading and parsing the classes), and genguard:check's configuration against SpotBugs' infrastructure
#     detectors alone, ROUNDS times each after a warm-up: medians and ratios.
# Whatever detectors the plugin jar holds are run. Run on demand, not in verify:
#   bench/spotbugs-realworld.sh [ROUNDS] [PROFILES]   (defaults: 5 default,strict; ROUNDS 0 skips the timing)
# CORPUS=security selects the security-framework corpus (bench/corpus.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
profiles=${2:-default,strict}
mvn -B -ntp -q package -DskipTests -pl spotbugs-detectors -am
source bench/corpus.sh
mvn -B -ntp -q -pl engine dependency:build-classpath -Dmdep.outputFile="$PWD/$corpus_work/engine.classpath" -Dmdep.includeScope=runtime
cp=$(cat "$corpus_work/engine.classpath")
plugin=$(ls spotbugs-detectors/target/genguard-spotbugs-detectors-*.jar | grep -v sources | head -n 1)
java -Xmx3g -cp "engine/target/classes:rulesets/target/classes:$cp" bench/SpotBugsRealWorld.java "$rounds" "$profiles" "$plugin" "${corpus_specs[@]}"
