package dev.genguard.engine;

/**
 * An analysis problem that is not a finding: a source that does not parse, a class file that cannot be read,
 * a detector that crashed. Reported with the file so the user knows what was not analysed.
 *
 * @param engine  the engine that had the problem
 * @param file    the file concerned, or empty when none
 * @param message what went wrong, one line
 */
public record ScanError(EngineKind engine, String file, String message) {

    @Override
    public String toString() {
        return engine.id() + ": " + (file.isEmpty() ? "" : file + ": ") + message;
    }
}
