#!/usr/bin/env bash
# Builds rulesets/src/main/resources/genguard/dependencies/popular-artifacts.txt, the list of popular Maven
# artifacts that the lookalike-dependency check (dev.genguard.engine.dependencies) protects: every groupId:artifactId
# that the well-known BOMs below manage (following their <scope>import</scope> BOMs), plus the hand-curated classics
# of bench/popular-artifacts-curated.txt that no BOM manages. POMs come from Maven Central with curl and are cached
# in target/bench/poms. Run on demand (not in the build), review the diff and commit the file: it is data.
#   bench/popular-artifacts.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=rulesets/src/main/resources/genguard/dependencies/popular-artifacts.txt
work=target/bench
mkdir -p "$work/poms" "$(dirname "$out")"

# Root BOMs, g:a:v@depth: depth is how many levels of imported BOMs are followed. Spring Boot's own list is
# mostly imports (Jackson, Netty, Jetty, JUnit, Micrometer, Testcontainers ... 44 BOMs); Quarkus and the Micronaut
# platform flatten theirs (their imports add nothing, or cloud SDKs: see below); Google's libraries-bom is three
# levels of imports down to one BOM per client library. The newest versions of a few families are added so that
# both generations are listed (Jackson 2 and 3, JUnit 5 and 6, Netty 4.1 and 4.2, Jetty 12.0 and 12.1).
boms=(
  org.springframework.boot:spring-boot-dependencies:3.5.16@1
  org.springframework.cloud:spring-cloud-dependencies:2025.0.1@2
  io.quarkus:quarkus-bom:3.40.1.1@0
  io.micronaut.platform:micronaut-platform:4.10.17@0
  jakarta.platform:jakarta.jakartaee-bom:11.0.0@0
  com.google.cloud:libraries-bom:26.93.0@3
  tools.jackson:jackson-bom:3.1.0@0
  org.junit:junit-bom:6.1.3@0
  io.netty:netty-bom:4.2.20.Final@0
  org.apache.logging.log4j:log4j-bom:2.26.1@0
  io.grpc:grpc-bom:1.80.0@0
  org.eclipse.jetty:jetty-bom:12.1.14@0
)
# Left out, as a groupId:artifactId regex, generated or internal families that nobody declares by hand and that
# would only crowd the list: generated gRPC/proto stubs of Google APIs (com.google.api.grpc, ~700), Micronaut's
# Oracle Cloud SDK wrappers (one per OCI service), webjars of npm packages (org.mvnpm: their names are npm's),
# Mutiny's generated bindings of each Vert.x module, OpenTelemetry's per-library instrumentations (named after the
# instrumented library and its version), Micronaut's test-resources services, and Quarkus extensions' build-time
# and dev-mode halves (-deployment, -spi, -dev: pulled in by the Quarkus build). Not read at all: the AWS SDK BOMs
# (software.amazon.awssdk:bom, com.amazonaws:aws-java-sdk-bom, ~800 one-per-service modules): the curated list
# keeps their common entry points.
skip='^(com\.google\.api\.grpc|io\.micronaut\.oraclecloud|org\.mvnpm|io\.opentelemetry\.instrumentation'
skip+='|io\.micronaut\.testresources):.*|^io\.smallrye\.reactive:smallrye-mutiny-vertx-.*'
skip+='|^io\.quarkus:.*-(deployment|deployment-spi|spi|dev|dev-spi)$'

java bench/BomArtifacts.java "$work/poms" 1 "$skip" "${boms[@]}" > "$work/bom-artifacts.txt"
grep '^# bom' "$work/bom-artifacts.txt" > "$work/bom-report.txt"
curated=$(grep -v '^#' bench/popular-artifacts-curated.txt | sed 's/[[:space:]]//g' | grep -v '^$')
bomcount=$(grep -vc '^#' "$work/bom-artifacts.txt")
readboms=$(grep -vc 'not on Central' "$work/bom-report.txt")

{
  cat <<HEADER
# GenGuard popular artifacts: Maven groupId:artifactId pairs that the lookalike-dependency check protects. A
# dependency whose coordinates are close to one of these (one character off, two letters swapped, separators
# changed, words reordered, a plural) but not equal to any of them is reported as a possible typosquat (CWE-1357).
# The engine reads this file from the classpath (dev.genguard.engine.dependencies.PopularArtifacts).
#
# How it was built ($(date -u +%Y-%m-%d), by bench/popular-artifacts.sh; rerun it to regenerate, then review the diff):
# every artifact managed by these BOMs from Maven Central, following imported BOMs to the depth after @
# ($readboms BOMs read in all, $bomcount pairs),
$(printf '#   %s\n' "${boms[@]}")
# leaving out generated or internal families nobody declares by hand (Google API gRPC stubs, Micronaut's Oracle
# Cloud wrappers and test-resources, npm webjars, Mutiny's Vert.x bindings, OpenTelemetry's per-library
# instrumentations, Quarkus build-time/dev-mode modules); the AWS SDK BOMs are not read (~800 one-per-service
# modules). Plus $(wc -l <<<"$curated") hand-curated classics that no BOM manages
# (bench/popular-artifacts-curated.txt: commons-lang3, guava, joda-time, JDBC drivers, HTTP clients ...).
#
# To extend: projects add their own entries through the plugin's popularArtifacts parameter or a file of the same
# format; to change what ships, add to bench/popular-artifacts-curated.txt or the BOM list in the script and rerun.
# Format: one groupId:artifactId a line, sorted, unique; '#' starts a comment line. Loading fails, naming file and
# line, on a malformed line.
HEADER
  { grep -v '^#' "$work/bom-artifacts.txt"; echo "$curated"; } | LC_ALL=C sort -u
} > "$out"
echo "$out: $(grep -vc '^#' "$out") artifacts ($bomcount from $readboms BOMs, see $work/bom-report.txt)" >&2
