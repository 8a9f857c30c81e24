package dev.genguard.engine.report;

import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.RuleDocs;
import dev.genguard.engine.governance.Assessment;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Writes the report files of an assessment: {@code genguard.sarif}, {@code genguard.json}, {@code genguard.html}. */
public final class Reports {

    public static final List<String> FORMATS = List.of("sarif", "json", "html");

    private Reports() {
    }

    /** Parses a {@code formats} setting (names, or comma-separated lists of names). */
    public static Set<String> formats(Collection<String> values) {
        Set<String> chosen = new TreeSet<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    String format = part.strip().toLowerCase(Locale.ROOT);
                    if (format.isEmpty()) {
                        continue;
                    }
                    if (!FORMATS.contains(format)) {
                        throw new IllegalArgumentException("unknown report format '" + part.strip() + "': use "
                                + String.join(", ", FORMATS));
                    }
                    chosen.add(format);
                }
            }
        }
        return chosen;
    }

    /**
     * Writes the chosen formats into {@code outputDirectory}; each file atomically, so a failed run never leaves a
     * half-written report.
     *
     * @param baseDir the directory the findings' files are relative to, for code excerpts
     * @return the files written, in {@link #FORMATS} order
     */
    public static List<Path> write(Assessment assessment, Catalog catalog, Path baseDir, Path outputDirectory,
                                   Set<String> formats, String toolVersion) throws IOException {
        return write(assessment, catalog, baseDir, outputDirectory, formats, toolVersion, StandardCharsets.UTF_8);
    }

    /**
     * Writes the chosen formats into {@code outputDirectory}, reading the sources for the HTML report's code excerpts
     * in {@code encoding} (the module's source encoding).
     */
    public static List<Path> write(Assessment assessment, Catalog catalog, Path baseDir, Path outputDirectory,
                                   Set<String> formats, String toolVersion, Charset encoding) throws IOException {
        List<Path> written = new ArrayList<>();
        if (formats.contains("sarif")) {
            Path file = outputDirectory.resolve("genguard.sarif");
            RuleDocs docs = RuleDocs.load(catalog, Reports.class.getClassLoader());
            SarifReport.write(SarifReport.build(assessment, catalog, docs, toolVersion), file);
            written.add(file);
        }
        if (formats.contains("json")) {
            Path file = outputDirectory.resolve("genguard.json");
            JsonReport.write(assessment, file);
            written.add(file);
        }
        if (formats.contains("html")) {
            Path file = outputDirectory.resolve("genguard.html");
            HtmlReport.write(assessment, catalog, baseDir, file, encoding);
            written.add(file);
        }
        return written;
    }
}
