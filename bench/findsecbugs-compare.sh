#!/usr/bin/env bash
# GenGuard's SpotBugs detectors side by side with FindSecBugs (com.h3xstream.findsecbugs:findsecbugs-plugin:1.14.0,
# downloaded from Maven Central into target/bench/jars, never into the repository) over the compiled fixtures and
# the binary jars of bench/corpus.sh: per overlapping pattern, the source lines both report, and every line only one
# of them reports, with the source text (bench/FindSecBugsComparison.java holds the pattern mapping).
# Re-run whenever GenGuard detectors land. Run on demand, not in verify:
#   bench/findsecbugs-compare.sh        (CORPUS=security selects the security-framework corpus, bench/corpus.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q package -DskipTests -pl spotbugs-detectors -am
source bench/corpus.sh
fsb=$corpus_work/jars/findsecbugs-plugin-1.14.0.jar
[ -f "$fsb" ] || mvn -B -ntp -q dependency:copy -Dartifact=com.h3xstream.findsecbugs:findsecbugs-plugin:1.14.0:jar -DoutputDirectory="$corpus_work/jars"
mvn -B -ntp -q -pl engine dependency:build-classpath -Dmdep.outputFile="$PWD/$corpus_work/engine.classpath" -Dmdep.includeScope=runtime
cp=$(cat "$corpus_work/engine.classpath")
plugin=$(ls spotbugs-detectors/target/genguard-spotbugs-detectors-*.jar | grep -v sources | head -n 1)
java -Xmx3g -cp "engine/target/classes:rulesets/target/classes:$cp" bench/FindSecBugsComparison.java "$plugin" "$fsb" test-fixtures "${corpus_specs[@]}"
