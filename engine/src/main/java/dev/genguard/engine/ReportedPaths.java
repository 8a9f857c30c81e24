package dev.genguard.engine;

import java.nio.file.Path;

/** Path helpers shared by the engine runners. */
public final class ReportedPaths {

    private ReportedPaths() {
    }

    /** {@code file} relative to {@code base} with '/' separators, or the absolute path when it lies elsewhere. */
    public static String relative(Path base, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path root = base.toAbsolutePath().normalize();
        Path shown = abs.startsWith(root) ? root.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }
}
