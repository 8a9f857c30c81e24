package dev.genguard.engine.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LookalikeMatcherTest {

    private static final PopularArtifacts SHIPPED = PopularArtifacts.load();
    private static final LookalikeMatcher MATCHER = new LookalikeMatcher(SHIPPED);

    private static Optional<LookalikeMatcher.Match> match(String coordinate) {
        return MATCHER.match(Coordinate.parse(coordinate));
    }

    /** A matcher over exactly {@code popular}, to test one rule without the rest of the shipped list. */
    private static LookalikeMatcher over(String... popular) {
        return new LookalikeMatcher(PopularArtifacts.of(Arrays.stream(popular).map(Coordinate::parse).toList()));
    }

    @Test
    void theIssuesExamplesAreFlaggedWithTheArtifactTheyImitate() {
        assertThat(match("com.fasterxml.jackson.core:jackson-databinds")).hasValue(new LookalikeMatcher.Match(
                Coordinate.parse("com.fasterxml.jackson.core:jackson-databind"), "a plural of"));
        assertThat(match("org.apache.commons:common-lang3")).hasValue(new LookalikeMatcher.Match(
                Coordinate.parse("org.apache.commons:commons-lang3"), "a singular of"));
        assertThat(match("com.google.gauva:guava")).hasValue(new LookalikeMatcher.Match(
                Coordinate.parse("com.google.guava:guava"), "two letters swapped in"));
        assertThat(match("com.google.gauva:guava").orElseThrow())
                .hasToString("two letters swapped in com.google.guava:guava");
    }

    @ParameterizedTest(name = "{0} -> {2} {1}")
    @CsvSource({
            // insertion, deletion, substitution, transposition in an artifactId
            "org.projectlombok:lombock, org.projectlombok:lombok, one character from",
            "org.apache.logging.log4j:log4j-cor, org.apache.logging.log4j:log4j-core, one character from",
            "com.google.protobuf:protobuf-jave, com.google.protobuf:protobuf-java, one character from",
            "org.springframework:spring-webmcv, org.springframework:spring-webmvc, two letters swapped in",
            // a swap in a three-letter word is still a typo (only substitutions make other acronyms)
            "org.springframework.boot:spring-boot-starter-wbe, org.springframework.boot:spring-boot-starter-web, "
                    + "two letters swapped in",
            // ... and in a groupId, with the artifactId unchanged
            "org.springframwork:spring-context, org.springframework:spring-context, one character from",
            "software.amazon.awsdk:s3, software.amazon.awssdk:s3, one character from",
            "io.gprc:grpc-netty, io.grpc:grpc-netty, two letters swapped in",
            "org.bouncycastel:bcprov-jdk18on, org.bouncycastle:bcprov-jdk18on, two letters swapped in",
            // separators swapped, added or removed
            "commons-io:commons_io, commons-io:commons-io, separators changed from",
            "joda.time:joda-time, joda-time:joda-time, separators changed from",
            "net.bytebuddy:bytebuddy, net.bytebuddy:byte-buddy, separators changed from",
            // words reordered, in an artifactId or a groupId
            "com.fasterxml.jackson.core:databind-jackson, com.fasterxml.jackson.core:jackson-databind, "
                    + "words reordered from",
            "com.jackson.fasterxml.core:jackson-databind, com.fasterxml.jackson.core:jackson-databind, "
                    + "words reordered from",
            // plurals and singulars, even of words the list uses elsewhere ('client', 'common')
            "org.apache.kafka:kafka-client, org.apache.kafka:kafka-clients, a singular of",
            "redis.client:jedis, redis.clients:jedis, a singular of",
            "io.jsonwebtokens:jjwt, io.jsonwebtoken:jjwt, a plural of",
            // look-alike digits, and letter case
            "org.s1f4j:slf4j-api, org.slf4j:slf4j-api, a look-alike digit in",
            "org.mockit0:mockito-core, org.mockito:mockito-core, a look-alike digit in",
            "com.zaxxer:hikaricp, com.zaxxer:HikariCP, letter case changed from",
            "Com.Google.Guava:guava, com.google.guava:guava, letter case changed from",
    })
    void typosquatShapesAreFlagged(String squat, String popular, String how) {
        assertThat(SHIPPED.contains(Coordinate.parse(squat))).as("%s is not itself popular", squat).isFalse();
        assertThat(match(squat)).hasValue(new LookalikeMatcher.Match(Coordinate.parse(popular), how));
    }

    /**
     * Each row: a popular artifact and a real sibling of it that must not be flagged, each checked against a list
     * holding only the popular one, so that the rule named in the comment is what keeps it quiet.
     */
    @ParameterizedTest(name = "{1} is not a lookalike of {0}")
    @CsvSource({
            // digits are version or generation markers
            "org.apache.commons:commons-lang3, org.apache.commons:commons-lang",
            "org.apache.httpcomponents:httpclient, org.apache.httpcomponents:httpclient5",
            "org.antlr:antlr4-runtime, org.antlr:antlr-runtime",
            "software.amazon.awssdk:apache-client, software.amazon.awssdk:apache5-client",
            "io.netty:netty-codec-http, io.netty:netty-codec-http2",
            "org.jetbrains.kotlin:kotlin-stdlib-jdk8, org.jetbrains.kotlin:kotlin-stdlib-jdk7",
            "com.fasterxml.jackson.module:jackson-module-scala_2.12, com.fasterxml.jackson.module:jackson-module-scala_2.13",
            "org.bouncycastle:bcprov-jdk18on, org.bouncycastle:bcprov-jdk15on",
            "org.apache.logging.log4j:log4j-slf4j-impl, org.apache.logging.log4j:log4j-slf4j2-impl",
            "io.reactivex.rxjava3:rxjava, io.reactivex.rxjava2:rxjava",
            "org.slf4j:slf4j-api, org.slf5j:slf4j-api",
            // acronyms of three letters or fewer, one letter apart
            "org.apache.logging.log4j:log4j-jcl, org.apache.logging.log4j:log4j-jul",
            "org.apache.maven.resolver:maven-resolver-api, org.apache.maven.resolver:maven-resolver-spi",
            "org.springframework:spring-orm, org.springframework:spring-oxm",
            "software.amazon.awssdk:sns, software.amazon.awssdk:sqs",
            // words of one or two letters
            "org.apache.activemq:activemq-ra, org.apache.activemq:activemq-rar",
            "org.springframework.integration:spring-integration-ip, org.springframework.integration:spring-integration-zip",
            // a different first letter is a different word
            "org.glassfish.jersey.connectors:jersey-jetty-connector, org.glassfish.jersey.connectors:jersey-netty-connector",
            "io.github.openfeign:feign-gson, io.github.openfeign:feign-json",
            "org.springframework.integration:spring-integration-ftp, org.springframework.integration:spring-integration-sftp",
            "io.zipkin.brave:brave-instrumentation-grpc, io.zipkin.brave:brave-instrumentation-rpc",
            // a word more or less, or a whole different word: siblings
            "org.slf4j:slf4j-api, org.slf4j:slf4j-simple",
            "org.ow2.asm:asm, org.ow2.asm:asm-tree",
            "org.ow2.asm:asm, asm:asm",
            "io.netty:netty-codec, io.netty:netty-codec-http",
            "org.springframework.boot:spring-boot-starter-web, org.springframework.boot:spring-boot-starter-webflux",
            "org.jetbrains.kotlin:kotlin-stdlib, org.jetbrains.kotlin:kotlin-stdlib-jdk8",
            "com.fasterxml.jackson.module:jackson-module-kotlin, com.fasterxml.jackson.module:jackson-module-kotlin-jvm",
            "org.apache.logging.log4j:log4j-api, org.apache.logging.log4j:log4j-core",
            "org.apache.httpcomponents:httpclient, org.apache.httpcomponents:httpcore",
            "org.apache.lucene:lucene-analysis-common, org.apache.lucene:lucene-analyzers-common",
            "com.google.guava:guava, com.google.guava:guava-testlib",
            // renamed namespaces and relocations
            "javax.servlet:javax.servlet-api, jakarta.servlet:jakarta.servlet-api",
            "javax.inject:javax.inject, jakarta.inject:jakarta.inject-api",
            "mysql:mysql-connector-java, com.mysql:mysql-connector-j",
            "org.hibernate:hibernate-core, org.hibernate.orm:hibernate-core",
    })
    void legitimateSiblingsAreNotFlagged(String popular, String sibling) {
        assertThat(over(popular).match(Coordinate.parse(sibling))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // real artifacts of popular groups that the shipped list lacks (Spring Boot 4's new modules, ...)
            "org.springframework.boot:spring-boot-webmvc",
            "org.springframework.boot:spring-boot-jackson",
            "org.springframework.boot:spring-boot-starter-jackson",
            "org.springframework.boot:spring-boot-data-jpa",
            "org.springframework.boot:spring-boot-jpa",
            "org.springframework.boot:spring-boot-starter-tomcat-runtime",
            "org.eclipse.jetty:jetty-servlet",
            "org.eclipse.jetty.http2:http2-hpack",
            "io.dropwizard.metrics:metrics-jetty12",
            "io.quarkus:quarkus-development-mode-spi",
    })
    void realArtifactsOutsideTheListAreNotFlagged(String coordinate) {
        assertThat(SHIPPED.contains(Coordinate.parse(coordinate))).isFalse();
        assertThat(match(coordinate)).isEmpty();
    }

    @Test
    void aWordTheListUsesIsASiblingButAnUnknownOneIsATypo() {
        // jsonp alone is one letter from jsonb; once the list uses the word jsonp anywhere, it names something real.
        assertThat(over("io.quarkus:quarkus-jsonb").match(Coordinate.parse("io.quarkus:quarkus-jsonp")))
                .hasValue(new LookalikeMatcher.Match(Coordinate.parse("io.quarkus:quarkus-jsonb"), "one character from"));
        assertThat(over("io.quarkus:quarkus-jsonb", "org.glassfish:jakarta.json-jsonp")
                .match(Coordinate.parse("io.quarkus:quarkus-jsonp"))).isEmpty();
        // Plurals are exempt: 'common' is a word (netty-common), common-lang3 is still the squat.
        assertThat(over("org.apache.commons:commons-lang3", "io.netty:netty-common")
                .match(Coordinate.parse("org.apache.commons:common-lang3"))).isPresent();
        // For groupIds the words are those of popular groupIds: kotlinx is one, so it is no typo of kotlin.
        LookalikeMatcher kotlin = over("org.jetbrains.kotlin:kotlin-stdlib", "org.jetbrains.kotlinx:kotlinx-coroutines-core");
        assertThat(kotlin.match(Coordinate.parse("org.jetbrains.kotlinx:kotlin-stdlib"))).isEmpty();
        assertThat(kotlin.match(Coordinate.parse("org.jetbrains.kotlinn:kotlin-stdlib"))).isPresent();
    }

    @Test
    void bothHalvesDifferingIsNotALookalike() {
        assertThat(match("com.google.gauva:gauva")).isEmpty();
        // ... nor is a well-known artifactId under an unrelated groupId (the list cannot tell forks from squats).
        assertThat(match("org.example:guava")).isEmpty();
    }

    @Test
    void theBestKindOfResemblanceWins() {
        LookalikeMatcher m = over("x.y:abcd-core", "x.y:abce-cores");
        // One character from abce-cores, a plural of abcd-core: the plural is the closer reading.
        assertThat(m.match(Coordinate.parse("x.y:abcd-cores")))
                .hasValue(new LookalikeMatcher.Match(Coordinate.parse("x.y:abcd-core"), "a plural of"));
    }

    @Test
    void everyShippedEntryIsNotFlagged() {
        List<String> flagged = SHIPPED.all().stream()
                .filter(c -> MATCHER.match(c).isPresent()).map(Coordinate::toString).toList();
        assertThat(flagged).isEmpty();
    }

    @Test
    void extraEntriesAreProtectedAndNeverFlagged() {
        Coordinate mine = Coordinate.parse("com.acme:acme-payments");
        LookalikeMatcher extended = new LookalikeMatcher(SHIPPED.withExtra(List.of(mine)));
        assertThat(extended.match(Coordinate.parse("com.acme:acme-payment")))
                .hasValue(new LookalikeMatcher.Match(mine, "a singular of"));
        assertThat(extended.match(mine)).isEmpty();
        assertThat(MATCHER.match(Coordinate.parse("com.acme:acme-payment"))).isEmpty();
    }

    @Test
    void deterministicAcrossInstances() {
        LookalikeMatcher other = new LookalikeMatcher(PopularArtifacts.of(SHIPPED.all().descendingSet()));
        for (String c : List.of("com.google.gauva:guava", "org.apache.commons:common-lang3", "io.netty:netty-handlers",
                "org.springframework.boot:spring-boot-starter-wbe")) {
            assertThat(other.match(Coordinate.parse(c))).isEqualTo(match(c));
        }
    }
}
