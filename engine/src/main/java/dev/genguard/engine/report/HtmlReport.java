package dev.genguard.engine.report;

import dev.genguard.engine.Finding;
import dev.genguard.engine.ScanError;
import dev.genguard.engine.Severity;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.RuleInfo;
import dev.genguard.engine.governance.AiRegion;
import dev.genguard.engine.governance.AssessedFinding;
import dev.genguard.engine.governance.Assessment;
import dev.genguard.engine.governance.FileRisk;
import dev.genguard.engine.governance.FindingState;
import dev.genguard.engine.governance.Review;
import dev.genguard.engine.governance.Suppression;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The assessment as one self-contained HTML page for people: summary, risk by file, findings with code excerpts,
 * the AI inventory, and what could not be analysed. It opens offline from a CI artifact: inline CSS, no scripts,
 * no external resources, and a Content-Security-Policy that would block any script that slipped in anyway.
 *
 * <p>Everything that comes from analysed code or configuration (paths, members, messages, source lines, tool
 * names, prompts, owners, reasons, notes) is escaped, and control, bidi and other invisible characters are shown
 * as {@code \\uXXXX}: the page shows what the code says, and the code cannot change the page. The markup is
 * well-formed XML (polyglot HTML5), so a test can parse it strictly. No timestamps: equal input, equal bytes.
 */
public final class HtmlReport {

