package dev.genguard.maven;

import dev.genguard.engine.Severity;
import dev.genguard.engine.report.ConsoleReport;
import org.apache.maven.shared.utils.logging.MessageUtils;

/** Colours the console report exactly when Maven colours its own output (not with -B, not when piped). */
final class AnsiStyle implements ConsoleReport.Style {

    private AnsiStyle() {
    }

    static ConsoleReport.Style forMaven() {
        return MessageUtils.isColorEnabled() ? new AnsiStyle() : ConsoleReport.Style.PLAIN;
    }

    @Override
    public String severity(Severity severity, String text) {
        return switch (severity) {
            case BLOCKER, CRITICAL -> MessageUtils.buffer().failure(text).toString();
            case MAJOR -> MessageUtils.buffer().warning(text).toString();
            case MINOR -> text;
        };
    }

    @Override
    public String file(String text) {
        return MessageUtils.buffer().strong(text).toString();
    }
}
