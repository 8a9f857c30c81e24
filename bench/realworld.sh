#!/usr/bin/env bash
# Precision of GenGuard on mature code: downloads binary and sources jars of popular libraries from Maven
# Central, runs both engines with a profile (default: "default") and prints findings per rule per 1,000
# non-blank lines and per 1,000 classes, then every finding for review. Run on demand, not in verify.
#   bench/realworld.sh [profile]
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-default}
work=target/bench
libs=(com.google.guava:guava:33.4.8-jre org.apache.commons:commons-lang3:3.18.0
      com.fasterxml.jackson.core:jackson-databind:2.18.2 org.springframework:spring-web:6.2.19
      commons-codec:commons-codec:1.18.0 org.apache.httpcomponents.client5:httpclient5:5.4.4)

mvn -B -ntp -q package -DskipTests -pl maven-plugin -am
mkdir -p "$work/jars" "$work/src"
specs=()
for gav in "${libs[@]}"; do
  IFS=: read -r g a v <<<"$gav"
  for c in "" sources; do
    art="$g:$a:$v:jar${c:+:$c}"
    [ -f "$work/jars/$a-$v${c:+-$c}.jar" ] || mvn -B -ntp -q dependency:copy -Dartifact="$art" -DoutputDirectory="$work/jars"
  done
  [ -d "$work/src/$a" ] || (mkdir -p "$work/src/$a" && cd "$work/src/$a" && jar xf "../../jars/$a-$v-sources.jar")
  specs+=("$a=$work/src/$a=$work/jars/$a-$v.jar")
done
mvn -B -ntp -q -pl engine dependency:build-classpath -Dmdep.outputFile="$PWD/$work/engine.classpath" -Dmdep.includeScope=runtime
cp=$(cat "$work/engine.classpath")
plugin=$(ls spotbugs-detectors/target/genguard-spotbugs-detectors-*.jar | grep -v sources | head -n 1)
java -Xmx2g -cp "engine/target/classes:rulesets/target/classes:pmd-rules/target/classes:$cp" bench/RealWorld.java "$profile" "$plugin" "${specs[@]}"
