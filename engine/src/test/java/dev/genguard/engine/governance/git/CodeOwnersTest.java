package dev.genguard.engine.governance.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeOwnersTest {

    @Test
    void anchoredDirectoryOwnsEverythingBelowItAtTheRootOnly() {
        CodeOwners owners = CodeOwners.parse("/src/ @core\n");
        assertThat(owners.owner("src/main/java/A.java")).contains("@core");
        assertThat(owners.owner("src/A.java")).contains("@core");
        assertThat(owners.owner("module/src/A.java")).isEmpty();
    }

    @Test
    void extensionPatternMatchesAtAnyDepth() {
        CodeOwners owners = CodeOwners.parse("*.java @java-team\n");
        assertThat(owners.owner("A.java")).contains("@java-team");
        assertThat(owners.owner("a/b/C.java")).contains("@java-team");
        assertThat(owners.owner("a/b/C.kt")).isEmpty();
    }

    @Test
    void starAfterDirectoryOwnsOnlyTheFirstLevelAsGitHubDocuments() {
        CodeOwners owners = CodeOwners.parse("docs/* docs@example.com\n");
        assertThat(owners.owner("docs/getting-started.md")).contains("docs@example.com");
        assertThat(owners.owner("docs/build-app/troubleshooting.md")).isEmpty();
    }

    @Test
    void doubleStarDirectoryMatchesAnywhere() {
        CodeOwners owners = CodeOwners.parse("**/security/ @sec\napps/ @apps\n");
        assertThat(owners.owner("security/Key.java")).contains("@sec");
        assertThat(owners.owner("a/b/security/c/Key.java")).contains("@sec");
        assertThat(owners.owner("a/securityx/Key.java")).isEmpty();
        assertThat(owners.owner("x/apps/y/z.js")).contains("@apps");
    }

    @Test
    void lastMatchingLineWinsAndOwnersAreJoined() {
        CodeOwners owners = CodeOwners.parse("""
                # default owners
                *       @global

                *.java  @java-a  @java-b
                /src/main/java/dev/genguard/security/ @sec-team # security reviewers
                """);
        assertThat(owners.size()).isEqualTo(3);
        assertThat(owners.owner("README.md")).contains("@global");
        assertThat(owners.owner("src/main/java/A.java")).contains("@java-a @java-b");
        assertThat(owners.owner("src/main/java/dev/genguard/security/Crypto.java")).contains("@sec-team");
    }

    @Test
    void laterLineWithoutOwnersLeavesThePathUnowned() {
        CodeOwners owners = CodeOwners.parse("* @global\n/generated/\n");
        assertThat(owners.owner("generated/Stub.java")).isEmpty();
        assertThat(owners.owner("src/A.java")).contains("@global");
    }

    @Test
    void negationIsNotSupportedByGitHubSoTheLineIsSkipped() {
        CodeOwners owners = CodeOwners.parse("*.java @java\n!Legacy.java @nobody\n");
        assertThat(owners.size()).isEqualTo(1);
        assertThat(owners.owner("Legacy.java")).contains("@java");
    }

    @Test
    void escapedHashIsAPatternAndPathsMayStartWithSlash() {
        CodeOwners owners = CodeOwners.parse("\\#notes.txt @notes\n");
        assertThat(owners.owner("#notes.txt")).contains("@notes");
        assertThat(owners.owner("/#notes.txt")).contains("@notes");
        assertThat(CodeOwners.parse("").owner("A.java")).isEmpty();
    }

    @Test
    void windowsLineEndingsAreRead() {
        CodeOwners owners = CodeOwners.parse("*.java @a\r\n*.md @b\r\n");
        assertThat(owners.owner("x/A.java")).contains("@a");
        assertThat(owners.owner("README.md")).contains("@b");
    }
}
