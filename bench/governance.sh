#!/usr/bin/env bash
# Cost and precision of governance's reading of a real repository (history walk for AI trailers, JavaParser
# source index, blame of AI-touched files), each against GenGuard's PMD run over the same sources. Run on demand,
# not in verify.
#   bench/governance.sh WORK_TREE SOURCE_ROOT...     e.g. bench/governance.sh ../spring-fw spring-core/src/main/java
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q package -DskipTests -Dinvoker.skip -pl pmd-rules -am
work=target/bench
mkdir -p "$work"
mvn -B -ntp -q -pl engine dependency:build-classpath -Dmdep.outputFile="$PWD/$work/engine.classpath" -Dmdep.includeScope=runtime
cp=$(cat "$work/engine.classpath")
java -Xmx2g -cp "engine/target/classes:rulesets/target/classes:pmd-rules/target/classes:$cp" bench/GovernanceBench.java "$@"
