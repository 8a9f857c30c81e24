#!/usr/bin/env bash
# Robustness at scale: every GenGuard rule and detector (profile "all") over the binary and sources jars of the
# popular artifacts of bench/bulk-artifacts.txt (Maven Central through the local Maven repository), one engine
# Scanner run per artifact: PMD over the unpacked sources, SpotBugs over the binary jar, without the artifact's
# dependencies. Counts classes and lines, time, peak heap, findings per rule per 1,000 lines (noise map), errors
# from GenGuard code apart from PMD's and SpotBugs' own processing errors, and timeouts. Run on demand, not in verify.
#   bench/bulk.sh                     # the whole list
#   BULK_LIMIT=120 bench/bulk.sh      # the first 120 artifacts of the list
# Environment: BULK_XMX (heap of each analysing JVM, default 4g), BULK_SHARDS (analysing JVMs in parallel, default 2),
# BULK_TIMEOUT (seconds per artifact, default 600), BULK_LIST (artifact list). Results are kept per artifact in
# target/bulk/results (delete that directory to analyse again); the summary goes to target/bulk/summary.md.
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/bulk
list=${BULK_LIST:-bench/bulk-artifacts.txt}
xmx=${BULK_XMX:-4g}
shards=${BULK_SHARDS:-2}
timeout=${BULK_TIMEOUT:-600}
mkdir -p "$work/jars" "$work/src" "$work/results" "$work/fetch"
grep -v '^#' "$list" | sed 's/[[:space:]]//g' | grep -v '^$' | head -n "${BULK_LIMIT:-100000}" > "$work/list.txt"

# 1. Download what is missing: one Maven run for all binary jars and one for all sources jars (a pom that depends on
# each artifact without its transitive dependencies); an artifact Maven cannot find is logged and left out.
missing=()
while IFS=: read -r g a v; do
  [ -f "$work/jars/$g.$a-$v.jar" ] || missing+=("$g:$a:$v")
done < "$work/list.txt"
fetch_pom() {
  {
    echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
    echo '<groupId>genguard.bench</groupId><artifactId>bulk-fetch</artifactId><version>1</version><dependencies>'
    for gav in "$@"; do
      IFS=: read -r g a v <<<"$gav"
      echo "<dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version>"
      echo "<exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>"
    done
    echo '</dependencies></project>'
  } > "$work/fetch/pom.xml"
}
copy=(-B -ntp -f "$work/fetch/pom.xml" dependency:copy-dependencies -Dmdep.prependGroupId=true
      -DexcludeTransitive=true -DoutputDirectory="$PWD/$work/jars")
# An artifact that is not on Central fails the whole run: Maven names it; log it, leave it out, try again.
for attempt in 1 2 3 4 5; do
  [ ${#missing[@]} -gt 0 ] || break
  echo "downloading ${#missing[@]} artifacts (attempt $attempt)" >&2
  fetch_pom "${missing[@]}"
  if mvn "${copy[@]}" > "$work/fetch/log.txt" 2>&1; then
    mvn "${copy[@]}" -Dclassifier=sources -Dmdep.failOnMissingClassifierArtifact=false > "$work/fetch/sources-log.txt" 2>&1 ||
      echo "sources download failed: see $work/fetch/sources-log.txt" >&2
    break
  fi
  gone=$(grep -oE '[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+:jar:[A-Za-z0-9_.-]+' "$work/fetch/log.txt" | sort -u |
         awk -F: '{print $1":"$2":"$4}')
  [ -n "$gone" ] || { cat "$work/fetch/log.txt" >&2; exit 1; }
  echo "not on Central, skipped: $gone" >&2
  kept=()
  for gav in "${missing[@]}"; do grep -qxF "$gav" <<<"$gone" || kept+=("$gav"); done
  missing=("${kept[@]}")
done
while IFS=: read -r g a v; do
  [ -f "$work/jars/$g.$a-$v-sources.jar" ] || echo "no sources jar: $g:$a:$v (SpotBugs only)" >&2
done < "$work/list.txt"

# 2. Build GenGuard and the engine's class path, as bench/realworld.sh does.
mvn -B -ntp -q package -DskipTests -Dinvoker.skip -pl maven-plugin -am
mvn -B -ntp -q -pl engine dependency:build-classpath -Dmdep.outputFile="$PWD/$work/engine.classpath" -Dmdep.includeScope=runtime
cp="engine/target/classes:rulesets/target/classes:pmd-rules/target/classes:$(cat "$work/engine.classpath")"
plugin=$(ls spotbugs-detectors/target/genguard-spotbugs-detectors-*.jar | grep -v sources | head -n 1)

# 3. Analyse: BULK_SHARDS JVMs in parallel, each restarted after a timeout (exit 3) until its shard is done.
start=$(date +%s)
for ((s = 0; s < shards; s++)); do
  (
    while true; do
      rc=0
      java -Xmx"$xmx" -cp "$cp" bench/BulkRun.java run "$plugin" "$work" "$work/list.txt" "$s" "$shards" "$timeout" || rc=$?
      [ "$rc" -eq 3 ] || break
    done
    exit "$rc"
  ) > "$work/shard-$s.log" 2>&1 &
done
fail=0
for job in $(jobs -p); do wait "$job" || fail=1; done
elapsed=$(( $(date +%s) - start ))
{
  echo "# GenGuard bulk run, $(date -u +%Y-%m-%d) — $(wc -l < "$work/list.txt") artifacts listed, -Xmx$xmx, $shards JVMs in parallel, timeout ${timeout}s per artifact"
  echo
  echo "Wall time of the analysis: $((elapsed / 60)) min $((elapsed % 60)) s"
  echo
  java -cp "$cp" bench/BulkRun.java summary "$work" "$work/list.txt"
} > "$work/summary.md"
cat "$work/summary.md"
[ "$fail" -eq 0 ] || { echo "an analysing JVM failed: see $work/shard-*.log" >&2; exit 1; }