    /** Context lines shown before and after the flagged lines. */
    private static final int CONTEXT = 2;
    /** A finding spanning a whole method would otherwise paste the method: the excerpt stops here. */
    private static final int MAX_EXCERPT_LINES = 30;
    /** A minified or generated line can be megabytes long. */
    private static final int MAX_LINE_CHARS = 400;
    private static final int MAX_PROMPT_CHARS = 300;
    private static final Pattern CWE = Pattern.compile("[0-9]{1,6}");

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1200px;padding:0 16px 48px;color:#1d2329;background:#fff}
            h1{font-size:22px;margin:24px 0 8px}h2{font-size:18px;margin:32px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
            h3{font-size:15px;margin:20px 0 6px;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
            table{border-collapse:collapse;margin:8px 0;width:100%}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f6f8fa}td.num,th.num{text-align:right}table.counts{width:auto}
            code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
            td code{word-break:break-all}
            .meta{color:#57606a}.meta b{color:#1d2329}
            .finding{border:1px solid #d0d7de;border-left:4px solid #8c959f;border-radius:4px;margin:10px 0;padding:8px 12px}
            .finding.sev-blocker{border-left-color:#82071e}.finding.sev-critical{border-left-color:#cf222e}
            .finding.sev-major{border-left-color:#bc4c00}.finding.sev-minor{border-left-color:#9a6700}
            .finding.state-baseline,.finding.state-suppressed{opacity:.8}
            .head{margin:0 0 4px}.msg{margin:4px 0}
            .sev{display:inline-block;border-radius:3px;color:#fff;font-size:11px;font-weight:600;padding:1px 6px;background:#8c959f}
            .sev.sev-blocker{background:#82071e}.sev.sev-critical{background:#cf222e}.sev.sev-major{background:#bc4c00}.sev.sev-minor{background:#9a6700}
            .state{display:inline-block;border:1px solid #8c959f;border-radius:10px;font-size:11px;padding:0 6px}
            .state-new .state{border-color:#cf222e;color:#cf222e}
            .ai{color:#6639ba}.unreviewed{color:#cf222e;font-weight:600}
            dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px;margin:6px 0}dt{color:#57606a}dd{margin:0;word-break:break-word}
            pre.excerpt{background:#f6f8fa;border:1px solid #d0d7de;border-radius:4px;padding:6px 0;overflow-x:auto;tab-size:4;margin:6px 0 0}
            .line{display:inline-block;min-width:100%;padding:0 8px;box-sizing:border-box}
            .line.hit{background:#fff1c2}.ln{color:#8c959f;user-select:none}.mk{color:#cf222e;font-weight:700}
            """;

    private HtmlReport() {
    }

    /**
     * Writes the report atomically.
     *
     * @param baseDir the module base directory the assessment's paths are relative to, for code excerpts; a file
     *                that is missing, unreadable or outside it gets no excerpt
     */
    public static void write(Assessment a, Catalog catalog, Path baseDir, Path out) throws IOException {
        write(a, catalog, baseDir, out, StandardCharsets.UTF_8);
    }

    /** Writes the report atomically, reading the sources for excerpts in {@code encoding}. */
    public static void write(Assessment a, Catalog catalog, Path baseDir, Path out, Charset encoding) throws IOException {
        byte[] html = render(a, catalog, baseDir, encoding).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(out, o -> o.write(html));
    }

    static String render(Assessment a, Catalog catalog, Path baseDir) {
        return render(a, catalog, baseDir, StandardCharsets.UTF_8);
    }

    static String render(Assessment a, Catalog catalog, Path baseDir, Charset encoding) {
        StringBuilder h = new StringBuilder(16_384);
        String module = a.module().isEmpty() ? "(unnamed module)" : a.module();
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\" />\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\" />\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\" />\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
                .append("<title>GenGuard report: ").append(Html.text(module)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        List<AssessedFinding> findings = a.findings().stream().sorted(ReportOrder.FINDINGS).toList();
        Map<String, List<AssessedFinding>> byFile = new LinkedHashMap<>();
        findings.forEach(f -> byFile.computeIfAbsent(f.finding().file(), k -> new ArrayList<>()).add(f));
        // Anchors by position, not by path: a path is analysed input and has no business in an id.
        Map<String, String> anchors = new HashMap<>();
        byFile.keySet().forEach(file -> anchors.put(file, "file-" + (anchors.size() + 1)));

        header(h, a, module, findings);
        h.append("<main>\n");
        riskTable(h, a, anchors);
        findingsByFile(h, byFile, anchors, catalog, new Sources(baseDir, encoding));
        inventory(h, a, findings);
        problems(h, a);
        h.append("</main>\n<footer><p class=\"meta\">Generated by GenGuard.</p></footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, Assessment a, String module, List<AssessedFinding> findings) {
        h.append("<header>\n<h1>GenGuard report: ").append(Html.text(module)).append("</h1>\n")
                .append("<p class=\"meta\">Profile <b>").append(Html.text(a.profile().id())).append("</b> &#183; Risk <b>")
                .append(a.risk()).append("</b>/100 &#183; AI share <b>").append(percent(a.aiShare())).append("</b> (")
                .append(a.aiLines()).append(" of ").append(a.totalLines()).append(" lines) &#183; Fixed baseline entries <b>")
                .append(a.fixedBaseline()).append("</b></p>\n");
        Map<Severity, int[]> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, new int[FindingState.values().length]);
        }
        findings.forEach(f -> counts.get(f.finding().severity())[f.state().ordinal()]++);
        h.append("<table class=\"counts\">\n<thead><tr><th scope=\"col\">Severity</th>");
        for (FindingState state : FindingState.values()) {
            h.append("<th scope=\"col\" class=\"num\">").append(capitalized(state.id())).append("</th>");
        }
        h.append("<th scope=\"col\" class=\"num\">Total</th></tr></thead>\n<tbody>\n");
        int[] totals = new int[FindingState.values().length];
        for (Severity s : Severity.values()) {
            int[] row = counts.get(s);
            h.append("<tr><th scope=\"row\">").append(badge(s)).append("</th>");
            int sum = 0;
            for (int i = 0; i < row.length; i++) {
                h.append("<td class=\"num\">").append(row[i]).append("</td>");
                totals[i] += row[i];
                sum += row[i];
            }
            h.append("<td class=\"num\">").append(sum).append("</td></tr>\n");
        }
        h.append("<tr><th scope=\"row\">All</th>");
        for (int total : totals) {
            h.append("<td class=\"num\">").append(total).append("</td>");
        }
        h.append("<td class=\"num\">").append(findings.size()).append("</td></tr>\n</tbody>\n</table>\n</header>\n");
    }

    private static void riskTable(StringBuilder h, Assessment a, Map<String, String> anchors) {
        h.append("<section id=\"risk\">\n<h2>Risk by file</h2>\n");
        if (a.files().isEmpty()) {
            h.append("<p>No file has findings or AI-tagged code.</p>\n</section>\n");
            return;
        }
        h.append("<table>\n<thead><tr><th scope=\"col\">File</th><th scope=\"col\" class=\"num\">Score</th>")
                .append("<th scope=\"col\" class=\"num\">Finding points</th><th scope=\"col\" class=\"num\">AI share</th>")
                .append("<th scope=\"col\">Sensitive areas</th><th scope=\"col\" class=\"num\">Unreviewed</th></tr></thead>\n<tbody>\n");
        // Riskiest first: the table answers "where do I look".
        List<FileRisk> files = a.files().stream()
                .sorted(Comparator.comparingInt(FileRisk::score).reversed().thenComparing(ReportOrder.FILES))
                .toList();
        for (FileRisk r : files) {
            String anchor = anchors.get(r.file());
            h.append("<tr><td><code>");
            if (anchor != null) {
                h.append("<a href=\"#").append(anchor).append("\">").append(Html.text(r.file())).append("</a>");
            } else {
                h.append(Html.text(r.file()));
            }
            StringJoiner areas = new StringJoiner(", ");
            r.sensitiveAreas().forEach(area -> areas.add(Html.text(area)));
            h.append("</code></td><td class=\"num\">").append(r.score()).append("</td><td class=\"num\">")
                    .append(r.findingPoints()).append("</td><td class=\"num\">").append(percent(r.aiShare()))
                    .append("</td><td>").append(areas).append("</td><td class=\"num\">").append(r.unreviewed())
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void findingsByFile(StringBuilder h, Map<String, List<AssessedFinding>> byFile,
                                       Map<String, String> anchors, Catalog catalog, Sources sources) {
        h.append("<section id=\"findings\">\n<h2>Findings by file</h2>\n");
        if (byFile.isEmpty()) {
            h.append("<p>No findings.</p>\n");
        }
        for (Map.Entry<String, List<AssessedFinding>> file : byFile.entrySet()) {
            h.append("<section class=\"file\" id=\"").append(anchors.get(file.getKey())).append("\">\n<h3>")
                    .append(Html.text(file.getKey())).append("</h3>\n");
            // One read per file, as far as its last excerpt reaches.
            int upTo = file.getValue().stream().mapToInt(af -> excerptRange(af.finding())[1]).max().orElse(0);
            List<String> lines = sources.lines(file.getKey(), upTo);
            for (AssessedFinding af : file.getValue()) {
                finding(h, af, catalog, lines);
            }
            h.append("</section>\n");
        }
        h.append("</section>\n");
    }

    private static void finding(StringBuilder h, AssessedFinding af, Catalog catalog, List<String> lines) {
        Finding f = af.finding();
        String sev = f.severity().name().toLowerCase(Locale.ROOT);
        h.append("<article class=\"finding sev-").append(sev).append(" state-").append(af.state().id()).append("\">\n")
                .append("<p class=\"head\">").append(badge(f.severity())).append(" <code>").append(Html.text(f.ruleId()))
                .append("</code>");
        catalog.rule(f.ruleId()).map(RuleInfo::title).filter(t -> !t.isEmpty())
                .ifPresent(title -> h.append(' ').append(Html.text(title)));
        if (CWE.matcher(f.cwe()).matches()) {
            // Only a number becomes part of the URL; anything else in the field is shown, not linked.
            h.append(" <a href=\"https://cwe.mitre.org/data/definitions/").append(f.cwe()).append(".html\">CWE-")
                    .append(f.cwe()).append("</a>");
        } else if (!f.cwe().isEmpty()) {
            h.append(" CWE-").append(Html.text(f.cwe()));
        }
        h.append(" <span class=\"state\">").append(af.state().id()).append("</span> line ").append(f.line());
        if (f.endLine() > f.line()) {
            h.append("&#8211;").append(f.endLine());
        }
        if (af.aiGenerated()) {
            h.append(" <span class=\"ai\">AI-generated</span>");
        }
        h.append("</p>\n<p class=\"msg\">").append(Html.text(f.message().isEmpty() ? f.ruleId() : f.message()))
                .append("</p>\n");
        StringBuilder details = new StringBuilder();
        if (!af.member().isEmpty()) {
            details.append("<dt>Member</dt><dd><code>").append(Html.text(af.member())).append("</code></dd>\n");
        }
        if (af.ai() != null) {
            details.append("<dt>AI provenance</dt><dd>").append(provenance(af.ai())).append("</dd>\n");
        }
        if (af.state() == FindingState.SUPPRESSED) {
            Suppression s = af.suppression();
            details.append("<dt>Suppressed</dt><dd>");
            if (s != null && s.hasReason()) {
                details.append(Html.text(s.reason()));
            } else {
                details.append("<span class=\"unreviewed\">no reason given</span>");
            }
            if (s != null) {
                details.append(" (").append(Html.text(s.kind() == null ? "" : s.kind())).append(", line ")
                        .append(s.line()).append(')');
            }
            details.append("</dd>\n");
        }
        if (!details.isEmpty()) {
            h.append("<dl>\n").append(details).append("</dl>\n");
        }
        excerpt(h, lines, f);
        h.append("</article>\n");
    }

    /** Lines {@code line-2 .. endLine+2}, the flagged ones marked by colour and by a {@code >} in the gutter. */
    private static void excerpt(StringBuilder h, List<String> lines, Finding f) {
        int[] range = excerptRange(f);
        int first = range[0];
        if (lines.size() < first) {
            // Missing or unreadable file, or a line beyond its end (the file changed after analysis).
            return;
        }
        int last = Math.min(range[1], lines.size());
        int width = String.valueOf(last).length();
        h.append("<pre class=\"excerpt\"><code>");
        for (int n = first; n <= last; n++) {
            boolean hit = n >= f.line() && n <= f.endLine();
            h.append("<span class=\"line").append(hit ? " hit" : "").append("\"><span class=\"ln\">")
                    .append(String.format(Locale.ROOT, "%" + width + "d", n)).append("</span> <span class=\"mk\">")
                    .append(hit ? "&gt;" : " ").append("</span> ").append(Html.codeLine(truncate(lines.get(n - 1), MAX_LINE_CHARS)))
                    .append("</span>\n");
        }
        h.append("</code></pre>\n");
    }

    /** First and last line of a finding's excerpt, 1-based, before clipping to the file's length. */
    private static int[] excerptRange(Finding f) {
        int first = Math.max(1, f.line() - CONTEXT);
        int last = Math.min(Math.max(f.line(), f.endLine()) + CONTEXT, first + MAX_EXCERPT_LINES - 1);
        return new int[] {first, last};
    }

    private static String provenance(AiRegion r) {
        StringJoiner parts = new StringJoiner(" &#183; ");
        parts.add(r.source() == null ? "AI-generated" : Html.text(r.source().id()));
        addPart(parts, "tool", r.tag().tool());
        addPart(parts, "model", r.tag().model());
        addPart(parts, "prompt log", r.tag().promptLog());
        addPart(parts, "commit", r.commit());
        addPart(parts, "owner", r.owner());
        parts.add(review(r.review()));
        return parts.toString();
    }

    private static void addPart(StringJoiner parts, String label, String value) {
        if (value != null && !value.isEmpty()) {
            parts.add(label + " " + Html.text(value));
        }
    }

    private static String review(Review review) {
        if (review == null) {
            return "<span class=\"unreviewed\">not reviewed</span>";
        }
        StringBuilder b = new StringBuilder("reviewed");
        if (!review.by().isEmpty()) {
            b.append(" by ").append(Html.text(review.by()));
        }
        if (!review.date().isEmpty()) {
            b.append(" on ").append(Html.text(review.date()));
        }
        if (!review.ticket().isEmpty()) {
            b.append(" (").append(Html.text(review.ticket())).append(')');
        }
        return b.toString();
    }

    private static void inventory(StringBuilder h, Assessment a, List<AssessedFinding> findings) {
        h.append("<section id=\"inventory\">\n<h2>AI inventory</h2>\n");
        if (a.inventory().isEmpty()) {
            h.append("<p>No AI-tagged code.</p>\n</section>\n");
            return;
        }
        h.append("<table>\n<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Member</th><th scope=\"col\">Lines</th>")
                .append("<th scope=\"col\">Source</th><th scope=\"col\">Tool / model</th><th scope=\"col\">Prompt</th>")
                .append("<th scope=\"col\">Prompt log</th><th scope=\"col\">Owner</th><th scope=\"col\">Review</th>")
                .append("<th scope=\"col\" class=\"num\">Findings</th></tr></thead>\n<tbody>\n");
        // The findings' lines per file, sorted, so that each region counts its findings by two binary searches.
        Map<String, List<Integer>> linesByFile = new HashMap<>();
        findings.forEach(f -> linesByFile.computeIfAbsent(f.finding().file(), k -> new ArrayList<>()).add(f.finding().line()));
        linesByFile.values().forEach(java.util.Collections::sort);
        for (AiRegion r : a.inventory().stream().sorted(ReportOrder.REGIONS).toList()) {
            List<Integer> lines = linesByFile.getOrDefault(r.file(), List.of());
            long inRegion = firstAtLeast(lines, r.endLine() + 1) - firstAtLeast(lines, r.beginLine());
            String toolModel = r.tag().tool().isEmpty() || r.tag().model().isEmpty()
                    ? r.tag().tool() + r.tag().model() : r.tag().tool() + " / " + r.tag().model();
            h.append("<tr><td><code>").append(Html.text(r.file())).append("</code></td><td><code>")
                    .append(Html.text(r.member())).append("</code></td><td class=\"num\">").append(r.beginLine())
                    .append("&#8211;").append(r.endLine()).append("</td><td>")
                    .append(r.source() == null ? "" : Html.text(r.source().id())).append("</td><td>")
                    .append(Html.text(toolModel)).append("</td><td>")
                    .append(Html.text(truncate(r.tag().prompt(), MAX_PROMPT_CHARS))).append("</td><td>")
                    .append(Html.text(r.tag().promptLog())).append("</td><td>").append(Html.text(r.owner()))
                    .append("</td><td>").append(review(r.review())).append("</td><td class=\"num\">").append(inRegion)
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    /** The index of the first element {@code >= value} in a sorted list. */
    private static int firstAtLeast(List<Integer> sorted, int value) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted.get(mid) < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static void problems(StringBuilder h, Assessment a) {
        h.append("<section id=\"problems\">\n<h2>Notes and errors</h2>\n");
        if (a.notes().isEmpty() && a.errors().isEmpty()) {
            h.append("<p>None: every source was analysed.</p>\n</section>\n");
            return;
        }
        if (!a.notes().isEmpty()) {
            h.append("<ul class=\"notes\">\n");
            a.notes().forEach(note -> h.append("<li>").append(Html.text(note)).append("</li>\n"));
            h.append("</ul>\n");
        }
        if (!a.errors().isEmpty()) {
            h.append("<table>\n<thead><tr><th scope=\"col\">Engine</th><th scope=\"col\">File</th>")
                    .append("<th scope=\"col\">Error</th></tr></thead>\n<tbody>\n");
            for (ScanError e : a.errors().stream().sorted(ReportOrder.ERRORS).toList()) {
                h.append("<tr><td>").append(Html.text(e.engine().id())).append("</td><td><code>")
                        .append(Html.text(ReportOrder.orEmpty(e.file()))).append("</code></td><td>")
                        .append(Html.text(ReportOrder.orEmpty(e.message()))).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        h.append("</section>\n");
    }

    private static String badge(Severity s) {
        return "<span class=\"sev sev-" + s.name().toLowerCase(Locale.ROOT) + "\">" + s.name() + "</span>";
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** At most {@code max} code points (never splitting a surrogate pair), with an ellipsis when cut. */
    private static String truncate(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max)) + "\u2026";
    }

    /**
     * Reads source lines for excerpts. Only regular files inside the base directory are read, after resolving
     * links: a path in the assessment (or a symbolic link in the analysed repository) must not pull another file
     * of the build machine into a report that may be published.
     */
    private static final class Sources {

        private final Path base;
        private final Charset encoding;

        Sources(Path baseDir, Charset encoding) {
            this.encoding = encoding;
            Path real;
            try {
                real = baseDir == null ? null : baseDir.toRealPath();
            } catch (IOException e) {
                real = null;
            }
            this.base = real;
        }

        /** The first {@code upTo} lines of the file, fewer when it is shorter; none when it cannot be read. */
        List<String> lines(String file, int upTo) {
            if (base == null || file.isEmpty()) {
                return List.of();
            }
            try {
                Path path = base.resolve(file).normalize();
                if (!path.startsWith(base)) {
                    return List.of();
                }
                Path real = path.toRealPath();
                if (!real.startsWith(base) || !Files.isRegularFile(real)) {
                    return List.of();
                }
                // In the module's source encoding; malformed input replaced instead of failing.
                CharsetDecoder decoder = encoding.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
                List<String> lines = new ArrayList<>();
                try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(real), decoder))) {
                    String line;
                    while (lines.size() < upTo && (line = in.readLine()) != null) {
                        lines.add(line);
                    }
                }
                return lines;
            } catch (IOException | InvalidPathException | SecurityException e) {
                return List.of();
            }
        }
    }
}
