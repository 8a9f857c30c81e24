package dev.genguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFilterTest {

    @TempDir
    Path root;

    @Test
    void antPatternsRelativeToTheSourceRootAsMavenPmdPluginMatchesThem() {
        SourceFilter all = SourceFilter.ALL;
        assertThat(all.accepts("a/B.java")).isTrue();
        assertThat(all.accepts("a/B.kt")).isFalse();
        SourceFilter generated = new SourceFilter(List.of(), List.of("**/generated/**", "**/*Dto.java"));
        assertThat(generated.accepts("com/acme/generated/Api.java")).isFalse();
        assertThat(generated.accepts("generated/Api.java")).isFalse();
        assertThat(generated.accepts("OrderDto.java")).isFalse();
        assertThat(generated.accepts("com/acme/OrderDtoMapper.java")).isTrue();
        SourceFilter only = new SourceFilter(List.of("com/acme/security/**"), List.of());
        assertThat(only.accepts("com/acme/security/Login.java")).isTrue();
        assertThat(only.accepts("com/acme/web/Page.java")).isFalse();
    }

    @Test
    void listsTheAcceptedFilesOfEachRootSortedAndKeepsFilesOutsideTheRoots() throws IOException {
        Files.createDirectories(root.resolve("a/generated"));
        Files.writeString(root.resolve("a/B.java"), "class B {}");
        Files.writeString(root.resolve("a/A.java"), "class A {}");
        Files.writeString(root.resolve("a/generated/G.java"), "class G {}");
        Files.writeString(root.resolve("a/notes.txt"), "");
        SourceFilter filter = new SourceFilter(null, List.of("**/generated/**"));
        assertThat(filter.files(List.of(root, root.resolve("missing"))))
                .containsExactly(root.resolve("a/A.java"), root.resolve("a/B.java"));
        assertThat(filter.accepts(root.resolve("a/generated/G.java"), List.of(root))).isFalse();
        assertThat(filter.accepts(Path.of("/elsewhere/X.java"), List.of(root))).isTrue();
    }
}
