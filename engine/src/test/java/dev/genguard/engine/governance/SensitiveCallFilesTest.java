package dev.genguard.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.governance.sensitive.SensitiveCall;
import dev.genguard.engine.governance.source.SourceIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which source file a compiled class's sensitive call belongs to, for the approval gate. */
class SensitiveCallFilesTest {

    @TempDir
    Path project;

    @Test
    void aCallBelongsToTheFileUnderASourceRootNotToAnotherFileWithTheSameEnding() throws IOException {
        Path main = project.resolve("src/main/java");
        Path gen = project.resolve("src/main/gen");
        // a.Foo (hand-written, AI-tagged) and x.a.Foo (generated): both end in a/Foo.java; "gen" sorts first.
        Path foo = write(main.resolve("a/Foo.java"), "package a;\nclass Foo {}\n");
        Path generated = write(gen.resolve("x/a/Foo.java"), "package x.a;\nclass Foo {}\n");
        // An excluded file under a root (not in the index): its class's calls belong to no analysed file.
        write(main.resolve("b/Skip.java"), "package b;\nclass Skip {}\n");
        write(main.resolve("c/b/Skip.java"), "package c.b;\nclass Skip {}\n");
        SourceIndex index = SourceIndex.build(project, List.of(foo, generated, main.resolve("c/b/Skip.java")),
                StandardCharsets.UTF_8);
        SensitiveCall call = new SensitiveCall("a/Foo.java", 2, "crypto", "javax.crypto.Cipher.getInstance", "a.Foo", "m");
        SensitiveCall excluded = new SensitiveCall("b/Skip.java", 2, "crypto", "javax.crypto.Cipher.getInstance",
                "b.Skip", "m");
        assertThat(Governance.byFile(List.of(call, excluded), index, project, List.of(main, gen)))
                .containsOnlyKeys("src/main/java/a/Foo.java");
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
