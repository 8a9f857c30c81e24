package dev.genguard.engine;

import java.util.Locale;

/** How bad a finding is, most severe first. The names are public configuration values ({@code failOnSeverity}). */
public enum Severity {
    BLOCKER(1, "9.5"),
    CRITICAL(2, "8.0"),
    MAJOR(3, "5.5"),
    MINOR(4, "3.0");

    private final int pmdPriority;
    private final String securitySeverity;

    Severity(int pmdPriority, String securitySeverity) {
        this.pmdPriority = pmdPriority;
        this.securitySeverity = securitySeverity;
    }

    /** The PMD rule priority (1 = high) that the profiles give a rule of this severity. */
    public int pmdPriority() {
        return pmdPriority;
    }

    /** The SARIF {@code security-severity} score (GitHub code scanning: 9.0+ critical, 7.0+ high, 4.0+ medium). */
    public String securitySeverity() {
        return securitySeverity;
    }

    /** True when this severity is as bad as {@code threshold} or worse. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** One level less severe, MINOR staying MINOR (a low-confidence finding). */
    public Severity lower() {
        return this == MINOR ? MINOR : values()[ordinal() + 1];
    }

    /** One level more severe, BLOCKER staying BLOCKER. */
    public Severity raise() {
        return this == BLOCKER ? BLOCKER : values()[ordinal() - 1];
    }

    /** Parses a configured severity, ignoring case; the message lists the valid values. */
    public static Severity parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown severity '" + value + "': use one of BLOCKER, CRITICAL, MAJOR, MINOR");
        }
    }
}
