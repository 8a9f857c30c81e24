package dev.genguard.engine.governance.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadOnlyJGitConfigTest {

    @Test
    void jgitsOwnConfigIsReadButNeverSaved(@TempDir Path dir) throws Exception {
        GitHistory.open(dir, GitHistory.Options.defaults()).close();
        assertThat(SystemReader.getInstance()).isInstanceOf(ReadOnlyJGitConfig.class);
        FileBasedConfig config = SystemReader.getInstance().openJGitConfig(null, FS.DETECTED);
        File file = config.getFile();
        long before = file.exists() ? Files.size(file.toPath()) : -1;
        config.setString("genguard-test", null, "written", "yes");
        config.save();
        assertThat(file.exists() ? Files.size(file.toPath()) : -1).isEqualTo(before);
        // Installing twice keeps one delegate.
        GitHistory.open(dir, GitHistory.Options.defaults()).close();
        assertThat(SystemReader.getInstance()).isInstanceOf(ReadOnlyJGitConfig.class);
    }
}
