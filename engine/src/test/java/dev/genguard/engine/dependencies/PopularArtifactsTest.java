package dev.genguard.engine.dependencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PopularArtifactsTest {

    private static final PopularArtifacts SHIPPED = PopularArtifacts.load();

    /** The data lines of the shipped file, as written (not as parsed), to check the file itself. */
    private static List<String> shippedLines() throws IOException {
        try (InputStream in = PopularArtifacts.class.getClassLoader().getResourceAsStream(PopularArtifacts.RESOURCE)) {
            assertThat(in).as(PopularArtifacts.RESOURCE).isNotNull();
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
            return lines;
        }
    }

    @Test
    void shippedListIsLargeAndHasTheClassics() {
        assertThat(SHIPPED.size()).isGreaterThanOrEqualTo(500);
        assertThat(SHIPPED.all()).contains(
                Coordinate.parse("org.apache.commons:commons-lang3"),
                Coordinate.parse("commons-io:commons-io"),
                Coordinate.parse("com.google.guava:guava"),
                Coordinate.parse("joda-time:joda-time"),
                Coordinate.parse("com.fasterxml.jackson.core:jackson-databind"),
                Coordinate.parse("org.springframework.boot:spring-boot-starter-web"),
                Coordinate.parse("org.apache.logging.log4j:log4j-core"),
                Coordinate.parse("io.netty:netty-handler"),
                Coordinate.parse("org.junit.jupiter:junit-jupiter-api"),
                Coordinate.parse("mysql:mysql-connector-java"),
                Coordinate.parse("com.mysql:mysql-connector-j"));
    }

    @Test
    void shippedFileIsSortedUniqueAndClean() throws IOException {
        List<String> lines = shippedLines();
        assertThat(lines).hasSize(SHIPPED.size());
        for (int i = 1; i < lines.size(); i++) {
            // Strictly increasing in byte order (LC_ALL=C sort -u): sorted and without duplicates.
            assertThat(lines.get(i)).as("line after %s", lines.get(i - 1)).isGreaterThan(lines.get(i - 1));
        }
        // Written exactly as parsed: no stray spaces or CRs that a lenient parser would hide.
        assertThat(lines).allSatisfy(line -> assertThat(Coordinate.parse(line).toString()).isEqualTo(line));
    }

    @Test
    void shippedFileHeaderSaysHowItWasBuiltAndExtended() throws IOException {
        try (InputStream in = PopularArtifacts.class.getClassLoader().getResourceAsStream(PopularArtifacts.RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("bench/popular-artifacts.sh", "spring-boot-dependencies", "popularArtifacts");
        }
    }

    @Test
    void parseSkipsCommentsAndBlankLinesAndStripsSpaces() throws IOException {
        PopularArtifacts list = PopularArtifacts.parse("x.txt", new StringReader(
                "# header\n\ncom.google.guava:guava\n  joda-time:joda-time  \r\n# end\ncom.google.guava:guava\n"));
        assertThat(list.all()).extracting(Coordinate::toString)
                .containsExactly("com.google.guava:guava", "joda-time:joda-time");
        assertThat(list.size()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"guava", "com.google.guava:guava:33.0", ":guava", "com.google.guava:", "com google:guava",
            "com.google.guava:gua va", "com.google.guava:guava$"})
    void malformedLineFailsNamingFileAndLine(String bad) {
        assertThatThrownBy(() -> PopularArtifacts.parse("extra.txt",
                new StringReader("# list\ncom.google.guava:guava\n" + bad + "\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("extra.txt:3: ")
                .hasMessageContaining(bad.strip());
    }

    @Test
    void entriesKeepFileOrderForAUsersList() throws IOException {
        assertThat(PopularArtifacts.entries("mine.txt", new StringReader("b:b\na:a\n")))
                .containsExactly(new Coordinate("b", "b"), new Coordinate("a", "a"));
    }

    @Test
    void withExtraAddsWithoutChangingTheOriginal() {
        Coordinate mine = Coordinate.parse("com.acme:acme-payments");
        PopularArtifacts extended = SHIPPED.withExtra(List.of(mine));
        assertThat(extended.contains(mine)).isTrue();
        assertThat(extended.size()).isEqualTo(SHIPPED.size() + 1);
        assertThat(SHIPPED.contains(mine)).isFalse();
        assertThat(SHIPPED.withExtra(List.of())).isSameAs(SHIPPED);
        assertThat(SHIPPED.withExtra(null)).isSameAs(SHIPPED);
    }

    @Test
    void containsIsExactAndAllIsSortedAndReadOnly() {
        assertThat(SHIPPED.contains(Coordinate.parse("com.zaxxer:HikariCP"))).isTrue();
        assertThat(SHIPPED.contains(Coordinate.parse("com.zaxxer:hikaricp"))).isFalse();
        assertThat(List.copyOf(SHIPPED.all())).isSorted();
        assertThatThrownBy(() -> SHIPPED.all().add(Coordinate.parse("a:b")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void missingResourceNamesItAndTheModule() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> PopularArtifacts.load(empty))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(PopularArtifacts.RESOURCE)
                    .hasMessageContaining("genguard-rulesets");
        }
    }

    @Test
    void coordinateParsesAndPrints() {
        Coordinate c = Coordinate.parse(" org.ow2.asm:asm ");
        assertThat(c.groupId()).isEqualTo("org.ow2.asm");
        assertThat(c.artifactId()).isEqualTo("asm");
        assertThat(c).hasToString("org.ow2.asm:asm");
    }

    @Test
    void coordinateErrorsSayWhatWasExpected() {
        assertThatThrownBy(() -> Coordinate.parse("org.ow2.asm")).hasMessageContaining("groupId:artifactId");
        assertThatThrownBy(() -> Coordinate.parse("g:a:1.0")).hasMessageContaining("no version");
        assertThatThrownBy(() -> Coordinate.parse("g:")).hasMessageContaining("artifactId is empty");
        assertThatThrownBy(() -> Coordinate.parse("g/x:a")).hasMessageContaining("groupId \"g/x\"");
        assertThatThrownBy(() -> Coordinate.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Coordinate("g", null)).hasMessageContaining("artifactId is empty");
    }
}
