package dev.genguard.engine.governance.git;

import java.io.IOException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Keeps JGit from writing its own configuration file. Reading a repository makes JGit measure the file system's
 * timestamp resolution once and save it to {@code ~/.config/jgit/config}, a write outside the build that a
 * read-only analysis must not make. With this delegate the file is still read (earlier measurements are reused) but
 * never saved: a measurement lives for the JVM only.
 *
 * <p>JGit's {@link SystemReader} is global to the class loader that loaded JGit: in the Maven plugin that is the
 * plugin's own realm, so other plugins' JGit copies are not affected. Installed once, before the first repository
 * is opened.
 */
final class ReadOnlyJGitConfig extends SystemReader.Delegate {

    private ReadOnlyJGitConfig(SystemReader delegate) {
        super(delegate);
    }

    static synchronized void install() {
        SystemReader current = SystemReader.getInstance();
        if (!(current instanceof ReadOnlyJGitConfig)) {
            SystemReader.setInstance(new ReadOnlyJGitConfig(current));
        }
    }

    @Override
    public FileBasedConfig openJGitConfig(Config parent, FS fs) {
        FileBasedConfig real = super.openJGitConfig(parent, fs);
        return new FileBasedConfig(parent, real.getFile(), fs) {
            @Override
            public void save() throws IOException {
                // Deliberately not written; see the class comment.
            }
        };
    }
}
