#!/usr/bin/env bash
# False positives and recall of the lookalike-dependency matcher (dev.genguard.engine.dependencies) on real
# dependency trees. For each project of bench/lookalike-corpus.txt it writes a throwaway pom that depends on the
# project, lets maven-dependency-plugin print its runtime dependency tree (POMs only, no jars, into ~/.m2), collects
# every groupId:artifactId and runs the matcher over all of them: each flagged coordinate is a false positive,
# since every one is a real artifact that a popular project really pulls in. Then it runs the matcher over the
# hand-written typosquats of bench/lookalike-typosquats.txt and reports recall. Run on demand, not in verify.
#   bench/lookalike-fp.sh [CORPUS_FILE]        trees are cached in target/bench/lookalike; delete it to re-resolve
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-bench/lookalike-corpus.txt}
work=target/bench/lookalike
mkdir -p "$work/trees"

# 1. One dependency tree per project, each resolved on its own (as that project's users get it).
grep -v '^#' "$corpus" | grep -v '^[[:space:]]*$' | while IFS=: read -r g a v; do
  dir="$work/trees/$g+$a"
  [[ -s "$dir/tree.txt" ]] && continue
  mkdir -p "$dir"
  cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>genguard.bench</groupId>
  <artifactId>lookalike-tree</artifactId>
  <version>0</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency>
  </dependencies>
</project>
POM
  echo "resolving $g:$a:$v" >&2
  if ! mvn -B -ntp -f "$dir/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:tree \
      -Dscope=runtime -DoutputFile=tree.txt > "$dir/mvn.log" 2>&1; then
    echo "  FAILED, see $dir/mvn.log" >&2
    rm -f "$dir/tree.txt"
  fi
  # Maven drops the subtree under a POM it cannot read and carries on: keep those warnings beside the tree, for
  # the report (a truncated tree measures less than it claims).
  grep -o 'The POM for .* is \(missing\|invalid\)' "$dir/mvn.log" > "$dir/warnings.txt" || true
done
[[ "${RESOLVE_ONLY:-}" == 1 ]] && exit 0

# 2. The matcher over every coordinate (the engine's classes and the shipped list).
mvn -B -ntp -q compile -pl engine -am
java -cp "engine/target/classes:rulesets/target/classes" bench/LookalikeBench.java "$corpus" "$work/trees" \
    bench/lookalike-typosquats.txt
